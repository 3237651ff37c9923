#include "libsomatic/cnv/segment.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

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
