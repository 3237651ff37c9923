#include "libsomatic/cnv/purity_fit.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

using namespace somatic::cnv;

TEST_CASE("expected log2 and BAF by hand") {
    // p = 0.7, psi = 2: CN 3 -> (2.1 + 0.6) / 2 = 1.35.
    CHECK(expected_log2(0.7, 2.0, 3, 2) == doctest::Approx(std::log2(1.35)));
    CHECK(expected_log2(0.7, 2.0, 2, 2) == doctest::Approx(0.0));
    // p = 0.5, psi = 3: CN 1 -> (0.5 + 1) / (1.5 + 1) = 0.6.
    CHECK(expected_log2(0.5, 3.0, 1, 2) == doctest::Approx(std::log2(0.6)));
    // A male X (n0 = 1) with one copy at psi 2 is at 0.
    CHECK(expected_log2(0.6, 2.0, 1, 1) == doctest::Approx(0.0));
    // BAF: p = 0.7, CN 2 LOH (2, 0): 0.3 / 2 = 0.15.
    CHECK(expected_baf(0.7, 0, 2) == doctest::Approx(0.15));
    CHECK(expected_baf(0.7, 1, 2) == doctest::Approx(0.5));
    // CN 3 (2, 1): (0.7 + 0.3) / (2.1 + 0.6).
    CHECK(expected_baf(0.7, 1, 3) == doctest::Approx(1.0 / 2.7));
    CHECK(expected_log2(1.0, 2.0, 0, 2) <= -5.0);
}

TEST_CASE("the folded normal's mean matches numerical integration, and unfold inverts it") {
    for (double delta : {0.0, 0.02, 0.1, 0.3}) {
        const double s = 0.06;
        double integral = 0;
        const double step = 1e-4;
        for (double x = -1; x <= 1; x += step) {
            integral += std::abs(x) * std::exp(-(x - delta) * (x - delta) / (2 * s * s)) / (s * std::sqrt(2 * M_PI)) * step;
        }
        CHECK(folded_mean(delta, s) == doctest::Approx(integral).epsilon(1e-3));
        if (delta > 0) CHECK(unfold(folded_mean(delta, s), s) == doctest::Approx(delta).epsilon(1e-6));
    }
    CHECK(unfold(0.01, 0.06) == 0.0);
}

namespace {
// Segments drawn from known states at purity p and ploidy from the states,
// with noise as the segmentation would report.
std::vector<FitSegment> synthetic(double p, const std::vector<std::pair<int, int>>& states, unsigned seed,
                                  double* ploidy_out, bool with_baf = true) {
    std::mt19937 rng(seed);
    double cn_sum = 0, len = 0;
    for (size_t k = 0; k < states.size(); ++k) {
        const double l = 200.0 + 100.0 * (k % 3);
        cn_sum += l * (states[k].first + states[k].second);
        len += l;
    }
    const double psi = cn_sum / len;
    *ploidy_out = psi;
    const double log2_sd = 0.25, baf_sd = 0.065;
    std::normal_distribution<double> unit(0, 1);
    std::vector<FitSegment> out;
    for (size_t k = 0; k < states.size(); ++k) {
        const auto [major, minor] = states[k];
        FitSegment s;
        s.n_bins = static_cast<uint32_t>(200 + 100 * (k % 3));
        s.length = s.n_bins * 1000;
        s.log2 = expected_log2(p, psi, major + minor, 2) + unit(rng) * log2_sd / std::sqrt(s.n_bins);
        if (with_baf) {
            s.n_het = s.n_bins / 5;
            const double delta = std::abs(expected_baf(p, minor, major + minor) - 0.5);
            // The mean of n folded draws.
            double sum = 0;
            for (uint32_t i = 0; i < s.n_het; ++i) sum += std::abs(delta + baf_sd * unit(rng));
            s.mirrored_baf = sum / s.n_het;
        }
        out.push_back(s);
    }
    return out;
}
// Gains, losses, LOH and a focal gain, on less than half the genome (not doubled).
const std::vector<std::pair<int, int>> kStates = {{1, 1}, {2, 1}, {1, 0}, {1, 1}, {2, 0}, {1, 1}, {1, 1}, {3, 1}, {1, 1}, {2, 1}};
}  // namespace

TEST_CASE("the fit recovers a known purity and ploidy from synthetic segments") {
    for (double p : {0.3, 0.5, 0.7, 0.9}) {
        double psi = 0;
        const auto segs = synthetic(p, kStates, 42, &psi);
        const FitResult r = fit_purity_ploidy(segs, 0.25, 0.065, FitOptions{});
        REQUIRE(!r.solutions.empty());
        CHECK(r.solutions[0].purity == doctest::Approx(p).epsilon(0.05 / p));
        CHECK(r.solutions[0].called_ploidy == doctest::Approx(psi).epsilon(0.05));
        // And the states come back.
        for (size_t k = 0; k < segs.size(); ++k) {
            const SegmentCall c = call_segment(segs[k], r.solutions[0].purity, r.solutions[0].ploidy, 0.25, r, FitOptions{});
            CHECK(c.total == kStates[k].first + kStates[k].second);
            CHECK(c.minor == kStates[k].second);
            CHECK(c.loh == (kStates[k].second == 0));
        }
        CHECK(!r.solutions[0].genome_doubled);
    }
}

TEST_CASE("a whole-genome-doubled tumour is reported as doubled") {
    std::vector<std::pair<int, int>> doubled;
    for (const auto& [a, b] : kStates) doubled.emplace_back(2 * a, 2 * b);
    doubled.emplace_back(3, 1);  // an odd state after doubling: only the doubled fit explains it
    doubled.emplace_back(3, 2);
    double psi = 0;
    const auto segs = synthetic(0.8, doubled, 5, &psi);
    const FitResult r = fit_purity_ploidy(segs, 0.25, 0.065, FitOptions{});
    CHECK(r.solutions[0].purity == doctest::Approx(0.8).epsilon(0.07));
    CHECK(r.solutions[0].called_ploidy == doctest::Approx(psi).epsilon(0.05));
    CHECK(r.solutions[0].genome_doubled);
    CHECK(r.solutions.size() > 1);
}

TEST_CASE("--purity and --ploidy fix the grid") {
    double psi = 0;
    const auto segs = synthetic(0.7, kStates, 1, &psi);
    FitOptions o;
    o.purity = 0.5;
    o.ploidy = 3.0;
    const FitResult r = fit_purity_ploidy(segs, 0.25, 0.065, o);
    REQUIRE(r.solutions.size() == 1);
    CHECK(r.solutions[0].purity == 0.5);
    CHECK(r.solutions[0].ploidy == 3.0);
}

TEST_CASE("a segment between integer states is flagged subclonal") {
    FitSegment s;
    s.n_bins = 1000;
    // Half the cells carry 3 copies, half 2: depth (2.5 * 0.7 + 0.6) / 2.
    s.log2 = std::log2((2.5 * 0.7 + 0.6) / 2);
    const FitResult fit;  // no BAF
    const SegmentCall c = call_segment(s, 0.7, 2.0, 0.2, fit, FitOptions{});
    CHECK(c.subclonal);
    CHECK(c.cn_float == doctest::Approx(2.5).epsilon(1e-9));
    CHECK(c.major == -1);  // no het sites: no allele-specific state
}

TEST_CASE("a male chrX is called hemizygous") {
    FitSegment s;
    s.normal_cn = 1;
    s.n_bins = 500;
    s.log2 = expected_log2(0.7, 2.0, 1, 1);
    const SegmentCall c = call_segment(s, 0.7, 2.0, 0.2, FitResult{}, FitOptions{});
    CHECK(c.total == 1);
    CHECK(c.major == 1);
    CHECK(c.minor == 0);
    CHECK(!c.loh);
}

TEST_CASE("the fit's options: the defaults pass; each range names its fields") {
    FitOptions o;
    CHECK_NOTHROW(o.validate());
    o.purity = 1.5;
    CHECK_THROWS_WITH(o.validate(), "purity must be in (0, 1]");
    o.purity = 1.0;
    CHECK_NOTHROW(o.validate());
    o.ploidy = 0;
    CHECK_THROWS_WITH(o.validate(), "ploidy must be above 0");
    o.ploidy = NAN;
    o.purity_min = 0.6;
    o.purity_max = 0.5;
    CHECK_THROWS_WITH(o.validate(), "purity_min/purity_max must satisfy 0 < min <= max <= 1");
    o.purity_max = 0.9;
    o.ploidy_min = 7;
    CHECK_THROWS_WITH(o.validate(), "ploidy_min must be above 0 and at most ploidy_max");
    o.ploidy_min = 1.5;
    o.max_cn = 51;
    CHECK_THROWS_WITH(o.validate(), "max_cn must be between 1 and 50");
    o.max_cn = 8;
    o.max_focal_cn = 0;
    CHECK_THROWS_WITH(o.validate(), "max_focal_cn must be between 1 and 50");
    o.max_focal_cn = 20;
    o.focal_length = -1;
    CHECK_THROWS_WITH(o.validate(), "focal_length must be 0 or more");
    o.focal_length = 10'000'000;
    o.event_penalty = -0.1;
    CHECK_THROWS_WITH(o.validate(), "event_penalty must be 0 or more");
}

TEST_CASE("a segment's copy-number ceiling: max_focal_cn below focal_length, else max_cn") {
    FitOptions o;  // max_cn 8, max_focal_cn 20, focal_length 10 Mb
    FitSegment s;
    CHECK(segment_max_cn(s, o) == 8);  // length unknown: held to max_cn
    s.length = 9'999'999;
    CHECK(segment_max_cn(s, o) == 20);
    s.length = 10'000'000;
    CHECK(segment_max_cn(s, o) == 8);
    o.max_cn = 30;  // the focal ceiling is never below the broad one
    CHECK(segment_max_cn(s, o) == 30);
    s.length = 1'000'000;
    CHECK(segment_max_cn(s, o) == 30);
    CHECK(highest_cn(o) == 30);
    o.max_cn = 8;
    CHECK(highest_cn(o) == 20);
}

TEST_CASE("fit step: a broad segment cannot reach a focal amplification's copy number") {
    FitOptions o;  // log2 tolerance 0.05, no sampling noise: variance 0.0025
    std::vector<FitSegment> s(1);
    s[0].n_bins = 1;
    s[0].log2 = std::log2(6.0);  // CN 12 at p = 1, psi = 2
    const std::vector<size_t> used{0};
    const std::vector<double> no_baf(static_cast<size_t>(highest_cn(o) + 1), 0.0);
    s[0].length = 2'000'000;  // focal: CN 12 fits exactly
    CHECK(grid_score(s, used, no_baf, 1.0, 2.0, 0.0, o) == doctest::Approx(0.0));
    // 20 Mb: the nearest state is CN 8 at log2 2; (2.585 - 2)^2 / 0.0025 / 2
    // = 68.4, capped at 12.5.
    s[0].length = 20'000'000;
    CHECK(grid_score(s, used, no_baf, 1.0, 2.0, 0.0, o) == doctest::Approx(12.5));
    // CN 9 (log2 2.169925): 0.169925^2 / 0.0025 / 2 = 5.7749 against 12.5.
    s[0].log2 = std::log2(4.5);
    CHECK(grid_score(s, used, no_baf, 1.0, 2.0, 0.0, o) == doctest::Approx(5.7749).epsilon(1e-4));
    // And the call: total 8 for the broad segment, 9 for a focal one.
    CHECK(call_segment(s[0], 1.0, 2.0, 0.0, FitResult{}, o).total == 8);
    s[0].length = 500'000;
    CHECK(call_segment(s[0], 1.0, 2.0, 0.0, FitResult{}, o).total == 9);
}

TEST_CASE("fit step: descent to the lowest neighbour until none is lower") {
    // purity rows x ploidy columns:
    //   9 8 7 6
    //   9 5 9 9
    //   1 9 9 2
    // From 7 (index 2): 5 (index 5) is its lowest neighbour, then 1 (index 8).
    const std::vector<double> score{9, 8, 7, 6, 9, 5, 9, 9, 1, 9, 9, 2};
    const auto at = [&](size_t i) { return score[i]; };
    CHECK(descend(2, 3, 4, at) == 8);
    CHECK(descend(1, 3, 4, at) == 8);   // 8 -> 5 -> 1
    CHECK(descend(3, 3, 4, at) == 3);   // 6: its neighbours are 7 and 9s
    CHECK(descend(11, 3, 4, at) == 11); // 2: its neighbours are 9s
    // A tie stays where it stands.
    CHECK(descend(0, 1, 3, [](size_t) { return 1.0; }) == 0);
}

// The steps of fit_purity_ploidy, each against values worked by hand.

TEST_CASE("fit step: the median het depth counts each segment once per het site") {
    std::vector<FitSegment> s(4);
    s[0].n_het = 3, s[0].het_depth = 10;
    s[1].n_het = 1, s[1].het_depth = 40;
    s[2].n_het = 0, s[2].het_depth = 99;   // no het site: not counted
    s[3].n_het = 2, s[3].het_depth = NAN;  // depth unknown: not counted
    CHECK(median_het_depth(s) == 10);      // 10 10 10 40: the upper median
    s[0].n_het = 1, s[0].het_depth = 30;
    s[1].n_het = 2, s[1].het_depth = 20;
    CHECK(median_het_depth(s) == 20);  // 20 20 30
    CHECK(std::isnan(median_het_depth({FitSegment{}})));
}

TEST_CASE("fit step: the fit uses segments with a normal copy number and bins") {
    std::vector<FitSegment> s(4);
    s[0].normal_cn = 2, s[0].n_bins = 5;
    s[1].normal_cn = 0, s[1].n_bins = 5;  // chrM and the like
    s[2].normal_cn = 1, s[2].n_bins = 0;
    s[3].normal_cn = 1, s[3].n_bins = 3;  // a male's X
    CHECK(fitted_segments(s) == std::vector<size_t>{0, 3});
}

TEST_CASE("fit step: a grid point's score is the capped, bin-weighted best z^2 / 2") {
    FitOptions o;  // log2 tolerance 0.05: variance 0.0025 with no sampling noise
    std::vector<FitSegment> s(1);
    s[0].n_bins = 1;
    s[0].log2 = 0.5;
    const std::vector<size_t> used{0};
    const std::vector<double> no_baf(static_cast<size_t>(highest_cn(o) + 1), 0.0);
    // p = 1, psi = 2: the nearest state is CN 3 at log2(1.5) = 0.58496;
    // (0.5 - 0.58496)^2 / 0.0025 / 2 = 1.44373.
    CHECK(grid_score(s, used, no_baf, 1.0, 2.0, 0.0, o) == doctest::Approx(1.4437253));
    // 4 bins of sd 0.2: variance 0.04 / 4 + 0.0025 = 0.0125; 4 * 0.0072186 / 0.0125 / 2 = 1.15498.
    s[0].n_bins = 4;
    CHECK(grid_score(s, used, no_baf, 1.0, 2.0, 0.2, o) == doctest::Approx(1.1549802));
    // Far from every state (z^2 = 1600 at CN 0 and 1): the cap, 12.5 per bin.
    s[0].log2 = -3;
    s[0].n_bins = 2;
    CHECK(grid_score(s, used, no_baf, 1.0, 2.0, 0.0, o) == doctest::Approx(25.0));
}

TEST_CASE("fit step: the BAF term of each total copy number") {
    FitOptions o;
    o.max_cn = 2;
    o.max_focal_cn = 2;
    std::vector<FitSegment> s(1);
    s[0].n_bins = 10;
    s[0].n_het = 25;
    s[0].mirrored_baf = 0.1 * std::sqrt(2 / M_PI);  // a balanced segment: the folded mean at delta 0, sd 0.1
    FitResult fit;
    fit.baf_sd = 0.1;
    const auto b = best_baf_terms(s, {0}, 1.0, fit, o);
    REQUIRE(b.size() == 3);
    CHECK(b[0] == doctest::Approx(0.0));  // CN 0: no tumour allele, BAF 0.5
    // CN 1 at purity 1: BAF 0, delta 0.5; (0.0798 - 0.5)^2 / (0.01 / 25 + 0.02^2) = 220.72.
    CHECK(b[1] == doctest::Approx(220.7223).epsilon(1e-5));
    CHECK(b[2] == doctest::Approx(0.0).epsilon(1e-9));  // CN 2 (1, 1): balanced
    fit.baf_sd = NAN;  // no BAF noise known: no BAF term
    CHECK(best_baf_terms(s, {0}, 1.0, fit, o) == std::vector<double>(3, 0.0));
}

TEST_CASE("fit step: the grid's local minima, best first, ties to the lower index") {
    // purity rows x ploidy columns:
    //   5 4 5
    //   6 7 3
    //   2 6 8
    const std::vector<double> score{5, 4, 5, 6, 7, 3, 2, 6, 8};
    CHECK(grid_minima(score, 3, 3) == std::vector<size_t>{6, 5});
    CHECK(grid_minima({1, 1, 1}, 1, 3) == std::vector<size_t>{0});
}

TEST_CASE("fit step: a solution's called ploidy and genome doubling") {
    FitOptions o;
    std::vector<FitSegment> s(2);
    s[0].n_bins = 10, s[0].log2 = 0, s[0].length = 100;  // CN 2 at p = 1, psi = 2
    s[1].n_bins = 10, s[1].log2 = 1, s[1].length = 300;  // CN 4
    Solution sol;
    sol.purity = 1;
    sol.ploidy = 2;
    describe_solution(sol, s, {0, 1}, 0.1, FitResult{}, o);
    CHECK(sol.called_ploidy == doctest::Approx((2 * 100 + 4 * 300) / 400.0));
    CHECK(sol.genome_doubled);  // major 2 (of 4, no BAF) over 300 of 400 bp
    s[1].length = 100;
    describe_solution(sol, s, {0, 1}, 0.1, FitResult{}, o);
    CHECK_FALSE(sol.genome_doubled);  // exactly half is not more than half
}

TEST_CASE("fit step: parsimony brings forward the lower ploidy within the margin") {
    FitOptions o;
    o.parsimony = 0.10, o.parsimony_margin = 0.02;  // within 10% + 0.02 of the best score
    o.solutions = 2;
    std::vector<Solution> s(3);
    s[0].score = 1.0, s[0].called_ploidy = 3.6;
    s[1].score = 1.05, s[1].called_ploidy = 1.9;  // within 1.12, and 1.7 lower
    s[2].score = 1.5, s[2].called_ploidy = 1.8;   // lower still, but outside the margin
    prefer_parsimony(s, o);
    REQUIRE(s.size() == 2);
    CHECK(s[0].called_ploidy == 1.9);
    CHECK(s[1].called_ploidy == 3.6);
}

TEST_CASE("fit step: a state's copy-number events from its solution's ground state") {
    // Undoubled, ground 1+1: 2+1 is one gain; 3+0 two gains and a loss; 0+0
    // two losses.
    CHECK(state_events(2, 2, 1, 1, false) == 0);
    CHECK(state_events(2, 3, 2, 1, false) == 1);
    CHECK(state_events(2, 3, 3, 0, false) == 3);
    CHECK(state_events(2, 0, 0, 0, false) == 2);
    // Doubled: each allele from 1 copy to x before the doubling, 2x after it,
    // then to its count: 2+2 is nothing (x = 1 for both); 3+2 one gain
    // after; 4+2 one gain before (x = 2); 2+1 one loss after; 4+0 a gain and
    // a loss before (the twin of 2+0); 1+1 two losses after; 3+0 a loss
    // before and a gain after, or a gain before and a loss after: 2.
    CHECK(state_events(2, 4, 2, 2, true) == 0);
    CHECK(state_events(2, 5, 3, 2, true) == 1);
    CHECK(state_events(2, 6, 4, 2, true) == 1);
    CHECK(state_events(2, 3, 2, 1, true) == 1);
    CHECK(state_events(2, 4, 4, 0, true) == 2);
    CHECK(state_events(2, 2, 1, 1, true) == 2);
    CHECK(state_events(2, 3, 3, 0, true) == 2);
    // 14+2: six gains before the doubling (x = 7), as its twin 7+1.
    CHECK(state_events(2, 16, 14, 2, true) == 6);
    // Without alleles: |total - 2| (doubled: total from 2 to t before, 2t
    // after). One normal copy (male X): |total - 1| (doubled: from 1).
    CHECK(state_events(2, 5, -1, -1, false) == 3);
    CHECK(state_events(2, 5, -1, -1, true) == 1);   // 4 doubled, one gain
    CHECK(state_events(2, 8, -1, -1, true) == 2);   // 4 before, doubled
    CHECK(state_events(1, 1, 1, 0, false) == 0);
    CHECK(state_events(1, 1, 1, 0, true) == 1);     // 2 doubled, one loss
    CHECK(state_events(1, 2, 2, 0, true) == 0);
    // Not called: none.
    CHECK(state_events(0, -1, -1, -1, false) == 0);
    CHECK(state_events(2, -1, -1, -1, true) == 0);
}

TEST_CASE("fit step: a solution's events, odd fractions, prior and score") {
    // p = 1, psi = 2, no BAF: log2 0 is CN 2, log2(5/2) is CN 5, log2(1/2)
    // is CN 1. Calls without alleles take major = total - total / 2.
    FitOptions o;
    o.event_penalty = 0.5;
    std::vector<FitSegment> s(3);
    s[0].n_bins = 10, s[0].log2 = 0, s[0].length = 1000;
    s[1].n_bins = 20, s[1].log2 = std::log2(2.5), s[1].length = 1000;
    s[2].n_bins = 10, s[2].log2 = -1, s[2].length = 2000;
    Solution sol;
    sol.purity = 1;
    sol.ploidy = 2;
    sol.misfit = 1.25;
    describe_solution(sol, s, {0, 1, 2}, 0.1, FitResult{}, o);
    // Majors 1, 3, 1: doubled (major >= 2) over 1000 of 4000 bp: not doubled.
    REQUIRE_FALSE(sol.genome_doubled);
    // Events |total - 2|: 0, 3, 1, weighed by bins: (0 + 60 + 10) / 40.
    CHECK(sol.events == doctest::Approx(70.0 / 40));
    CHECK(sol.prior == doctest::Approx(0.5 * 70.0 / 40));
    CHECK(sol.score == doctest::Approx(1.25 + 0.5 * 70.0 / 40));
    // Odd totals (5 and 1) over 3000 of 4000 bp; no allele-specific calls.
    CHECK(sol.odd_fraction == doctest::Approx(0.75));
    CHECK(sol.odd_allele_fraction == 0);
    o.event_penalty = 0;
    describe_solution(sol, s, {0, 1, 2}, 0.1, FitResult{}, o);
    CHECK(sol.score == doctest::Approx(1.25));
}

TEST_CASE("the fit: the doubling's prior overturns a doubled fit that wins on misfit by a little") {
    // Per-bin log2 sd 0.1, tolerance 0.05, no BAF. Segment A: 100 bins at
    // log2 0 (variance 0.01 / 100 + 0.0025 = 0.0026); B: 10 bins at -0.3
    // (variance 0.001 + 0.0025 = 0.0035). Purity fixed at 1.
    // psi = 2 (undoubled): A is CN 2 (z 0); B's nearest is CN 2 (log2 0,
    // z^2 / 2 = 0.09 / 0.0035 / 2 = 12.9, capped at 12.5 per bin): misfit
    // 125 / 110 = 1.136, no events.
    // psi = 4 (doubled: A's CN 4 has major 2): A is CN 4 (log2 0), B CN 3
    // (log2 0.75 = -0.415, z^2 / 2 = 0.0132 / 0.0035 / 2 = 1.89 per bin):
    // misfit 18.9 / 110 = 0.172, better by 0.96. Events: A's 4 is 2
    // doubled, none; B's 3 is 2 doubled less one copy (or 1 doubled plus one
    // ...): one event in 10 bins, 10 / 110 = 0.091. With doubling_penalty 1
    // (and event_penalty 0) its score is 0.172 + 1 = 1.172 > 1.136.
    // (psi = 3: A CN 3, B CN 2, misfit 1.05, called doubled too, 1 + 1.)
    std::vector<FitSegment> s(2);
    s[0].n_bins = 100, s[0].log2 = 0, s[0].length = 100000;
    s[1].n_bins = 10, s[1].log2 = -0.3, s[1].length = 10000;
    FitOptions o;
    o.purity = 1;
    o.ploidy_min = 1.5, o.ploidy_max = 4.5, o.ploidy_step = 0.5;
    o.use_baf = false;
    o.event_penalty = 0;
    o.doubling_penalty = 1;
    const FitResult with_prior = fit_purity_ploidy(s, 0.01 * std::sqrt(100.0), NAN, o);
    REQUIRE(!with_prior.solutions.empty());
    CHECK(with_prior.solutions.front().ploidy == doctest::Approx(2.0));
    // The doubled solution's evidence, as computed above.
    bool seen = false;
    for (const Solution& x : with_prior.solutions) {
        if (x.ploidy != doctest::Approx(4.0)) continue;
        seen = true;
        CHECK(x.genome_doubled);
        CHECK(x.misfit == doctest::Approx(10 * 0.5 * std::pow(-0.3 - std::log2(0.75), 2) / 0.0035 / 110));
        CHECK(x.events == doctest::Approx(10.0 / 110));
        CHECK(x.prior == doctest::Approx(1.0));
    }
    CHECK(seen);
    o.doubling_penalty = 0;
    const FitResult without = fit_purity_ploidy(s, 0.01 * std::sqrt(100.0), NAN, o);
    CHECK(without.solutions.front().ploidy == doctest::Approx(4.0));
    CHECK(without.solutions.front().genome_doubled);
}
