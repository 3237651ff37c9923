#include "libsomatic/cnv/segment.hpp"
#include "libsomatic/cnv/segment_oracle.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "../ar1_noise.hpp"

using namespace somatic::cnv;

namespace {
SegmentInput piecewise(const std::vector<std::pair<int, double>>& pieces, double sd, unsigned seed, int contigs = 1) {
    SegmentInput in;
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, sd);
    for (int c = 0; c < contigs; ++c) {
        in.contigs.push_back("chr" + std::to_string(c + 1));
        int64_t pos = 0;
        for (const auto& [n, mean] : pieces) {
            for (int i = 0; i < n; ++i, pos += 1000) in.add_bin(c, pos, pos + 1000, mean + noise(rng));
        }
    }
    return in;
}
}  // namespace

TEST_CASE("robust_sd estimates the noise and ignores steps") {
    const SegmentInput in = piecewise({{5000, 0.0}, {5000, 1.0}}, 0.2, 1);
    CHECK(robust_sd(in.log2) == doctest::Approx(0.2).epsilon(0.05));
    CHECK(std::isnan(robust_sd({1.0})));
}

TEST_CASE("segment finds the change-points and the means of a piecewise-constant signal") {
    const SegmentInput in = piecewise({{300, 0.0}, {100, 0.58}, {50, -1.0}, {550, 0.0}}, 0.15, 3);
    SegmentOptions o;
    o.smooth_outliers = false;  // segment means are then plain means of the bins
    const Segmentation s = segment(in, o);
    REQUIRE(s.segments.size() == 4);
    const size_t starts[] = {0, 300, 400, 450};
    const double means[] = {0.0, 0.58, -1.0, 0.0};
    for (size_t k = 0; k < 4; ++k) {
        CHECK(std::abs(static_cast<double>(s.segments[k].first_bin) - static_cast<double>(starts[k])) <= 2);
        // The mean of n values of sd 0.15 is within 4 sd / sqrt(n).
        CHECK(std::abs(s.segments[k].log2 - means[k]) < 4 * 0.15 / std::sqrt(s.segments[k].n_bins));
    }
    CHECK(s.segments[1].beg == static_cast<int64_t>(s.segments[1].first_bin) * 1000);
    CHECK(s.segments[1].end == static_cast<int64_t>(s.segments[1].last_bin) * 1000);
    // Segment means are the means of their bins.
    double sum = 0;
    for (size_t i = s.segments[1].first_bin; i < s.segments[1].last_bin; ++i) sum += in.log2[i];
    CHECK(s.segments[1].log2 == doctest::Approx(sum / s.segments[1].n_bins).epsilon(1e-12));
}

TEST_CASE("pure noise gives one segment per contig") {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        const SegmentInput in = piecewise({{20000, 0.0}}, 0.3, seed, 3);
        const Segmentation s = segment(in, SegmentOptions{});
        CHECK(s.segments.size() == 3);
    }
}

TEST_CASE("the candidate search reaches the exhaustive optimum") {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> len(3, 80);
        std::uniform_real_distribution<double> level(-1, 1);
        std::vector<std::pair<int, double>> pieces;
        for (int k = 0; k < 6; ++k) pieces.emplace_back(len(rng), level(rng));
        const SegmentInput in = piecewise(pieces, 0.25, seed + 100);
        SegmentOptions o;
        o.smooth_outliers = false;
        o.min_bins = 2;
        o.refine = false;
        const Segmentation fast = segment(in, o);
        const double sd = robust_sd(in.log2);
        const std::vector<size_t> exact = optimal_partition_exhaustive(in.log2, sd, fast.penalty, 2);
        REQUIRE(fast.segments.size() == exact.size());
        for (size_t k = 0; k < exact.size(); ++k) CHECK(fast.segments[k].first_bin == exact[k]);
    }
}

TEST_CASE("a copy-neutral LOH is found from BAF alone") {
    SegmentInput in = piecewise({{2000, 0.0}}, 0.2, 9);
    std::mt19937 rng(11);
    std::normal_distribution<double> noise(0, 0.06);
    std::bernoulli_distribution phase(0.5);
    for (size_t i = 0; i < in.size(); ++i) {
        for (int k = 0; k < 2; ++k) {
            const double b = (i >= 800 && i < 1200) ? 0.85 : 0.5;  // LOH at purity 0.7
            in.add_het(i, (phase(rng) ? b : 1 - b) + noise(rng), 60);
        }
    }
    SegmentOptions o;
    o.use_baf = false;
    CHECK(segment(in, o).segments.size() == 1);
    o.use_baf = true;
    const Segmentation s = segment(in, o);
    REQUIRE(s.segments.size() == 3);
    CHECK(s.segments[1].first_bin == 800);
    CHECK(s.segments[1].last_bin == 1200);
    CHECK(s.segments[1].mirrored_baf == doctest::Approx(0.35).epsilon(0.03));
    CHECK(s.segments[0].n_het == 1600);
}

namespace {
// +-a alternating: no drift, robust sd 1.4826 * 2a / sqrt(2).
double zigzag(size_t i, double a) { return i % 2 ? -a : a; }
}  // namespace

TEST_CASE("a BAF-only change-point goes to the middle of the gap between het sites") {
    // Bins 0-99 carry one het site each at BAF 0.8 +- 0.02, bins 110-199 at
    // 0.5 +- 0.02, bins 100-109 none; log2 is flat. Every start from 100 to
    // 110 explains the BAF equally, and the flat log2 moves the cost by
    // far less than 2 among them: the middle, (100 + 110 + 1) / 2 = 105.
    SegmentInput in;
    in.contigs = {"chr1"};
    for (size_t i = 0; i < 200; ++i) {
        in.add_bin(0, static_cast<int64_t>(i * 1000), static_cast<int64_t>(i * 1000 + 1000), zigzag(i, 0.1));
        if (i < 100) in.add_het(i, 0.8 + zigzag(i, 0.02), 60);
        if (i >= 110) in.add_het(i, 0.5 + zigzag(i, 0.02), 60);
    }
    SegmentOptions o;
    o.smooth_outliers = false;
    const Segmentation s = segment(in, o);
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[1].first_bin == 105);
}

TEST_CASE("the two bins that straddle a step are not a segment of their own") {
    // 0 for 100 bins, two bins at exactly 0.5, then 1 for 100 bins (+-0.05
    // noise elsewhere).
    // Without refinement, with 2-bin segments allowed, the two bins are a
    // segment (each costs 0.25 / sd^2 = 22.6 in either neighbour, more than
    // the penalty 2 log 202 = 10.6). With it they join a neighbour, and the
    // one change-point, equally good at 100, 101 and 102, goes to 101.
    SegmentInput in;
    in.contigs = {"chr1"};
    for (size_t i = 0; i < 202; ++i) {
        const double value = i < 100 ? zigzag(i, 0.05) : i < 102 ? 0.5 : 1.0 + zigzag(i, 0.05);
        in.add_bin(0, static_cast<int64_t>(i * 1000), static_cast<int64_t>(i * 1000 + 1000), value);
    }
    SegmentOptions o;
    o.smooth_outliers = false;
    o.min_bins = 2;
    o.refine = false;
    CHECK(segment(in, o).segments.size() == 3);
    o.refine = true;
    const Segmentation s = segment(in, o);
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[1].first_bin == 101);
}

TEST_CASE("a single outlier bin does not make a segment") {
    SegmentInput in = piecewise({{500, 0.0}}, 0.1, 5);
    in.log2[250] = 3.0;
    const Segmentation s = segment(in, SegmentOptions{});
    CHECK(s.segments.size() == 1);
}

TEST_CASE("segmentation is the same at 1 and 4 threads") {
    const SegmentInput in = piecewise({{300, 0.0}, {100, 0.4}, {600, -0.3}}, 0.2, 13, 4);
    SegmentOptions one, four;
    four.threads = 4;
    const auto a = segment(in, one), b = segment(in, four);
    REQUIRE(a.segments.size() == b.segments.size());
    for (size_t k = 0; k < a.segments.size(); ++k) {
        CHECK(a.segments[k].first_bin == b.segments[k].first_bin);
        CHECK(a.segments[k].log2 == b.segments[k].log2);
    }
}

TEST_CASE("empty input is an error") {
    CHECK_THROWS_WITH(segment(SegmentInput{}, SegmentOptions{}), doctest::Contains("no bins"));
}

TEST_CASE("each noise class has its own sd, and a segment's mean weighs bins by it") {
    // Interleaved: even bins are class 0 (+-0.1 around 0), odd bins class 1
    // (off-target, +-1 around 2). Within each class consecutive bins differ
    // by 0.2 and 2: sds 1.4826 * 0.2 / sqrt(2) = 0.209669 and 2.09669, so
    // weights 100 : 1, and the one segment's mean is
    // (100 * 100 * 0 + 100 * 1 * 2) / (100 * 100 + 100 * 1) = 2 / 101.
    SegmentInput in;
    in.contigs = {"chr1"};
    for (size_t i = 0; i < 200; ++i) {
        const size_t j = i / 2;
        const bool off = i % 2 == 1;
        const double v = off ? 2.0 + zigzag(j, 1.0) : zigzag(j, 0.1);
        in.add_bin(0, static_cast<int64_t>(i * 1000), static_cast<int64_t>(i * 1000 + 1000), v, off ? 1 : 0);
    }
    SegmentOptions o;
    o.smooth_outliers = false;
    const Segmentation s = segment(in, o);
    CHECK(s.log2_sd == doctest::Approx(0.209669).epsilon(1e-5));
    REQUIRE(s.segments.size() == 1);
    CHECK(s.segments[0].log2 == doctest::Approx(2.0 / 101).epsilon(1e-9));
}

TEST_CASE("correlated noise is not taken for change, and a real step still is") {
    // 4,000 bins of AR(1) noise (phi 0.6, sd 0.15) with one step of 0.3 at
    // bin 2,000. Assuming independent noise, the wiggle makes segments of
    // its own; weighed by its long-run variance, only the step is left.
    SegmentInput in;
    in.contigs = {"chr1"};
    const std::vector<double> e = somatic::testing::ar1_noise(4000, 0.6, 0.15, 5);
    for (size_t i = 0; i < e.size(); ++i) {
        in.add_bin(0, static_cast<int64_t>(i * 1000), static_cast<int64_t>(i * 1000 + 1000), (i >= 2000 ? 0.3 : 0.0) + e[i]);
    }
    SegmentOptions independent;
    independent.correlated_noise = false;
    const Segmentation naive = segment(in, independent);
    CHECK(naive.log2_noise_factor == 1);
    CHECK(naive.segments.size() > 2);
    const Segmentation s = segment(in, SegmentOptions{});
    CHECK(s.log2_noise_factor > 2);
    REQUIRE(s.segments.size() == 2);
    CHECK(std::abs(static_cast<int64_t>(s.segments[1].first_bin) - 2000) <= 5);
}

TEST_CASE("independent noise keeps the first optimum: F stays 1") {
    const SegmentInput in = piecewise({{3000, 0.0}, {1000, 0.3}, {3000, -0.2}}, 0.2, 23);
    const Segmentation s = segment(in, SegmentOptions{});
    CHECK(s.log2_noise_factor == 1);
    CHECK(s.segments.size() == 3);
}

TEST_CASE("smooth_outliers: a bin more than 4 sd beyond all its neighbours goes 2 sd from the window's median") {
    // sd 1, neighbours within 2 bins on each side.
    // Bin 3: 10, neighbours {0.1, 0.2, 0.1, 0}: 10 > 0.2 + 4. Window
    // {0.1, 0.2, 10, 0.1, 0}, median 0.1 -> 2.1.
    // Bin 8: -3.5, neighbours' least 0: -3.5 >= 0 - 4, stays.
    // Bin 12: -6, neighbours {0.1, 0, 0, 0.1}: -6 < 0 - 4. Window median 0
    // -> -2.
    std::vector<double> x{0, 0.1, 0.2, 10, 0.1, 0, 0.1, 0.2, -3.5, 0, 0.1, 0, -6, 0, 0.1, 0};
    const std::vector<int32_t> contig(x.size(), 0);
    smooth_outliers(x, contig, 1.0);
    CHECK(x[3] == doctest::Approx(2.1));
    CHECK(x[8] == doctest::Approx(-3.5));
    CHECK(x[12] == doctest::Approx(-2.0));
    CHECK(x[0] == 0);
    CHECK(x[2] == doctest::Approx(0.2));
}

TEST_CASE("smooth_outliers: the nearest neighbour decides, so a run of two and a bin near one neighbour stay") {
    // Bin 2: 5.4 is 5.4 sd above the neighbours' median 0 but only 3.9 above
    // its nearest neighbour, 1.5: not an outlier (a median rule would move it).
    // Bins 7 and 8: 8 and 8.2, each within 4 of the other: both stay.
    std::vector<double> x{0, 0, 5.4, 0, 1.5, 0, 0, 8, 8.2, 0, 0, 0};
    const std::vector<double> before = x;
    smooth_outliers(x, std::vector<int32_t>(x.size(), 0), 1.0);
    CHECK(x == before);
}

TEST_CASE("smooth_outliers: windows end at the contig's ends") {
    // Contig 0 is bins 0-3, contig 1 bins 4-7. Bin 0: 9 against {0.2, 0.4}:
    // window {9, 0.2, 0.4}, median 0.4 -> 2.4. Bin 4, the first of contig 1:
    // -9 against {-0.2, 0} -> median -0.2 minus 2 = -2.2; bin 3's 0 in
    // contig 0 is no neighbour of it.
    std::vector<double> x{9, 0.2, 0.4, 0, -9, -0.2, 0, 0.1};
    smooth_outliers(x, {0, 0, 0, 0, 1, 1, 1, 1}, 1.0);
    CHECK(x[0] == doctest::Approx(2.4));
    CHECK(x[4] == doctest::Approx(-2.2));
    CHECK(x[3] == 0);
}

TEST_CASE("a deletion of 3 to 8 bins in noise survives smoothing with its true mean") {
    // 400 bins at 0, a deletion of k bins at -0.89 (six bins of 0.72 Mb in a
    // real tumour were flattened to -0.28 by a 10-neighbour median rule), 400
    // bins at 0; noise sd 0.15. The deletion is found within one bin at each
    // end and its mean is within 3 sd of a k-bin mean (3 * 0.15 / sqrt(k),
    // 0.26 at k = 3, 0.16 at k = 8) of -0.89.
    for (int k = 3; k <= 8; ++k) {
        for (unsigned seed = 1; seed <= 5; ++seed) {
            const SegmentInput in = piecewise({{400, 0.0}, {k, -0.89}, {400, 0.0}}, 0.15, seed * 31 + static_cast<unsigned>(k));
            const Segmentation s = segment(in, SegmentOptions{});
            CAPTURE(k);
            CAPTURE(seed);
            // The segment holding the deletion's middle bin (noise elsewhere
            // may draw a change-point of its own, as at the end of seed 5, k 3).
            const size_t mid = 400 + static_cast<size_t>(k) / 2;
            const auto it = std::find_if(s.segments.begin(), s.segments.end(),
                                         [&](const Segment& g) { return g.first_bin <= mid && mid < g.last_bin; });
            REQUIRE(it != s.segments.end());
            const Segment& del = *it;
            CHECK(std::abs(static_cast<double>(del.first_bin) - 400) <= 1);
            CHECK(std::abs(static_cast<double>(del.last_bin) - (400 + k)) <= 1);
            CHECK(std::abs(del.log2 + 0.89) < 3 * 0.15 / std::sqrt(k));
        }
    }
}

TEST_CASE("a one-bin spike makes no segment, and the mean keeps its unsmoothed value") {
    // A bin at +3 (20 sd) among 800 at 0: unsmoothed, a 3-bin segment
    // around it would pay its penalty many times over.
    for (unsigned seed = 1; seed <= 5; ++seed) {
        SegmentInput in = piecewise({{800, 0.0}}, 0.15, seed);
        in.log2[400] = 3.0;
        const Segmentation s = segment(in, SegmentOptions{});
        REQUIRE(s.segments.size() == 1);
        double sum = 0;
        for (double v : in.log2) sum += v;
        CHECK(s.segments[0].log2 == doctest::Approx(sum / 800).epsilon(1e-12));
        SegmentOptions raw;
        raw.smooth_outliers = false;
        CHECK(segment(in, raw).segments.size() > 1);  // what the smoothing prevents
    }
}

TEST_CASE("the segmentation's options: penalty, shortest segment and threads") {
    SegmentOptions o;
    CHECK_NOTHROW(o.validate());
    o.penalty = -1;
    CHECK_THROWS_WITH(o.validate(), "penalty must be 0 or more");
    o.penalty = 0;
    CHECK_NOTHROW(o.validate());
    o.min_bins = 0;
    CHECK_THROWS_WITH(o.validate(), "min_bins must be at least 1");
    o.min_bins = 1;
    o.threads = 0;
    CHECK_THROWS_WITH(o.validate(), "threads must be at least 1");
}

// The steps of segment(), against values worked by hand.

TEST_CASE("segment step: the bin ranges of each contig") {
    using R = std::vector<std::pair<size_t, size_t>>;
    CHECK(contig_ranges({0, 0, 1, 1, 1, 2}) == R{{0, 2}, {2, 5}, {5, 6}});
    CHECK(contig_ranges({}).empty());
}

TEST_CASE("segment step: each noise class's sd and weight, from its own bins") {
    SegmentInput in;
    const double values[] = {0, 1, 0, 1, 0, 5, 7};
    for (int i = 0; i < 7; ++i) in.add_bin(0, i * 100, i * 100 + 100, values[i], i < 5 ? 0 : 1);
    std::vector<double> x = in.log2, w;
    const NoiseClasses n = class_noise(in, true, x, w);
    // Class 0: first differences all 1, sd = 1.4826 / sqrt(2); class 1: one difference of 2.
    CHECK(n.first == 0);
    CHECK(n.sd[0] == doctest::Approx(1.4826 / std::sqrt(2.0)));
    CHECK(n.sd[1] == doctest::Approx(2 * 1.4826 / std::sqrt(2.0)));
    CHECK(w[0] == doctest::Approx(2 / (1.4826 * 1.4826)));
    CHECK(w[6] == doctest::Approx(2 / (4 * 1.4826 * 1.4826)));
    CHECK(x == in.log2);  // nothing 4 sd from its neighbours' median

    // Off-target bins alone: class 1 is the first.
    SegmentInput off;
    for (int i = 0; i < 3; ++i) off.add_bin(0, i, i + 1, i, 1);
    CHECK(class_noise(off, true, x = off.log2, w).first == 1);
}

TEST_CASE("segment step: an outlier is winsorised to 2 sd from its neighbours' median") {
    SegmentInput in;
    for (int i = 0; i < 11; ++i) in.add_bin(0, i, i + 1, i == 5 ? 10.0 : 0.0);
    std::vector<double> x = in.log2, w;
    // Most first differences are 0: the sd floor of 1e-3 applies.
    CHECK(class_noise(in, true, x, w).sd[0] == 1e-3);
    CHECK(x[5] == doctest::Approx(2e-3));  // the median of its neighbours (0) + 2 sd
    CHECK(x[4] == 0);
    x = in.log2;
    class_noise(in, false, x, w);
    CHECK(x[5] == 10);
}

TEST_CASE("segment step: a segment's weighted mean log2 and its het sites") {
    SegmentInput in;
    const double values[] = {1, 2, 3, 10};
    for (int i = 0; i < 4; ++i) in.add_bin(0, i * 10, i * 10 + 10, values[i]);
    in.add_het(1, 0.6, 20);  // |BAF - 0.5| = 0.1
    in.add_het(1, 0.3, 30);  // 0.2
    const std::vector<double> w{1, 1, 2, 1};
    const auto s = summarise_segments(in, in.log2, w, {{0, 4}}, {{0, 3}});
    REQUIRE(s.size() == 2);
    CHECK(s[0].beg == 0);
    CHECK(s[0].end == 30);
    CHECK(s[0].n_bins == 3);
    CHECK(s[0].log2 == doctest::Approx((1 + 2 + 2 * 3) / 4.0));
    CHECK(s[0].n_het == 2);
    CHECK(s[0].mirrored_baf == doctest::Approx(0.15));
    CHECK(s[0].het_depth == doctest::Approx(25));
    CHECK(s[1].first_bin == 3);
    CHECK(s[1].log2 == 10);
    CHECK(std::isnan(s[1].mirrored_baf));
}
