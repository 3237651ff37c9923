#include "libsomatic/cnv/prune.hpp"
#include "libsomatic/cnv/segment.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

using namespace somatic::cnv;

TEST_CASE("het_site_loglik: the allele counts' binomial mixture, and two normals without a depth") {
    // 3 B reads of 10 at delta 0.2: log(1/2 0.7^3 0.3^7 + 1/2 0.3^3 0.7^7).
    CHECK(het_site_loglik(0.3, 10, 0.2, 0.1) == doctest::Approx(-6.7686108315655815).epsilon(1e-12));
    // Balanced: log(0.5^10) whatever the count.
    CHECK(het_site_loglik(0.8, 10, 0.0, 0.1) == doctest::Approx(10 * std::log(0.5)).epsilon(1e-12));
    // The phase is unknown: 3 of 10 and 7 of 10 are the same.
    CHECK(het_site_loglik(0.7, 10, 0.2, 0.1) == doctest::Approx(het_site_loglik(0.3, 10, 0.2, 0.1)));
    // Depth 0, BAF 0.7, sd 0.1, delta 0.2: log(1/2 exp(-0.4^2 / 0.02) + 1/2).
    CHECK(het_site_loglik(0.7, 0, 0.2, 0.1) == doctest::Approx(-0.6928117741870496).epsilon(1e-12));
}

TEST_CASE("StretchStats: the log2 residual sum of squares and the best imbalance") {
    StretchStats s;
    s.add_bin(1, 1);
    s.add_bin(2, 1);
    s.add_bin(3, 2);
    // Weighted mean 2.25: 1.25^2 + 0.25^2 + 2 * 0.75^2.
    CHECK(s.log2_rss() == doctest::Approx(2.75));
    CHECK(s.baf_max_loglik() == 0);  // no het site
    s.add_het(0.8, 10, 0.1);
    // max over delta of log(1/2 p^8 q^2 + 1/2 q^8 p^2), p = 1/2 + delta: -5.696927 at delta 0.2999
    // (a fine search); the grid and its parabola get within 1e-4.
    CHECK(s.baf_max_loglik() == doctest::Approx(-5.696926631540335).epsilon(1e-4));
}

TEST_CASE("split_gain: -2 log likelihood ratio of two stretches against their union") {
    StretchStats a, b;
    a.add_bin(0, 1);
    a.add_bin(0, 1);
    b.add_bin(1, 1);
    b.add_bin(1, 1);
    CHECK(split_gain(a, b) == doctest::Approx(1.0));  // 4 bins about 0.5: 4 * 0.25
    StretchStats c, d;
    c.add_het(0.8, 10, 0.1);
    d.add_het(0.5, 10, 0.1);
    // 2 (max L(8/10) + L(5/10 | 0) - max L(both)) = 2 (-5.696927 - 6.931472 + 13.615218), by a fine search.
    CHECK(split_gain(c, d) == doctest::Approx(1.9736393638610856).epsilon(1e-3));
    CHECK(split_gain(c, c) == doctest::Approx(0).epsilon(1e-9));
}

TEST_CASE("prune_change_points removes the change-points that do not pay their penalty") {
    std::vector<StretchStats> s(3);
    for (int i = 0; i < 10; ++i) {
        s[0].add_bin(0, 1);
        s[1].add_bin(0.1, 1);
        s[2].add_bin(3, 1);
    }
    // Gains: 10 * 10 / 20 * 0.1^2 = 0.05 and about 10 * 10 / 20 * 2.9^2 = 42.
    CHECK(prune_change_points(s, 1.0) == std::vector<size_t>{0, 2});
    CHECK(prune_change_points(s, 0.01) == std::vector<size_t>{0, 1, 2});
    CHECK(prune_change_points(s, 1000) == std::vector<size_t>{0});
    CHECK(prune_change_points({}, 1.0).empty());
}

TEST_CASE("segment: shallow het sites at a balanced BAF do not split a stretch of one copy number") {
    // 600 bins at log2 0; every bin has a het site, balanced in the tumour.
    // The first half is sequenced deep (60 reads), the second shallow (8),
    // so its BAFs scatter more: the mirrored-BAF cost with one sd for all
    // sites takes that for a change, the allele counts do not.
    std::mt19937 rng(5);
    std::normal_distribution<double> noise(0, 0.1);
    SegmentInput in;
    in.contigs = {"chr1"};
    for (int i = 0; i < 600; ++i) {
        in.add_bin(0, i * 1000, i * 1000 + 1000, noise(rng));
        const int depth = i < 300 ? 60 : 8;
        std::binomial_distribution<int> reads(depth, 0.5);
        in.add_het(static_cast<size_t>(i), reads(rng) / static_cast<double>(depth), depth);
    }
    SegmentOptions o;
    o.prune = false;
    const size_t unpruned = segment(in, o).segments.size();
    o.prune = true;
    CHECK(segment(in, o).segments.size() == 1);
    CHECK(unpruned > 1);  // what the test is about: the search alone splits it
}

TEST_CASE("segment: a true change of allelic imbalance alone is kept") {
    std::mt19937 rng(6);
    std::normal_distribution<double> noise(0, 0.1);
    SegmentInput in;
    in.contigs = {"chr1"};
    for (int i = 0; i < 400; ++i) {
        in.add_bin(0, i * 1000, i * 1000 + 1000, noise(rng));
        const double p = i < 200 ? 0.5 : (i % 2 ? 0.3 : 0.7);  // copy-neutral LOH at purity 0.4
        std::binomial_distribution<int> reads(30, p);
        in.add_het(static_cast<size_t>(i), reads(rng) / 30.0, 30);
    }
    const Segmentation s = segment(in, SegmentOptions{});
    REQUIRE(s.segments.size() == 2);
    CHECK(std::abs(static_cast<int>(s.segments[1].first_bin) - 200) <= 3);
}
