#include "libsomatic/sig/option_error.hpp"

#include <doctest/doctest.h>

#include "libsomatic/cli/flag_names.hpp"

using namespace somatic;
using namespace somatic::sig;

TEST_CASE("an option error speaks in field names; the tool says them as flags") {
    const OptionError e("max_k", "must be at least min_k", "or lower min_k");
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(e.field() == "max_k");
    CHECK(std::string(e.what()) == "max_k must be at least min_k (or lower min_k)");
    const cli::FlagNames flags = {{"min_k", "--min-k"}, {"max_k", "--max-k"}, {"bootstrap", "--bootstrap"}};
    CHECK(cli::to_flags(e.problem(), flags) == "--max-k must be at least --min-k");
    // Whole words only: bootstrap_out is another field.
    CHECK(cli::to_flags(OptionError("bootstrap_out", "needs bootstrap N").problem(), flags) ==
          "bootstrap_out needs --bootstrap N");
}
