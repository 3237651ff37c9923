#include "libsomatic/cnv/ratio.hpp"
#include "libsomatic/cnv/segment.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"

using namespace somatic;
using namespace somatic::cnv;

namespace {
// Bins over chr1..chr3 and chrX with a GC-dependent depth; the tumour
// carries copy number `cn(contig, bin)` at purity 1.
BinTable sample(double depth, unsigned seed, bool male, int (*cn)(int, size_t)) {
    BinTable t;
    t.contigs = {"chr1", "chr2", "chr3", "chrX"};
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> gc(0.3, 0.6);
    std::mt19937 gc_rng(99);  // the same GC for both samples
    for (int c = 0; c < 4; ++c) {
        for (size_t i = 0; i < 2000; ++i) {
            const double g = gc(gc_rng);
            t.bins.push_back(Bin{c, BinKind::wgs, static_cast<int64_t>(i * 1000), static_cast<int64_t>(i * 1000 + 1000)});
            t.gc.push_back(g);
            t.n_fraction.push_back(0);
            const double copies = (c == 3 && male) ? 1 : 2;
            const double bias = 1 + 2 * (g - 0.45);
            std::poisson_distribution<int> p(depth * bias * cn(c, i) / 2.0 * copies / 2.0);
            t.reads.push_back(p(rng));
        }
    }
    return t;
}
int diploid(int, size_t) { return 2; }
int gain_chr2(int c, size_t) { return c == 1 ? 3 : 2; }
}  // namespace

TEST_CASE("equal copy number everywhere gives log2 0 despite the GC bias") {
    RatioOptions bin_by_bin;
    bin_by_bin.normal_radius = 0;  // the normal's own noise stays in the ratio
    const RatioTable r = compute_ratios(sample(200, 1, false, diploid), sample(100, 2, false, diploid), bin_by_bin);
    // The mean linear ratio is 1 by construction; the mean of a ratio of
    // noisy depths exceeds the ratio of the means by about var(normal)/mean^2
    // = 1/100 here, so the median log2 sits about log2(1.01) = 0.014 below 0.
    std::vector<double> v = r.log2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    CHECK(std::abs(v[v.size() / 2] + 0.014) < 0.006);
    CHECK(r.sex == Sex::female);
}

TEST_CASE("a normal with counting noise only leaves the tumour's noise in the ratio") {
    // ~200 tumour and ~100 normal reads per bin. Bin by bin the log2 sd is
    // sqrt(1/200 + 1/100) / ln 2 = 0.177; with the normal shrunk to its local
    // mean (w near 0: it has nothing but counting noise) it is the tumour's
    // alone, sqrt(1/200) / ln 2 = 0.102, and the median log2 is near 0.
    const RatioTable r = compute_ratios(sample(200, 1, false, diploid), sample(100, 2, false, diploid), RatioOptions{});
    CHECK(r.normal_weight < 0.1);
    std::vector<int32_t> contig;
    for (const Bin& b : r.bins) contig.push_back(b.contig);
    CHECK(robust_sd(r.log2, contig) == doctest::Approx(0.102).epsilon(0.1));
    std::vector<double> v = r.log2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    CHECK(std::abs(v[v.size() / 2]) < 0.006);
}

TEST_CASE("a gain of chr2 at purity 1 sits at log2(3/ploidy)") {
    const RatioTable r = compute_ratios(sample(300, 3, false, gain_chr2), sample(300, 4, false, diploid), RatioOptions{});
    // Ploidy: (3 * 2000 + 2 * 6000) / 8000 = 2.25.
    double chr1 = 0, chr2 = 0;
    size_t n1 = 0, n2 = 0;
    for (size_t i = 0; i < r.size(); ++i) {
        if (r.bins[i].contig == 0) chr1 += r.log2[i], ++n1;
        if (r.bins[i].contig == 1) chr2 += r.log2[i], ++n2;
    }
    CHECK(chr2 / n2 == doctest::Approx(std::log2(3 / 2.25)).epsilon(0.05));
    CHECK(chr1 / n1 == doctest::Approx(std::log2(2 / 2.25)).epsilon(0.1));
}

TEST_CASE("a male normal is recognised by its chrX depth; chrX is then at 0") {
    const RatioTable r = compute_ratios(sample(200, 5, true, diploid), sample(200, 6, true, diploid), RatioOptions{});
    CHECK(r.sex == Sex::male);
    CHECK(r.x_ratio == doctest::Approx(0.5).epsilon(0.1));
    double x = 0;
    size_t n = 0;
    for (size_t i = 0; i < r.size(); ++i) {
        if (r.bins[i].contig == 3) x += r.log2[i], ++n;
    }
    REQUIRE(n > 1000);
    CHECK(std::abs(x / n) < 0.05);
}

TEST_CASE("tables of different layouts or references are refused") {
    BinTable t = sample(100, 1, false, diploid), n = sample(100, 2, false, diploid);
    SUBCASE("a bin differs") {
        n.bins[5].end += 1;
        CHECK_THROWS_WITH(compute_ratios(t, n, RatioOptions{}, "t.tsv", "n.tsv"), doctest::Contains("binned differently"));
    }
    SUBCASE("fewer bins") {
        n.bins.pop_back();
        n.gc.pop_back();
        n.reads.pop_back();
        n.n_fraction.pop_back();
        CHECK_THROWS_WITH(compute_ratios(t, n, RatioOptions{}, "t.tsv", "n.tsv"), doctest::Contains("binned differently"));
    }
    SUBCASE("another reference") {
        for (auto& g : n.gc) g = 1 - g;
        CHECK_THROWS_WITH(compute_ratios(t, n, RatioOptions{}, "t.tsv", "n.tsv"), doctest::Contains("different references"));
    }
}

TEST_CASE("the normal is shrunk toward its local mean by 1 - counting variance / observed variance") {
    // One group of 8 bins alternating 1.1 / 0.9, window covering all: the
    // local mean is 1.0 everywhere. |first differences| are all 0.2, so the
    // robust sd is 1.4826 * 0.2 / sqrt(2) = 0.209669 and v_observed =
    // 0.0439611; 100 reads per bin give v_count = 0.01; w = 1 - 0.01 /
    // 0.0439611 = 0.772526, and 1.1 becomes 1 + 0.772526 * 0.1.
    std::vector<double> depth{1.1, 0.9, 1.1, 0.9, 1.1, 0.9, 1.1, 0.9};
    const std::vector<double> reads(8, 100);
    const std::vector<int32_t> group(8, 0);
    const double w = shrink_to_local_mean(depth, reads, group, 10);
    CHECK(w == doctest::Approx(0.772526).epsilon(1e-5));
    CHECK(depth[0] == doctest::Approx(1.0772526).epsilon(1e-6));
    CHECK(depth[1] == doctest::Approx(0.9227474).epsilon(1e-6));
}

TEST_CASE("a normal that varies no more than its counts is replaced by its local mean") {
    // 4 reads per bin: v_count = 0.25 exceeds v_observed, so w = 0. With
    // radius 1 the bins are averaged with their neighbours (2 at the ends).
    std::vector<double> depth{1.0, 1.2, 0.8, 1.0, 2.0, 2.2};
    const std::vector<double> reads(6, 4);
    const std::vector<int32_t> group{0, 0, 0, 0, 1, 1};
    CHECK(shrink_to_local_mean(depth, reads, group, 1) == 0.0);
    CHECK(depth[0] == doctest::Approx(1.1));
    CHECK(depth[1] == doctest::Approx(1.0));
    CHECK(depth[3] == doctest::Approx(0.9));
    CHECK(depth[4] == doctest::Approx(2.1));  // the group ends at the previous bin
}

TEST_CASE("radius 0 leaves the normal as it is") {
    std::vector<double> depth{1.0, 1.2, 0.8};
    CHECK(shrink_to_local_mean(depth, {9, 9, 9}, {0, 0, 0}, 0) == 1.0);
    CHECK(depth[1] == 1.2);
}

TEST_CASE("the ratio's options: the normal's depth window") {
    RatioOptions o;
    CHECK_NOTHROW(o.validate());
    o.min_normal_depth = 4;  // above the default maximum of 3
    CHECK_THROWS_WITH(o.validate(), "min_normal_depth/max_normal_depth must satisfy 0 <= min <= max");
    o.min_normal_depth = -0.1;
    CHECK_THROWS(o.validate());
    o.min_normal_depth = 0;
    o.normal_radius = -1;
    CHECK_THROWS_WITH(o.validate(), "normal_radius must be 0 or more");
}

namespace {
// A slice: 1000 bins of chr1 with sequence, reads in bins 500-519 only.
// The normal has 50 reads in each; the tumour 100 in 500-509 and 150 in
// 510-519 (a gain).
std::pair<BinTable, BinTable> slice() {
    BinTable t;
    t.contigs = {"chr1"};
    for (int64_t i = 0; i < 1000; ++i) {
        t.bins.push_back(Bin{0, BinKind::wgs, i * 1000, i * 1000 + 1000});
        t.gc.push_back(0.45);
        t.n_fraction.push_back(0);
        t.reads.push_back(0);
    }
    BinTable n = t;
    for (size_t i = 500; i < 520; ++i) {
        t.reads[i] = i < 510 ? 100 : 150;
        n.reads[i] = 50;
    }
    return {t, n};
}

RatioOptions by_hand() {
    RatioOptions o;
    o.gc_correct = false;
    o.normal_radius = 0;
    return o;
}
}  // namespace

TEST_CASE("on a slice the expected depth comes from the bins that hold the normal's reads") {
    // Over every bin with sequence the medians would be those of the empty
    // bins: the 20 covered ones would be 100 times too deep and dropped, the
    // 980 empty ones kept at log2 0. Over the covered bins: the tumour's
    // depth is (reads + 0.5) / 1000 over the upper median 150.5 / 1000, so
    // 100.5 / 150.5 and 1; the normal is 1 throughout; the shift makes the
    // mean linear ratio 1: log2(2 x 100.5 / 251) = -0.3205 and
    // log2(2 x 150.5 / 251) = 0.2621.
    const auto [t, n] = slice();
    const RatioTable r = compute_ratios(t, n, by_hand());
    REQUIRE(r.size() == 20);
    CHECK(r.dropped == 980);
    CHECK(r.bins.front().beg == 500000);
    CHECK(r.bins.back().end == 520000);
    CHECK(r.normal_reads == 50);
    for (size_t i = 0; i < 20; ++i) {
        CHECK(r.normal[i] == 1.0);
        CHECK(r.log2[i] == doctest::Approx(i < 10 ? -0.3205 : 0.2621).epsilon(1e-9));
    }
}

TEST_CASE("a bin without a normal read is dropped; one without a tumour read is kept") {
    auto [t, n] = slice();
    n.reads[505] = 0;  // tumour reads, no normal read: no ratio
    t.reads[515] = 0;  // a homozygous deletion is data
    const RatioTable r = compute_ratios(t, n, by_hand());
    REQUIRE(r.size() == 19);
    CHECK(std::none_of(r.bins.begin(), r.bins.end(), [](const Bin& b) { return b.beg == 505000; }));
    const auto deleted = std::find_if(r.bins.begin(), r.bins.end(), [](const Bin& b) { return b.beg == 515000; });
    REQUIRE(deleted != r.bins.end());
    CHECK(r.log2[static_cast<size_t>(deleted - r.bins.begin())] < -5);
    // No bin holds a normal read: an error, not a table of empty bins.
    for (auto& reads : n.reads) reads = 0;
    CHECK_THROWS_AS(compute_ratios(t, n, by_hand()), somatic::Error);
}

TEST_CASE("a thin normal is warned about with the bin size that would hold 20 reads") {
    CHECK(bin_size_for_reads(1000, 2.0, 20) == 10000);
    CHECK(bin_size_for_reads(1000, 3.0, 20) == 7000);  // 6667, up to the next 1000
    CHECK(bin_size_for_reads(100, 5.0, 20) == 400);
    CHECK(bin_size_for_reads(1000, 0.0, 20) == 0);
    auto [t, n] = slice();
    for (size_t i = 500; i < 520; ++i) n.reads[i] = i % 2 ? 1 : 3;  // median (upper) 3
    std::vector<std::string> warnings;
    log::set_sink([&](log::Level level, const std::string& m) {
        if (level == log::Level::warning) warnings.push_back(m);
    });
    const RatioTable r = compute_ratios(t, n, by_hand());
    log::set_sink({});
    CHECK(r.normal_reads == 3);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("median of 3.0 reads per kept bin (1000 bp)") != std::string::npos);
    CHECK(warnings[0].find("bins of about 7000 bp") != std::string::npos);
}
