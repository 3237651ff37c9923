#include "libsomatic/cnv/het_sites.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "libsomatic/core/error.hpp"
#include "test_util.hpp"

using namespace somatic::cnv;
using somatic::cnv::test::TempFile;

TEST_CASE("het criteria") {
    const HetCriteria c;
    CHECK(is_het(10, 10, c));
    CHECK(is_het(8, 2, c));    // 0.2: inside
    CHECK(!is_het(9, 1, c));   // 0.1
    CHECK(!is_het(4, 4, c));   // depth 8 < 10
    CHECK(!is_het(0, 0, c));
}

TEST_CASE("germline-hets VCF: tumour named by ##tumor_sample, only normal hets kept") {
    const TempFile vcf(
        "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=100000>\n##tumor_sample=TUM\n"
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allele depths\">\n"
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORM\tTUM\n"
        "chr1\t100\t.\tA\tG\t.\tPASS\t.\tAD\t10,12\t30,5\n"
        "chr1\t200\t.\tC\tT\t.\tPASS\t.\tAD\t20,1\t20,1\n"
        "chr1\t300\t.\tC\tTT\t.\tPASS\t.\tAD\t10,10\t10,10\n",
        ".vcf");
    const HetTable t = read_germline_hets(vcf.path(), HetCriteria{});
    REQUIRE(t.sites.size() == 1);
    CHECK(t.sites[0].pos == 99);
    CHECK(t.sites[0].tumour_ref == 30);
    CHECK(t.sites[0].tumour_alt == 5);
    CHECK(t.sites[0].normal_alt == 12);
}

TEST_CASE("germline-hets VCF contract errors") {
    const TempFile one(
        "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=100000>\n"
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"d\">\n"
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\nchr1\t100\t.\tA\tG\t.\tPASS\t.\tAD\t10,12\n",
        ".vcf");
    CHECK_THROWS_WITH(read_germline_hets(one.path(), HetCriteria{}), doctest::Contains("needs the tumour and the normal"));
    const TempFile no_ad(
        "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=100000>\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\nchr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t0/1\n",
        ".vcf");
    CHECK_THROWS_WITH(read_germline_hets(no_ad.path(), HetCriteria{}), doctest::Contains("FORMAT/AD"));
}

TEST_CASE("allele-count table round trip") {
    HetTable t;
    t.contigs = {"chr1"};
    t.sites = {{0, 99, 30, 5, 10, 12}};
    std::string text;
    format_het_table(t, text);
    const TempFile f(text);
    const HetTable r = read_het_table(f.path());
    REQUIRE(r.sites.size() == 1);
    CHECK(r.sites[0].pos == 99);
    CHECK(r.sites[0].baf() == doctest::Approx(5.0 / 35));
}

TEST_CASE("an allele-count table with one site twice: a duplicate, named with both lines") {
    HetTable t;
    t.contigs = {"chr1"};
    t.sites = {{0, 99, 30, 5, 10, 12}, {0, 99, 30, 5, 10, 12}};
    std::string text;
    format_het_table(t, text);
    const TempFile f(text);
    // Two header lines, then the sites on lines 3 and 4.
    try {
        read_het_table(f.path());
        FAIL("no error");
    } catch (const somatic::Error& e) {
        CHECK(e.problem() == "duplicated position: chr1:99-100 is also on line 3");
        CHECK(e.locus() == "line 4");
        CHECK(e.file() == f.path());
        CHECK(std::string(e.what()).find("sort") == std::string::npos);
    }
}

TEST_CASE("the het criteria: 0 <= min_af <= max_af <= 1") {
    HetCriteria c;
    CHECK_NOTHROW(c.validate());
    c.min_af = 0.9;
    CHECK_THROWS_WITH(c.validate(), "min_af/max_af must satisfy 0 <= min <= max <= 1");
    c.min_af = 0.2;
    c.max_af = 1.1;
    CHECK_THROWS(c.validate());
    PileupHetOptions p;
    CHECK_NOTHROW(p.validate());
    p.criteria = c;  // the criteria are the pileup's too
    CHECK_THROWS(p.validate());
}

TEST_CASE("only the sites inside the regions are kept") {
    HetTable t;
    t.contigs = {"chr1", "chr2"};
    for (auto [c, pos] : std::vector<std::pair<int32_t, int64_t>>{{0, 5}, {0, 10}, {0, 19}, {0, 20}, {0, 25}, {0, 26}, {1, 5}}) {
        HetSite s;
        s.contig = c;
        s.pos = pos;
        t.sites.push_back(s);
    }
    // Half-open: chr1 10-20 holds 10 and 19, not 20; the overlapping 18-26
    // holds 20 and 25, not 26; chr2 has no region. chr3 is not in the table.
    HetTable a = t;
    CHECK(keep_sites_in(a, {{"chr1", 18, 26}, {"chr1", 10, 20}, {"chr3", 0, 100}}) == 3);
    std::vector<int64_t> kept;
    for (const auto& s : a.sites) kept.push_back(s.contig * 1000 + s.pos);
    CHECK(kept == std::vector<int64_t>{10, 19, 20, 25});
    HetTable b = t;
    CHECK(keep_sites_in(b, {{"chr1", 10, 20}}) == 5);
    REQUIRE(b.sites.size() == 2);
    CHECK(b.sites[0].pos == 10);
    CHECK(b.sites[1].pos == 19);
    HetTable c = t;
    CHECK(keep_sites_in(c, {}) == 7);
}
