#include <doctest/doctest.h>

#include "libsomatic/stats/binomial.hpp"

using somatic::stats::binomial_upper_tail;

TEST_CASE("binomial upper tail against hand-computed sums") {
    // P(X >= 2 | 3, 1/2) = (3 + 1) / 8.
    CHECK(binomial_upper_tail(2, 3, 0.5) == doctest::Approx(0.5));
    // P(X >= 4 | 4, 1/4) = (1/4)^4.
    CHECK(binomial_upper_tail(4, 4, 0.25) == doctest::Approx(0.00390625));
    // P(X >= 1 | 10, 0.1) = 1 - 0.9^10.
    CHECK(binomial_upper_tail(1, 10, 0.1) == doctest::Approx(0.6513215599));
    // 4 normal alt reads of 43 where contamination predicts 3.19%: the sum
    // over i = 4..43 of C(43, i) p^i (1 - p)^(43 - i), done exactly in Python.
    CHECK(binomial_upper_tail(4, 43, 0.0319) == doctest::Approx(0.04769756021).epsilon(1e-8));
    // A far tail stays accurate where 1 - cdf would round to 0: P(X >= 30 |
    // 40, 0.05), summed the same way, is 4.81e-31.
    CHECK(binomial_upper_tail(30, 40, 0.05) == doctest::Approx(4.808153959583741e-31).epsilon(1e-8).scale(0));
}

TEST_CASE("binomial upper tail edges") {
    CHECK(binomial_upper_tail(0, 10, 0.3) == 1.0);
    CHECK(binomial_upper_tail(11, 10, 0.3) == 0.0);
    CHECK(binomial_upper_tail(1, 10, 0.0) == 0.0);
    CHECK(binomial_upper_tail(10, 10, 1.0) == 1.0);
}
