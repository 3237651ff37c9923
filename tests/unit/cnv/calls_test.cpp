#include "libsomatic/cnv/calls.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "libsomatic/core/log.hpp"

using namespace somatic;
using namespace somatic::cnv;

namespace {
// Two chr1 segments of `bins` bins each, without het sites: the values
// do not matter, the warning does.
SegmentTable two_segments(uint32_t bins) {
    SegmentTable t;
    t.contigs = {"chr1"};
    t.log2_sd = 0.1;
    t.baf_sd = 0.05;
    for (int i = 0; i < 2; ++i) {
        Segment s;
        s.contig = 0;
        s.beg = i * 100000;
        s.end = s.beg + 100000;
        s.n_bins = bins;
        s.log2 = i == 0 ? -0.2 : 0.3;
        s.n_het = 0;
        s.mirrored_baf = std::nan("");
        s.het_depth = std::nan("");
        t.segments.push_back(s);
    }
    return t;
}

std::vector<std::string> warnings_of(const SegmentTable& table) {
    std::vector<std::string> warnings;
    log::set_sink([&](log::Level level, const std::string& m) {
        if (level == log::Level::warning) warnings.push_back(m);
    });
    const CnvCalls calls = call_copy_number(table, CallOptions{});
    log::set_sink({});
    CHECK(calls.calls.size() == table.segments.size());  // fitted all the same
    return warnings;
}

bool names_too_few(const std::vector<std::string>& warnings, const std::string& what) {
    for (const auto& w : warnings) {
        if (w.find(what) != std::string::npos && w.find("not supported") != std::string::npos) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("a fit on fewer than 20 bins is made and said to be unsupported") {
    CHECK(names_too_few(warnings_of(two_segments(9)), "only 18 bins are left"));
    CHECK_FALSE(names_too_few(warnings_of(two_segments(10)), "bins are left"));
    SegmentTable one = two_segments(1);
    one.segments.pop_back();
    CHECK(names_too_few(warnings_of(one), "only 1 bin is left"));
}
