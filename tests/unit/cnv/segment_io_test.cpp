#include "libsomatic/cnv/segment_io.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "test_util.hpp"

using namespace somatic;
using namespace somatic::cnv;
using somatic::cnv::test::TempFile;

TEST_CASE("an array CGH table: header found, positions scaled, NA rows skipped") {
    const TempFile f(
        "Clone\tChromosome\tPosition\tCoriell.05296\tCoriell.13330\n"
        "GS1\t1\t0\tNA\t0.2\n"
        "RP11\t1\t468\t0.0088\t0.063\n"
        "RP12\t1\t2241\t-0.0009\t0.12\n"
        "RP13\t2\t10\t0.5\t0.1\n");
    Log2TableOptions o;
    o.position_scale = 1000;
    const SegmentInput in = read_log2_table(f.path(), o);
    REQUIRE(in.size() == 3);
    CHECK(in.beg[0] == 468000);
    CHECK(in.end[0] == 468001);
    CHECK(in.log2[1] == doctest::Approx(-0.0009));
    CHECK(in.contigs == std::vector<std::string>{"1", "2"});
    o.column = "Coriell.13330";
    CHECK(read_log2_table(f.path(), o).size() == 4);
}

TEST_CASE("a CNVkit .cnr and a plain table with BAF") {
    const TempFile cnr("chromosome\tstart\tend\tgene\tdepth\tlog2\tweight\nchr1\t100\t200\tA\t1.0\t-0.25\t0.9\n");
    const SegmentInput a = read_log2_table(cnr.path());
    REQUIRE(a.size() == 1);
    CHECK(a.log2[0] == doctest::Approx(-0.25));
    const TempFile plain("chr1\t0\t100\t0.1\t0.3\nchr1\t100\t200\t0.2\tNA\n");
    const SegmentInput b = read_log2_table(plain.path());
    REQUIRE(b.size() == 2);
    CHECK(b.het_n[0] == 1);
    CHECK(b.het_sum[0] == doctest::Approx(0.2));
    CHECK(b.het_n[1] == 0);
}

TEST_CASE("bad log2 tables") {
    SUBCASE("infinite") {
        const TempFile f("chr1\t0\t100\tinf\n");
        CHECK_THROWS_WITH(read_log2_table(f.path()), doctest::Contains("infinite"));
    }
    SUBCASE("unsorted") {
        const TempFile f("chr1\t100\t200\t0.1\nchr1\t0\t100\t0.2\n");
        CHECK_THROWS_WITH(read_log2_table(f.path()), doctest::Contains("not sorted"));
    }
    SUBCASE("empty") {
        const TempFile f("chrom\tstart\tend\tlog2\n");
        CHECK_THROWS_WITH(read_log2_table(f.path()), doctest::Contains("no data rows"));
    }
    SUBCASE("all missing") {
        const TempFile f("chr1\t0\t100\tNA\n");
        CHECK_THROWS_WITH(read_log2_table(f.path()), doctest::Contains("missing"));
    }
}

TEST_CASE("het sites go to the bin that holds them, or the nearest one before") {
    SegmentInput in;
    in.contigs = {"chr1"};
    in.add_bin(0, 1000, 2000, 0);
    in.add_bin(0, 5000, 6000, 0);
    HetTable h;
    h.contigs = {"chr1", "chr9"};
    h.sites = {{0, 10, 5, 5, 5, 5}, {0, 1500, 3, 7, 5, 5}, {0, 3000, 8, 2, 5, 5}, {0, 5500, 1, 9, 5, 5}, {1, 1, 1, 1, 1, 1}};
    CHECK(attach_het_sites(in, h) == 4);
    CHECK(in.het_n[0] == 3);
    CHECK(in.het_n[1] == 1);
    CHECK(in.het_sum[1] == doctest::Approx(0.4));
}

TEST_CASE("a segments table survives writing and reading") {
    SegmentTable t;
    t.contigs = {"chr1"};
    Segment s;
    s.beg = 0;
    s.end = 5000;
    s.n_bins = 5;
    s.log2 = 0.25;
    s.n_het = 3;
    s.mirrored_baf = 0.1;
    s.het_depth = 40;
    t.segments = {s};
    t.log2_sd = 0.2;
    t.baf_sd = 0.05;
    t.log2_noise_factor = 2.5;
    t.header = {"##sex=male"};
    std::string text;
    format_segment_table(t, text);
    const TempFile f(text);
    const SegmentTable r = read_segment_table(f.path());
    REQUIRE(r.segments.size() == 1);
    CHECK(r.log2_sd == doctest::Approx(0.2));
    CHECK(r.log2_noise_factor == doctest::Approx(2.5));
    CHECK(header_value(r.header, "sex") == "male");
    CHECK(r.segments[0].n_het == 3);
}

TEST_CASE("the noise factor of a segments table: 1 when absent, an error below 1") {
    const std::string body = "#chrom\tstart\tend\tn_bins\tlog2\tn_het\tmirrored_baf\thet_depth\n"
                             "chr1\t0\t5000\t5\t0.25\t0\tNA\tNA\n";
    const TempFile old_table("##somatic-cnv segments\n##log2_sd=0.2\n" + body);
    CHECK(read_segment_table(old_table.path()).log2_noise_factor == 1);
    const TempFile bad("##somatic-cnv segments\n##log2_sd=0.2\n##log2_noise_factor=0.5\n" + body);
    CHECK_THROWS_WITH(read_segment_table(bad.path()), doctest::Contains("1 or more"));
}
