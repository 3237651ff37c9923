#include "libsomatic/snv/one_sided_artefacts.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "libsomatic/core/bases.hpp"

using namespace somatic;
using namespace somatic::snv;

namespace {
SplitCounts site(char ref, char alt, uint32_t ref_f1r2, uint32_t ref_f2r1, uint32_t alt_f1r2,
                       uint32_t alt_f2r1) {
    return {base_code(ref), base_code(alt), ref_f1r2, ref_f2r1, alt_f1r2, alt_f2r1};
}
}  // namespace

TEST_CASE("folding: G>T in F1R2 fragments is C>A in F2R1 ones") {
    const auto g = fold(site('G', 'T', 20, 30, 6, 0));
    const auto c = fold(site('C', 'A', 30, 20, 0, 6));
    CHECK(g.substitution == 0);  // C>A
    CHECK(c.substitution == 0);
    CHECK(g.alt_side1 == c.alt_side1);
    CHECK(g.alt_side2 == c.alt_side2);
    CHECK(g.ref_side1 == c.ref_side1);
    CHECK(g.alt_side2 == 6);  // C>A's second orientation, F2R1
    CHECK(fold(site('T', 'G', 0, 0, 1, 1)).substitution == 5);
    CHECK(fold(site('A', 'G', 0, 0, 1, 1)).substitution == 4);  // T>C
    CHECK(artefact_type_name(1, "F1R2", "F2R1") == "C>A/F2R1");
    CHECK(artefact_type_name(11, "fwd", "rev") == "T>G/rev");
}

TEST_CASE("the posterior of one site, by hand") {
    // C>A, 6 alt reads all F1R2, ref reads 20/20: the real split is
    // Beta(21, 21) scaled to 20 pseudo-reads, Beta(10, 10), so log10 L(real)
    // = log10 B(16, 10) - log10 B(10, 10) = -1.548814 (scipy's betaln).
    // log10 L(artefact side 1) = 6 log10 0.98 = -0.052644; L(artefact side
    // 2) = 0.02^6, negligible. Rates 0.01 each: odds = 0.01 x 10^(-0.052644
    // + 1.548814) / 0.98, P = 0.242338.
    const auto s = site('C', 'A', 20, 20, 6, 0);
    const auto l = split_likelihoods(fold(s));
    CHECK(l.log10_artefact_side1 == doctest::Approx(-0.052644).epsilon(1e-5));
    CHECK(l.log10_real == doctest::Approx(-1.548814).epsilon(1e-6));
    CHECK(one_sided_artefact_probability(s, ArtefactRates::uniform(0.01)) == doctest::Approx(0.242338).epsilon(1e-4));
    // Split alt reads, 3/3, at rates 0.4 each: L(artefact) = 0.98^3 x 0.02^3
    // = 7.5295e-6 either way, log10 L(real) = log10 B(13, 13) - log10 B(10,
    // 10); P = 0.8 L / (0.8 L + 0.2 L(real)) = 0.0021993.
    CHECK(one_sided_artefact_probability(site('C', 'A', 20, 20, 3, 3), ArtefactRates::uniform(0.4)) ==
          doctest::Approx(0.0021993).epsilon(1e-4));
}

TEST_CASE("the EM rates: a class of certain artefacts is counted, the others stay at the floor") {
    // 10 C>T sites with 10 alt reads all F1R2 and 10 with 5/5, ref reads
    // 20/20 (real split Beta(10, 10)). The split sites' posteriors are ~2e-6;
    // each artefact's is p = r L / (r L + (1 - r) L(real)) with L = 0.98^10,
    // L(real) = B(20, 10) / B(10, 10), and r = (10 p + 0.01) / (20 + 10).
    // Iterated in an independent script (scipy) to its fixed point: r =
    // 0.329891 (p = 0.988670). Every other type has no support and keeps the
    // floor 0.01 / 10 = 0.001.
    std::vector<SplitCounts> candidates(10, site('C', 'T', 20, 20, 10, 0));
    candidates.insert(candidates.end(), 10, site('C', 'T', 20, 20, 5, 5));
    const auto rates = estimate_artefact_rates(candidates);
    CHECK(rates.rate[4] == doctest::Approx(0.329891).epsilon(1e-4));
    for (int t = 0; t < kOneSidedArtefactTypes; ++t) {
        if (t != 4) CHECK(rates.rate[t] == doctest::Approx(0.001));
    }
}

TEST_CASE("the EM rates: one real mutation with its alt reads in one orientation does not raise the rate") {
    // One C>T site of 7 alt reads all F1R2 among 40 split ones: 2 x 0.5^7 =
    // 1.6% of real mutations look like that, and the evidence for an
    // artefact class (a likelihood ratio of 10^1.70 for the site, not 1000)
    // fails the gate.
    std::vector<SplitCounts> candidates(40, site('C', 'T', 20, 20, 4, 4));
    candidates.push_back(site('C', 'T', 20, 20, 7, 0));
    const auto rates = estimate_artefact_rates(candidates);
    CHECK(rates.rate[4] == doctest::Approx(0.001));
    CHECK(one_sided_artefact_probability(candidates.back(), rates) < 0.5);
}
