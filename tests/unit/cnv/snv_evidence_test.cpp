#include "libsomatic/cnv/snv_evidence.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "libsomatic/cnv/calls.hpp"
#include "libsomatic/cnv/purity_fit.hpp"
#include "test_util.hpp"

using namespace somatic::cnv;
using somatic::cnv::test::TempFile;

TEST_CASE("clonal VAF: p*m / (p*CN + n0*(1-p))") {
    CHECK(clonal_vaf(1.0, 1, 2, 2) == doctest::Approx(0.5));
    // p 0.5, 2+2: m = 2 at 1 / (2 + 1) = 1/3, m = 1 at 1/6.
    CHECK(clonal_vaf(0.5, 2, 4, 2) == doctest::Approx(1.0 / 3));
    CHECK(clonal_vaf(0.5, 1, 4, 2) == doctest::Approx(1.0 / 6));
    // The undoubled twin, purity 2 * 0.5 / 1.5 = 2/3, 1+1: 1/3 as well.
    CHECK(clonal_vaf(2.0 / 3, 1, 2, 2) == doctest::Approx(1.0 / 3));
    // A male X (n0 1), p 0.6, CN 1: 0.6 / (0.6 + 0.4).
    CHECK(clonal_vaf(0.6, 1, 1, 1) == doctest::Approx(0.6));
}

TEST_CASE("one SNV's likelihood: clonal multiplicities and a subclonal part in equal shares") {
    // p 1, CN 2, major 1: half a binomial at VAF 0.5, half the mean binomial
    // over VAF uniform on (0, 0.5). 5 of 10: C(10,5) / 2^10 = 0.246094; the
    // subclonal mean is 2 * I_0.5(6, 6) / 11 = 1/11 (symmetry: I = 1/2).
    // ln(0.5 * 0.246094 + 0.5 / 11) = ln(0.168502) = -1.78079.
    CHECK(snv_log_likelihood(5, 10, 1.0, 2, 1, 2) == doctest::Approx(-1.78079).epsilon(1e-3));
    // Unknown major: CN 2 -> major 1, the same.
    CHECK(snv_log_likelihood(5, 10, 1.0, 2, -1, 2) == doctest::Approx(snv_log_likelihood(5, 10, 1.0, 2, 1, 2)));
}

TEST_CASE("SNV clusters tell a doubled genome from its undoubled twin") {
    // Doubled at p 0.5 (2+2): clusters at 1/3 (before the doubling) and 1/6
    // (after). Twin: p 2/3, 1+1, one cluster at 1/3. Depth 60.
    auto total = [](double purity, int cn, int major, const std::vector<uint32_t>& alts) {
        double s = 0;
        for (uint32_t a : alts) s += snv_log_likelihood(a, 60, purity, cn, major, 2);
        return s;
    };
    std::vector<uint32_t> after_doubling(30, 10), before(20, 20);  // VAF 1/6 and 1/3
    std::vector<uint32_t> both = after_doubling;
    both.insert(both.end(), before.begin(), before.end());
    // Half-VAF cluster present: the doubled solution is far likelier.
    CHECK(total(0.5, 4, 2, both) - total(2.0 / 3, 2, 1, both) > 10);
    // Only the 1/3 cluster: the twin wins, by about ln 1.5 per SNV (the
    // doubled spreads each SNV over three parts, the twin over two).
    const double d = total(2.0 / 3, 2, 1, before) - total(0.5, 4, 2, before);
    CHECK(d > 0);
    CHECK(d / 20 == doctest::Approx(std::log(1.5)).epsilon(0.2));
}

TEST_CASE("SNVs weigh near-equal fits: decisive evidence overrides the ranking") {
    FitOptions o;  // SNV window: score within 10% + 0.02 of the best; snv_margin 3
    std::vector<Solution> s(3);
    s[0].score = 1.00, s[0].snv_log_likelihood = -100, s[0].ploidy = 2;
    s[1].score = 0.98, s[1].snv_log_likelihood = -96, s[1].ploidy = 4;  // within the window, 4 better
    s[2].score = 2.00, s[2].snv_log_likelihood = -50, s[2].ploidy = 3;  // better still, outside the window
    weigh_snv_evidence(s, o);
    CHECK(s[0].ploidy == 4);
    CHECK(s[1].ploidy == 2);
    // Within the margin (a difference of 2.5): nothing moves.
    std::vector<Solution> t(2);
    t[0].score = 1.0, t[0].snv_log_likelihood = -100, t[0].ploidy = 2;
    t[1].score = 1.0, t[1].snv_log_likelihood = -97.5, t[1].ploidy = 4;
    weigh_snv_evidence(t, o);
    CHECK(t[0].ploidy == 2);
    // No SNV evidence: nothing moves.
    std::vector<Solution> u(2);
    u[1].score = 0.5;
    u[1].ploidy = 4;
    weigh_snv_evidence(u, o);
    CHECK(u[1].ploidy == 4);
}

TEST_CASE("each solution's SNV evidence: only SNVs every solution calls above CN 0") {
    // Two segments, no BAF, p 1: log2 0 is CN 2 at psi 2; log2 -5 (floor) is CN 0.
    std::vector<FitSegment> segs(2);
    segs[0].n_bins = 10, segs[0].log2 = 0;
    segs[1].n_bins = 10, segs[1].log2 = -5;
    std::vector<Solution> sols(1);
    sols[0].purity = 1, sols[0].ploidy = 2;
    const std::vector<SomaticSnv> snvs{{"chr1", 5, 5, 5}, {"chr1", 15, 5, 5}, {"chr2", 1, 5, 5}};
    const auto at = snv_segments(snvs, {"chr1", "chr1"}, {0, 10}, {10, 20});
    CHECK(at == std::vector<int64_t>{0, 1, -1});
    FitOptions o;
    o.use_baf = false;
    add_snv_evidence(sols, segs, snvs, at, 0.1, FitResult{}, o);
    CHECK(sols[0].snv_count == 1);  // the one in CN 2; CN 0 and outside are left out
    CHECK(sols[0].snv_log_likelihood == doctest::Approx(snv_log_likelihood(5, 10, 1.0, 2, 1, 2)));
}

TEST_CASE("reading somatic SNVs: PASS or unfiltered SNVs, the tumour column's AD") {
    const TempFile f(
        "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=100000>\n##tumor_sample=T\n"
        "##FILTER=<ID=PASS,Description=\"p\">\n##FILTER=<ID=LowQ,Description=\"q\">\n"
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"d\">\n"
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tN\tT\n"
        "chr1\t100\t.\tA\tG\t.\tPASS\t.\tAD\t30,0\t20,7\n"
        "chr1\t200\t.\tA\tG\t.\tLowQ\t.\tAD\t30,0\t20,7\n"
        "chr1\t300\t.\tAC\tA\t.\tPASS\t.\tAD\t30,0\t20,7\n"
        "chr1\t400\t.\tC\tT\t.\t.\t.\tAD\t30,0\t12,3\n",
        ".vcf");
    const auto v = read_somatic_snvs(f.path());
    REQUIRE(v.size() == 2);
    CHECK(v[0].contig == "chr1");
    CHECK(v[0].pos == 99);
    CHECK(v[0].ref == 20);
    CHECK(v[0].alt == 7);
    CHECK(v[1].pos == 399);
    CHECK(v[1].alt == 3);
}

TEST_CASE("reading somatic SNVs: a VCF without allele depths is an error that says so") {
    const TempFile f(
        "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=100000>\n"
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\nchr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\n",
        ".vcf");
    CHECK_THROWS_WITH(read_somatic_snvs(f.path()), doctest::Contains("has no FORMAT/AD field"));
}
