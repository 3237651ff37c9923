#include "libsomatic/stats/fisher.hpp"

#include <doctest/doctest.h>

using namespace somatic::stats;

TEST_CASE("Fisher's exact test matches hand-computed hypergeometric sums") {
    // Fisher's tea-tasting table: P(a=3) = 16/70, P(a=4) = 1/70, and the
    // symmetric tables a=1, a=0: (16 + 1 + 16 + 1) / 70 = 0.4857142857.
    CHECK(fisher_exact_two_sided(3, 1, 1, 3) == doctest::Approx(34.0 / 70.0).epsilon(1e-12));
    // [[10, 0], [0, 10]]: 2 / C(20, 10) = 2 / 184756.
    CHECK(fisher_exact_two_sided(10, 0, 0, 10) == doctest::Approx(2.0 / 184756.0).epsilon(1e-9));
    // A table that is as expected: p = 1.
    CHECK(fisher_exact_two_sided(5, 5, 5, 5) == doctest::Approx(1.0));
    // Empty margins carry no evidence.
    CHECK(fisher_exact_two_sided(0, 0, 3, 4) == 1.0);
    CHECK(fisher_exact_two_sided(0, 0, 0, 0) == 1.0);
}

TEST_CASE("phred scaling") {
    CHECK(phred(0.1) == doctest::Approx(10.0));
    CHECK(phred(1e-3) == doctest::Approx(30.0));
    CHECK(phred(0.0) == 255.0);
    CHECK(phred(1e-300, 60) == 60.0);
}
