#include "libsomatic/cnv/outputs.hpp"

#include <doctest/doctest.h>

#include "libsomatic/cnv/option_error.hpp"
#include "test_util.hpp"

using namespace somatic::cnv;
using somatic::cnv::test::TempFile;

TEST_CASE("the calls' outputs must name different files") {
    CallOutputs o;
    CHECK_NOTHROW(validate(o));  // the BED alone, on standard output
    o.seg = "x.seg";
    o.summary = "x.summary.tsv";
    CHECK_NOTHROW(validate(o));
    o.plot = "-";  // the BED is on standard output too
    CHECK_THROWS_WITH_AS(validate(o), "bed and plot name the same output (standard output) (give each output its own file)",
                         OptionError);
    o.plot = "x.svg";
    o.summary = "./x.seg";  // the same file by another name
    CHECK_THROWS_WITH_AS(validate(o), "seg and summary name the same output (./x.seg) (give each output its own file)",
                         OptionError);
    // Devices may be shared.
    CallOutputs d;
    d.bed = d.seg = d.summary = "/dev/null";
    CHECK_NOTHROW(validate(d));
}
