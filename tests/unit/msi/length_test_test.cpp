#include "libsomatic/msi/length_test.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace somatic::msi;

// Expected values worked by hand from the 2 x L tables; the p-values from
// the chi-square law's closed forms: df 1, p = erfc(sqrt(x / 2)); df 2,
// p = exp(-x / 2).
TEST_CASE("chi-square of a tumour whose reads moved to a shorter length") {
    // Lengths 8 and 10: tumour 10 and 20, normal 0 and 30. Expected counts
    // 5/5 and 25/25: (25 + 25) / 5 + (25 + 25) / 25 = 12.
    const LengthTest t = compare_lengths({{8, 10}, {10, 20}}, {{10, 30}});
    CHECK(t.statistic == doctest::Approx(12.0));
    CHECK(t.df == 1);
    CHECK(t.p_value == doctest::Approx(std::erfc(std::sqrt(6.0))).epsilon(1e-9));
}

TEST_CASE("chi-square with two degrees of freedom") {
    // Tumour 10, 10, 20 and normal 5, 5, 30 at lengths 6, 8, 10: expected
    // 7.5 in each cell of the first two columns, 25 in the last:
    // 4 x 6.25 / 7.5 + 2 x 25 / 25 = 16/3.
    const LengthTest t = compare_lengths({{6, 10}, {8, 10}, {10, 20}}, {{6, 5}, {8, 5}, {10, 30}});
    CHECK(t.statistic == doctest::Approx(16.0 / 3.0));
    CHECK(t.df == 2);
    CHECK(t.p_value == doctest::Approx(std::exp(-8.0 / 3.0)).epsilon(1e-9));
}

TEST_CASE("lengths seen in few reads are pooled into one column") {
    // Lengths 6 (2 reads), 8 (3) and 12 (1) are each rarer than 5 reads:
    // one column, tumour 5 and normal 1, next to length 10 (20, 25).
    // T = 25, N = 26: expected 25*6/51 and 26*6/51, 25*45/51 and 26*45/51.
    const LengthTest t = compare_lengths({{6, 2}, {8, 3}, {10, 20}}, {{10, 25}, {12, 1}});
    const double et = 25.0 * 6 / 51, en = 26.0 * 6 / 51, ft = 25.0 * 45 / 51, fn = 26.0 * 45 / 51;
    const double x = (5 - et) * (5 - et) / et + (1 - en) * (1 - en) / en + (20 - ft) * (20 - ft) / ft +
                     (25 - fn) * (25 - fn) / fn;
    CHECK(t.statistic == doctest::Approx(x));
    CHECK(t.df == 1);
    CHECK(t.p_value == doctest::Approx(std::erfc(std::sqrt(x / 2))).epsilon(1e-9));
    // Without pooling each length is a column of its own.
    CHECK(compare_lengths({{6, 2}, {8, 3}, {10, 20}}, {{10, 25}, {12, 1}}, 1).df == 3);
}

TEST_CASE("one length in both samples, or an empty sample, is no evidence") {
    CHECK(compare_lengths({{10, 30}}, {{10, 40}}).p_value == 1.0);
    CHECK(compare_lengths({{10, 30}}, {{10, 40}}).df == 0);
    CHECK(compare_lengths({{10, 30}, {8, 9}}, {}).p_value == 1.0);
    // Identical proportions: statistic 0, p = 1.
    const LengthTest same = compare_lengths({{8, 10}, {10, 20}}, {{8, 20}, {10, 40}});
    CHECK(same.statistic == doctest::Approx(0.0));
    CHECK(same.p_value == doctest::Approx(1.0));
}

TEST_CASE("Benjamini-Hochberg q-values worked by hand") {
    // Sorted p: 0.01, 0.03, 0.04, 0.2 (m = 4): p * 4 / rank = 0.04, 0.06,
    // 0.0533, 0.2; then the running minimum from the largest down.
    const std::vector<double> q = benjamini_hochberg({0.01, 0.04, 0.03, 0.2});
    REQUIRE(q.size() == 4);
    CHECK(q[0] == doctest::Approx(0.04));
    CHECK(q[1] == doctest::Approx(0.16 / 3));
    CHECK(q[2] == doctest::Approx(0.16 / 3));
    CHECK(q[3] == doctest::Approx(0.2));
    // Capped at 1; ties get one value.
    const std::vector<double> t = benjamini_hochberg({0.9, 0.9, 0.5});
    CHECK(t[0] == doctest::Approx(0.9));
    CHECK(t[1] == doctest::Approx(0.9));
    CHECK(t[2] == doctest::Approx(0.9));
    CHECK(benjamini_hochberg({}).empty());
}
