#include "libsomatic/cnv/outputs.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/error.hpp"
#include "test_util.hpp"

using namespace somatic::cnv;
using somatic::cnv::test::TempFile;

TEST_CASE("the calls' outputs must name different files") {
    CallOutputs o;
    CHECK_NOTHROW(o.validate());  // the BED alone, on standard output
    o.seg_file = "x.seg";
    o.summary_file = "x.summary.tsv";
    CHECK_NOTHROW(o.validate());
    o.plot_file = "-";  // the BED is on standard output too
    CHECK_THROWS_WITH_AS(o.validate(), "bed_file and plot_file name the same output (standard output) (give each output its own file)",
                         somatic::Error);
    o.plot_file = "x.svg";
    o.summary_file = "./x.seg";  // the same file by another name
    CHECK_THROWS_WITH_AS(o.validate(), "seg_file and summary_file name the same output (./x.seg) (give each output its own file)",
                         somatic::Error);
    // Devices may be shared.
    CallOutputs d;
    d.bed_file = d.seg_file = d.summary_file = "/dev/null";
    CHECK_NOTHROW(d.validate());
}
