#include "libsomatic/cnv/subclonal.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace somatic::cnv;

TEST_CASE("a mixture's expected log2 and BAF, worked by hand") {
    // p 0.6, psi 2; 1+1 in half the tumour cells, 2+1 in the other half:
    // CN 2.5, minor 1. log2((0.6 * 2.5 + 0.8) / (1.2 + 0.8)) = log2(1.15);
    // BAF (0.6 + 0.4) / (1.5 + 0.8) = 1 / 2.3.
    CHECK(mixture_log2(0.6, 2, 2, 3, 0.5, 2) == doctest::Approx(0.2016339));
    CHECK(mixture_baf(0.6, 2, 1, 3, 1, 0.5) == doctest::Approx(0.4347826));
    // p 0.8: 1+1 in 60%, 1+0 in 40%: CN 1.6, minor 0.6.
    // log2((1.28 + 0.4) / 2) = log2(0.84); BAF (0.48 + 0.2) / (1.28 + 0.4) = 0.68 / 1.68.
    CHECK(mixture_log2(0.8, 2, 2, 1, 0.4, 2) == doctest::Approx(-0.2515388));
    CHECK(mixture_baf(0.8, 2, 1, 1, 0, 0.4) == doctest::Approx(0.4047619));
    // c = 0 and c = 1 are the clonal states.
    CHECK(mixture_log2(0.8, 2, 2, 1, 0.0, 2) == doctest::Approx(expected_log2(0.8, 2, 2, 2)));
    CHECK(mixture_baf(0.8, 2, 1, 1, 0, 1.0) == doctest::Approx(expected_baf(0.8, 0, 1)));
}

namespace {
// A segment measured exactly at the 60/40 mixture of 1+1 and 1+0 above
// (p 0.8, psi 2), 200 bins of log2 sd 0.2 and 200 het sites of BAF sd 0.05.
FitSegment mixed_segment() {
    FitSegment s;
    s.n_bins = 200;
    s.n_het = 200;
    s.log2 = std::log2(0.84);
    s.mirrored_baf = folded_mean(0.5 - 0.68 / 1.68, 0.05);
    s.length = 2000000;
    return s;
}
FitResult baf_noise() {
    FitResult f;
    f.baf_sd = 0.05;
    return f;
}
}  // namespace

TEST_CASE("the best mixture recovers the states and the cell fraction") {
    const Mixture m = best_mixture(mixed_segment(), 0.8, 2, 0.2, baf_noise(), FitOptions{});
    // 1+1 with 1+0 at 0.4, or the same mixture the other way round.
    const bool as_made = m.total_b == 2 && m.total_s == 1, swapped = m.total_b == 1 && m.total_s == 2;
    REQUIRE((as_made || swapped));
    CHECK(std::abs((as_made ? m.cell_fraction : 1 - m.cell_fraction) - 0.4) < 0.021);
    CHECK(m.z2_log2 + m.z2_baf < 0.5);
}

TEST_CASE("call_segment reports the mixture: the state of most cells, the subclone and its fraction") {
    // Clonal: the nearest state, 1+1, is 0.25 off in log2 (variance 0.04 /
    // 200 + 0.05^2 = 0.0027, z 4.8): no integer state within 3 sd.
    const SegmentCall c = call_segment(mixed_segment(), 0.8, 2, 0.2, baf_noise(), FitOptions{});
    CHECK(c.total == 2);
    CHECK(c.major == 1);
    CHECK(c.minor == 1);
    CHECK(c.sub_total == 1);
    CHECK(c.sub_major == 1);
    CHECK(c.sub_minor == 0);
    CHECK(c.cell_fraction == doctest::Approx(0.4).epsilon(0.06));
    CHECK(c.subclonal);
    CHECK(c.cost < c.clonal_cost);
    // Off: the clonal call, flagged subclonal for its misfit alone.
    FitOptions off;
    off.subclonal = false;
    const SegmentCall k = call_segment(mixed_segment(), 0.8, 2, 0.2, baf_noise(), off);
    CHECK(std::isnan(k.cell_fraction));
    CHECK(k.subclonal);
    CHECK(k.cost == k.clonal_cost);
}

TEST_CASE("no mixture where a clonal state fits, nor without BAF") {
    FitSegment s = mixed_segment();
    s.log2 = expected_log2(0.8, 2, 2, 2);          // exactly 1+1
    s.mirrored_baf = folded_mean(0.0, 0.05);
    const SegmentCall c = call_segment(s, 0.8, 2, 0.2, baf_noise(), FitOptions{});
    CHECK(std::isnan(c.cell_fraction));
    CHECK_FALSE(c.subclonal);
    FitSegment no_het = mixed_segment();
    no_het.n_het = 0;
    no_het.mirrored_baf = NAN;
    CHECK(best_mixture(no_het, 0.8, 2, 0.2, baf_noise(), FitOptions{}).total_b == -1);
    CHECK(std::isnan(call_segment(no_het, 0.8, 2, 0.2, baf_noise(), FitOptions{}).cell_fraction));
}

TEST_CASE("a mixture's penalty: one event, its cell fraction and BIC's ln n, per bin") {
    FitOptions o;
    o.event_penalty = 0.25;
    o.subclonal_penalty = 0.75;
    FitSegment s;
    s.n_bins = 100;
    s.n_het = 48;
    CHECK(mixture_penalty(s, o) == doctest::Approx(0.25 + 0.75 + std::log(148.0) / 100));
    o.subclonal_penalty = 0;
    CHECK(mixture_penalty(s, o) == doctest::Approx(0.25 + std::log(148.0) / 100));
}

TEST_CASE("the fit recovers a tumour with a subclonal segment: purity, no doubling, the cell fraction") {
    // Purity 0.8, mean tumour copy number psi = (1000 * 2 + 300 * 1.6 +
    // 300 * 3 + 200 * 1) / 1800 = 1.9889. Segments at their exact expected
    // log2 and mirrored BAF (per-bin log2 sd 0.2, per-site BAF sd 0.05):
    // 1+1 (1000 bins), the 60/40 mixture of 1+1 and 1+0 (300), 2+1 (300),
    // 1+0 (200); one het site per bin.
    const double p = 0.8, psi = (1000 * 2 + 300 * 1.6 + 300 * 3 + 200 * 1) / 1800.0;
    struct Piece {
        uint32_t bins;
        int total_b, minor_b, total_s, minor_s;
        double c;
    };
    const Piece pieces[] = {{1000, 2, 1, 2, 1, 0}, {300, 2, 1, 1, 0, 0.4}, {300, 3, 1, 3, 1, 0}, {200, 1, 0, 1, 0, 0}};
    std::vector<FitSegment> segs;
    for (const Piece& x : pieces) {
        FitSegment s;
        s.n_bins = s.n_het = x.bins;
        s.length = 10000 * x.bins;
        s.log2 = mixture_log2(p, psi, x.total_b, x.total_s, x.c, 2);
        s.mirrored_baf = folded_mean(std::abs(mixture_baf(p, x.total_b, x.minor_b, x.total_s, x.minor_s, x.c) - 0.5), 0.05);
        segs.push_back(s);
    }
    const FitResult fit = fit_purity_ploidy(segs, 0.2, 0.05, FitOptions{});
    REQUIRE(!fit.solutions.empty());
    const Solution& best = fit.solutions.front();
    CHECK(std::abs(best.purity - p) <= 0.02);
    CHECK_FALSE(best.genome_doubled);
    const SegmentCall mixed = call_segment(segs[1], best.purity, best.ploidy, 0.2, fit, FitOptions{});
    CHECK(mixed.total == 2);
    CHECK(mixed.sub_total == 1);
    CHECK(std::abs(mixed.cell_fraction - 0.4) <= 0.06);
    // The clonal segments stay clonal.
    for (size_t k : {0, 2, 3}) CHECK(std::isnan(call_segment(segs[k], best.purity, best.ploidy, 0.2, fit, FitOptions{}).cell_fraction));
    // Without mixtures the subclonal segment is what a doubled genome
    // explains best (purity 0.64, ploidy 3.94 here): the wrong answer that
    // the subclonal states, at the price of one event and two parameters,
    // compete with.
    FitOptions clonal;
    clonal.subclonal = false;
    const FitResult without = fit_purity_ploidy(segs, 0.2, 0.05, clonal);
    REQUIRE(!without.solutions.empty());
    CHECK(without.solutions.front().genome_doubled);
    CHECK(std::abs(without.solutions.front().purity - p) > 0.1);
}

TEST_CASE("an undoubled tumour with a small subclone at cell fraction 0.6 is not called doubled") {
    // Purity 0.49; the subclonal segment (1+1 with 1+0 in 60% of the tumour
    // cells) is 4% of the bins. Its doubled twin (purity 0.49 / 1.51 =
    // 0.32) explains that segment as one clonal odd state for the doubling's
    // 0.04 per bin; the undoubled fit pays a mixture there (0.25 + 0.75 per
    // bin of 4%, 0.04) and wins by the twin's misfit at cell fraction 1/2.
    // Exact expected log2 and mirrored BAF, per-bin log2 sd 0.2, per-site
    // BAF sd 0.1, 0.6 het sites per bin; the 9-copy amplicon is 700 kb,
    // within the focal ceiling.
    const double p = 0.49;
    struct Piece {
        uint32_t bins;
        int total_b, minor_b, total_s, minor_s;
        double c;
    };
    const Piece pieces[] = {{1700, 2, 1, 2, 1, 0}, {370, 1, 0, 1, 0, 0}, {500, 3, 1, 3, 1, 0}, {250, 2, 0, 2, 0, 0},
                            {60, 0, 0, 0, 0, 0},   {70, 9, 1, 9, 1, 0},   {118, 2, 1, 1, 0, 0.6}};
    double copies = 0, bins = 0;
    for (const Piece& x : pieces) {
        copies += x.bins * ((1 - x.c) * x.total_b + x.c * x.total_s);
        bins += x.bins;
    }
    const double psi = copies / bins;
    std::vector<FitSegment> segs;
    for (const Piece& x : pieces) {
        FitSegment s;
        s.n_bins = x.bins;
        s.n_het = x.total_b == 0 ? 0 : static_cast<uint32_t>(0.6 * x.bins);
        s.length = 10000 * x.bins;
        s.log2 = mixture_log2(p, psi, x.total_b, x.total_s, x.c, 2);
        s.mirrored_baf = s.n_het ? folded_mean(std::abs(mixture_baf(p, x.total_b, x.minor_b, x.total_s, x.minor_s, x.c) - 0.5), 0.1) : NAN;
        segs.push_back(s);
    }
    const FitResult fit = fit_purity_ploidy(segs, 0.2, 0.1, FitOptions{});
    REQUIRE(!fit.solutions.empty());
    CHECK_FALSE(fit.solutions.front().genome_doubled);
    CHECK(std::abs(fit.solutions.front().purity - p) <= 0.015);
    CHECK(std::abs(fit.solutions.front().called_ploidy - psi) <= 0.1);
}
