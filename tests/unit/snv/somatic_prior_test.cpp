#include "libsomatic/snv/somatic_prior.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace somatic::snv;

namespace {
// A candidate whose somatic likelihood is `ratio` times the other hypotheses'
// prior-weighted likelihood.
PriorEvidence with_ratio(double ratio) { return {std::log10(ratio), 0.0}; }
}  // namespace

TEST_CASE("the EM prior: certain candidates are counted, per callable site") {
    // 100 candidates the somatic hypothesis explains 1e12 times better, in
    // 999,900 callable sites: with the pseudo-counts (1 somatic in 1e6 sites)
    // the fixed point is (100 + 1) / (999,900 + 1e6) = 5.0503e-5 (each
    // candidate's posterior rounds to 1).
    std::vector<PriorEvidence> c(100, with_ratio(1e12));
    CHECK(estimate_somatic_prior(c, 999900) == doctest::Approx(101.0 / 1999900.0).epsilon(1e-6));
}

TEST_CASE("the EM prior: an ambiguous candidate's fixed point, solved by hand") {
    // No pseudo-counts, one candidate with likelihood ratio r in N sites:
    // pi = (pi r / (pi r + 1)) / N  =>  pi = 1/N - 1/r. N = 1,000 and
    // r = 10,000 give 9e-4 (bounds widened to admit it).
    PriorBounds open{1e-9, 1e-2, 0.0, 0.0};
    CHECK(estimate_somatic_prior({with_ratio(1e4)}, 1000, open, 1e-6) == doctest::Approx(9e-4).epsilon(1e-3));
}

TEST_CASE("the EM prior stays within its bounds") {
    CHECK(estimate_somatic_prior({}, 1000000000) == doctest::Approx(1e-7));  // (0 + 1) / (1e9 + 1e6) < 1e-7
    std::vector<PriorEvidence> many(5000, with_ratio(1e12));
    CHECK(estimate_somatic_prior(many, 10000) == doctest::Approx(1e-4));  // 0.49 clamped
}

TEST_CASE("the prior's genome sample is spread evenly and independent of the regions called") {
    const std::vector<somatic::Interval> genome{{"chr1", 0, 1000000}, {"chr2", 0, 600000}};
    // 16 chunks of 100 kb; 4 picked at strata centres (2i + 1) * 16 / 8 = 2, 6, 10, 14.
    const auto picked = prior_sample_chunks(genome, 100000, 4);
    REQUIRE(picked.size() == 4);
    CHECK(picked[0].contig == "chr1");
    CHECK(picked[0].beg == 200000);
    CHECK(picked[1].beg == 600000);
    CHECK(picked[2].contig == "chr2");
    CHECK(picked[2].beg == 0);
    CHECK(picked[3].beg == 400000);
    CHECK(prior_sample_chunks(genome, 100000, 40).size() == 16);  // fewer chunks than asked: all of them
}

TEST_CASE("a genome within 40 chunks of 100 kb is its own prior sample") {
    // 1.6 Mb: 16 chunks, all drawn. 4.05 Mb: 41 chunks, 40 drawn, one left out.
    const std::vector<somatic::Interval> small{{"chr1", 0, 1000000}, {"chr2", 0, 600000}};
    CHECK(prior_sample_is_everything(small, prior_sample_chunks(small)));
    const std::vector<somatic::Interval> large{{"chr1", 0, 4050000}};
    CHECK_FALSE(prior_sample_is_everything(large, prior_sample_chunks(large)));
    // A sample drawn with other sizes is not the default chunking of the genome.
    CHECK_FALSE(prior_sample_is_everything(small, prior_sample_chunks(small, 50000, 100)));
}

TEST_CASE("the shared prior is estimated with the somatic prior") {
    // No shared evidence: the shared prior stays at its floor, 1e-8
    // ((0 + 0.01) / (sites + 1e6)), and the somatic estimate is the
    // somatic-only one.
    std::vector<PriorEvidence> c(100, with_ratio(1e12));
    const auto only = estimate_priors(c, 999900, PriorBounds{}, kSharedPriorBounds, {1e-6, 1e-8});
    CHECK(only.somatic == doctest::Approx(101.0 / 1999900.0).epsilon(1e-6));
    CHECK(only.shared == doctest::Approx(1e-8));
    // 100 sites whose shared likelihood is 1e12 x the others', none somatic:
    // each is shared with probability ~1, so pi_s = (100 + 0.01) / (999900 +
    // 1e6), and pi falls to its floor.
    std::vector<PriorEvidence> shared(100, PriorEvidence{-20.0, 0.0, 12.0});
    const auto both = estimate_priors(shared, 999900, PriorBounds{}, kSharedPriorBounds, {1e-6, 1e-8});
    CHECK(both.shared == doctest::Approx(100.01 / 1999900.0).epsilon(1e-4));
    CHECK(both.somatic == doctest::Approx(1e-7));
}
