#include "libsomatic/cli/flag_names.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/error.hpp"

using namespace somatic;

TEST_CASE("field names become flags, whole names only") {
    const cli::FlagNames flags{{"min_af", "--het-min-af"},
                               {"max_af", "--het-max-af"},
                               {"priors.shared", "--shared-prior"},
                               {"shared", "--wrong"}};
    CHECK(cli::to_flags("min_af must be at most max_af", flags) == "--het-min-af must be at most --het-max-af");
    CHECK(cli::to_flags("min_af/max_af must satisfy 0 <= min <= max <= 1", flags) ==
          "--het-min-af/--het-max-af must satisfy 0 <= min <= max <= 1");
    // The longer, dotted name wins; a name inside a longer one stays.
    CHECK(cli::to_flags("priors.shared must be between 0 and 0.01", flags) ==
          "--shared-prior must be between 0 and 0.01");
    CHECK(cli::to_flags("min_af_x and xmin_af and priors.shared_rate", flags) ==
          "min_af_x and xmin_af and priors.shared_rate");
    CHECK(cli::to_flags("shared.", flags) == "--wrong.");
    CHECK(cli::to_flags("", flags).empty());
}

TEST_CASE("with_flags rethrows a library error in flag names, kind and hint kept") {
    const cli::FlagNames flags{{"chunk_size", "--chunk-size"}};
    try {
        cli::with_flags(flags, [] { throw usage_error("chunk_size must be at least 1000", "raise chunk_size"); });
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(std::string(e.what()) == "--chunk-size must be at least 1000 (raise --chunk-size)");
    }
    CHECK_NOTHROW(cli::with_flags(flags, [] {}));
    CHECK_THROWS_AS(cli::with_flags(flags, [] { throw std::runtime_error("chunk_size"); }), std::runtime_error);
}
