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
    CHECK_NOTHROW(validate(o));
    o.purity = 1.5;
    CHECK_THROWS_WITH(validate(o), "purity must be in (0, 1]");
    o.purity = 1.0;
    CHECK_NOTHROW(validate(o));
    o.ploidy = 0;
    CHECK_THROWS_WITH(validate(o), "ploidy must be above 0");
    o.ploidy = NAN;
    o.purity_min = 0.6;
    o.purity_max = 0.5;
    CHECK_THROWS_WITH(validate(o), "purity_min/purity_max must satisfy 0 < min <= max <= 1");
    o.purity_max = 0.9;
    o.ploidy_min = 7;
    CHECK_THROWS_WITH(validate(o), "ploidy_min must be above 0 and at most ploidy_max");
    o.ploidy_min = 1.5;
    o.max_cn = 51;
    CHECK_THROWS_WITH(validate(o), "max_cn must be between 1 and 50");
}
