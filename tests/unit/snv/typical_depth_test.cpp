#include "libsomatic/snv/typical_depth.hpp"

#include <doctest/doctest.h>

using namespace somatic::snv;

namespace {
DepthHistogram of(std::initializer_list<uint32_t> depths) {
    DepthHistogram h;
    for (uint32_t d : depths) h.add(d);
    return h;
}
}  // namespace

TEST_CASE("the typical depth is the depth-weighted median over covered positions") {
    // Depths 0, 0, 2, 4, 4, 10: four covered positions holding 20 bases.
    // Bases at depth <= 2: 2; <= 4: 10 = half of 20, so 4. The plain median
    // of 2, 4, 4, 10 (the lower middle) is 4 too.
    const auto h = of({0, 0, 2, 4, 4, 10});
    CHECK(h.covered_positions() == 4);
    CHECK(h.typical_depth() == 4);
    // Two of the six positions have no reads: 4/6 covered.
    CHECK(h.uncovered_positions() == 2);
    CHECK(h.covered_fraction() == doctest::Approx(4.0 / 6.0));
}

TEST_CASE("an empty histogram covers nothing") {
    const DepthHistogram h;
    CHECK(h.covered_positions() == 0);
    CHECK(h.covered_fraction() == 0);
    CHECK(h.typical_depth() == 0);
    CHECK(of({0, 0}).covered_fraction() == 0);
}

TEST_CASE("scattered low-depth positions do not pull the typical depth down") {
    // A capture: 8 off-target positions at depth 1 (8 bases) and 2 on-target
    // positions at 30 (60 bases). Half of the 68 bases is 34; depth <= 1
    // holds 8, depth <= 30 all 68: 30. The plain median over covered
    // positions is 1, which would make every on-target site HighDepth.
    const auto h = of({1, 1, 1, 1, 1, 1, 1, 1, 30, 30});
    CHECK(h.typical_depth() == 30);
}

TEST_CASE("a collapsed repeat does not move the typical depth") {
    // 90 positions at 30 (2700 bases), 10 at 90 (900 bases): half is 1800,
    // reached at 30.
    DepthHistogram h;
    for (int i = 0; i < 90; ++i) h.add(30);
    for (int i = 0; i < 10; ++i) h.add(90);
    CHECK(h.typical_depth() == 30);
}

TEST_CASE("merged histograms are the histogram of all positions; no coverage gives 0") {
    auto a = of({5, 5});
    a.merge(of({0, 20, 20, 20}));
    // 10 + 60 bases, half 35: depth <= 5 holds 10, <= 20 all: 20.
    CHECK(a.covered_positions() == 5);
    CHECK(a.typical_depth() == 20);
    CHECK(of({0, 0}).typical_depth() == 0);
}
