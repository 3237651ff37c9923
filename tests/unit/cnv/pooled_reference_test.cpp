#include "libsomatic/cnv/pooled_reference.hpp"
#include "libsomatic/cnv/pooled_ratio.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "../thrown_message.hpp"
#include "libsomatic/core/error.hpp"
#include "test_util.hpp"

using namespace somatic;
using somatic::testing::thrown_message;
using namespace somatic::cnv;

namespace {
// Six 100 bp bins on chr1. A bin's reads are 100 * scale * rel - 0.5, so
// that its depth per base, (reads + 0.5) / 100, is scale * rel and, with the
// sample's median of 1 x scale, its relative depth is rel.
BinTable sample(double scale, const std::vector<double>& rel) {
    BinTable t;
    t.contigs = {"chr1"};
    for (size_t i = 0; i < rel.size(); ++i) {
        t.bins.push_back(Bin{0, BinKind::target, static_cast<int64_t>(i * 100), static_cast<int64_t>(i * 100 + 100)});
        t.gc.push_back(0.4 + 0.01 * static_cast<double>(i));
        t.n_fraction.push_back(0);
        t.reads.push_back(100 * scale * rel[i] - 0.5);
    }
    return t;
}

// Relative depths (each normal's median is its bin of rel 1):
//        bin 0   1      2   3   4     5
//   A    1       0.8    2   1   0.25  1
//   B    1       1      1   1   0.25  1
//   C    1       1.25   4   1   0.25  1
std::vector<BinTable> normals() {
    return {sample(1, {1, 0.8, 2, 1, 0.25, 1}), sample(2, {1, 1, 1, 1, 0.25, 1}), sample(4, {1, 1.25, 4, 1, 0.25, 1})};
}

PoolOptions no_gc() {
    PoolOptions o;
    o.gc_correct = false;
    return o;
}

}  // namespace

TEST_CASE("median and robust spread by hand") {
    CHECK(median({3, 1, 2}) == 2);
    CHECK(median({4, 1, 3, 2}) == 2.5);
    CHECK(std::isnan(median({})));
    // median 2.5; deviations 1.5 0.5 0.5 1.5, their median 1.
    CHECK(robust_spread({1, 2, 3, 4}) == doctest::Approx(1.4826));
    CHECK(robust_spread({5, 5, 5}) == 0);
}

TEST_CASE("per-bin expected depth, spread and usability from three normals") {
    const PooledReference r = build_pooled_reference(normals(), {"A", "B", "C"}, no_gc());
    REQUIRE(r.size() == 6);
    // Bin 0: log2 0 0 0.
    CHECK(r.log2[0] == 0);
    CHECK(r.spread[0] == 0);
    // Bin 1: log2 -0.3219 0 0.3219: median 0, MAD 0.3219, spread 0.4773 (< 0.5).
    CHECK(r.log2[1] == doctest::Approx(0).epsilon(1e-4));
    CHECK(r.spread[1] == doctest::Approx(1.4826 * std::log2(1.25)).epsilon(1e-3));
    CHECK(r.usable[1]);
    // Bin 2: log2 1 0 2: median 1, deviations 0 1 1, spread 1.4826: unusable.
    CHECK(r.log2[2] == doctest::Approx(1));
    CHECK(r.spread[2] == doctest::Approx(1.4826));
    CHECK_FALSE(r.usable[2]);
    // Bin 4: every normal at a quarter of its typical depth (< 0.3): unusable.
    CHECK(r.log2[4] == doctest::Approx(-2));
    CHECK(r.spread[4] == 0);
    CHECK_FALSE(r.usable[4]);
    // Bin 0's reads: 99.5, 199.5 and 399.5; the median 199.5.
    CHECK(r.reads[0] == 199.5);
    CHECK(r.usable_count() == 4);
    // A looser spread limit keeps bin 2.
    PoolOptions loose = no_gc();
    loose.max_spread = 2;
    CHECK(build_pooled_reference(normals(), {"A", "B", "C"}, loose).usable[2]);
}

TEST_CASE("the tumour's log2 against the pool, unusable bins dropped") {
    const PooledReference r = build_pooled_reference(normals(), {"A", "B", "C"}, no_gc());
    // Tumour relative depth 1 1 (x) 2 (x) 1 over the usable bins 0 1 3 5: its
    // median over them is 1 (upper median of 1 1 2 1), the expected depth 1
    // in each, mean linear ratio 1.25: log2 = log2(ratio / 1.25).
    RatioOptions o;
    o.gc_correct = false;
    const RatioTable t = compute_pooled_ratios(sample(3, {1, 1, 7, 2, 7, 1}), r, o, "tumour", "pool");
    REQUIRE(t.size() == 4);
    CHECK(t.dropped == 2);
    CHECK(t.bins[2].beg == 300);
    const double low = std::log2(1 / 1.25), high = std::log2(2 / 1.25);
    CHECK(t.log2[0] == doctest::Approx(low).epsilon(1e-3));
    CHECK(t.log2[1] == doctest::Approx(low).epsilon(1e-3));
    CHECK(t.log2[2] == doctest::Approx(high).epsilon(1e-3));
    CHECK(t.log2[3] == doctest::Approx(low).epsilon(1e-3));
    CHECK(t.pool_normals == 3);
}

TEST_CASE("a reference of other bins names the first differing bin") {
    const PooledReference r = build_pooled_reference(normals(), {"A", "B", "C"}, no_gc());
    RatioOptions o;
    BinTable moved = sample(3, {1, 1, 1, 1, 1, 1});
    moved.bins[3].beg = 310;
    const std::string m = thrown_message([&] { compute_pooled_ratios(moved, r, o, "t.bins.tsv", "pool.tsv"); });
    CHECK(m.find("pool.tsv") != std::string::npos);
    CHECK(m.find("bin 4 is chr1:300-400 (target) there but chr1:310-400 (target) in t.bins.tsv") != std::string::npos);
    BinTable shorter = sample(3, {1, 1, 1, 1, 1});
    const std::string s = thrown_message([&] { compute_pooled_ratios(shorter, r, o, "t.bins.tsv", "pool.tsv"); });
    CHECK(s.find("it has 6 bins, t.bins.tsv has 5; the first differing bin is 6: chr1:500-600 (target)") !=
          std::string::npos);
    BinTable other_fasta = sample(3, {1, 1, 1, 1, 1, 1});
    for (double& g : other_fasta.gc) g += 0.1;
    CHECK(thrown_message([&] { compute_pooled_ratios(other_fasta, r, o, "t", "pool.tsv"); }).find("another reference FASTA") !=
          std::string::npos);
}

TEST_CASE("the table round-trips and records the assembly") {
    PooledReference r = build_pooled_reference(normals(), {"A", "B", "C"}, no_gc());
    r.assembly = ContigDict({{"chr1", 600}});
    r.version = "9.9";
    std::string text;
    format_pooled_reference(r, text);
    CHECK(text.find("##normals=3\n##normal=A\n##normal=B\n##normal=C\n##contig=<ID=chr1,length=600>\n") != std::string::npos);
    const test::TempFile f(text);
    const PooledReference back = read_pooled_reference(f.path());
    CHECK(back.normals == r.normals);
    CHECK(back.version == "9.9");
    CHECK(back.usable == r.usable);
    CHECK(back.log2[2] == 1);
    CHECK(back.assembly.size() == 1);
    check_reference_assembly(back, "pool.tsv", ContigDict({{"chr1", 600}, {"chr2", 50}}), "ref.fa");
    CHECK_THROWS_AS(check_reference_assembly(back, "pool.tsv", ContigDict({{"chr1", 700}}), "ref.fa"), Error);
    CHECK_THROWS_AS(check_reference_assembly(back, "pool.tsv", ContigDict({{"1", 600}}), "ref.fa"), Error);
}

TEST_CASE("a malformed usable column is an error naming the line") {
    const test::TempFile f("##somatic-cnv pooled reference\n#chrom\tstart\tend\tkind\tgc\tlog2\tspread\treads\tusable\n"
                           "chr1\t0\t100\ttarget\t0.4\t0\t0\t10\tyes\n");
    const std::string m = thrown_message([&] { read_pooled_reference(f.path()); });
    CHECK(m.find("line 3") != std::string::npos);
    CHECK(m.find("usable") != std::string::npos);
}
