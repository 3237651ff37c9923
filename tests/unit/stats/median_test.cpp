#include "libsomatic/stats/median.hpp"

#include <doctest/doctest.h>

#include <cmath>

using somatic::stats::upper_median;

TEST_CASE("the upper median by hand") {
    CHECK(upper_median({3, 1, 2}) == 2);
    CHECK(upper_median({4, 1, 3, 2}) == 3);  // sorted 1 2 3 4: element 2 (0-based) is 3
    CHECK(upper_median({7}) == 7);
    CHECK(std::isnan(upper_median({})));
}
