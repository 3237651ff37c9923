#include "libsomatic/cnv/option_error.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace somatic;
using namespace somatic::cnv;

TEST_CASE("an option error names fields; a tool renders them as its flags") {
    const OptionError e({"min_af", "max_af"}, "{min_af} must be at most {max_af}", "lower {min_af}");
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(std::string(e.what()) == "min_af must be at most max_af (lower min_af)");
    auto flag = [](std::string_view f) { return "--het-" + std::string(f == "min_af" ? "min-af" : "max-af"); };
    CHECK(e.problem_as(flag) == "--het-min-af must be at most --het-max-af");
    CHECK(e.hint_as(flag) == "lower --het-min-af");
}

TEST_CASE("only the listed fields are placeholders: other braces and names stay") {
    const OptionError e({"bed", "seg"}, "{bed} and {seg} name the same output (a{seg.bed} {plot} bed)");
    CHECK(e.problem_as([](std::string_view f) { return "<" + std::string(f) + ">"; }) ==
          "<bed> and <seg> name the same output (a{seg.bed} {plot} bed)");
}
