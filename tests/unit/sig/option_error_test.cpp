#include "libsomatic/sig/option_error.hpp"

#include <doctest/doctest.h>

using namespace somatic;
using namespace somatic::sig;

TEST_CASE("an option error speaks in field names; the tool renames them to flags") {
    const OptionError e("max_k", "must be at least min_k", "or lower min_k");
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(e.field() == "max_k");
    CHECK(std::string(e.what()) == "max_k must be at least min_k (or lower min_k)");
    const FieldFlags flags = {{"min_k", "--min-k"}, {"max_k", "--max-k"}, {"bootstrap", "--bootstrap"}};
    const Error renamed = rename_fields(e, flags);
    CHECK(renamed.kind() == ErrorKind::usage);
    CHECK(std::string(renamed.what()) == "--max-k must be at least --min-k (or lower --min-k)");
    // Whole words only: bootstrap_out is another field.
    const Error other = rename_fields(OptionError("bootstrap_out", "needs bootstrap N"), flags);
    CHECK(std::string(other.what()) == "bootstrap_out needs --bootstrap N");
}
