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

namespace {
std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> f;
    split_tabs(line, f);
    return f;
}
const TableLocus kAt{"t.tsv", 3};
}  // namespace

TEST_CASE("log2 table step 1: the columns, from a header or the first row's width") {
    Log2Columns c;
    const std::string cnr = "chromosome\tstart\tend\tgene\tdepth\tlog2\tweight";
    CHECK(log2_columns(split(cnr), cnr, {}, kAt, c));
    CHECK((c.chrom == 0 && c.start == 1 && c.end == 2 && c.value == 5 && c.kind == 3 && c.baf == -1));
    const std::string cgh = "Clone\tChromosome\tPosition\tCoriell.05296";
    CHECK(log2_columns(split(cgh), cgh, {}, kAt, c));
    CHECK((c.chrom == 1 && c.start == 2 && c.end == -1 && c.value == 3));
    Log2TableOptions named;
    named.column = "depth";
    CHECK(log2_columns(split(cnr), cnr, named, kAt, c));
    CHECK(c.value == 4);
    const std::string five = "chr1\t0\t100\t0.1\t0.3";
    CHECK_FALSE(log2_columns(split(five), five, {}, kAt, c));  // data, not a header
    CHECK((c.value == 3 && c.baf == 4 && c.end == 2));
    const std::string three = "chr1\t100\t0.1";
    CHECK_FALSE(log2_columns(split(three), three, {}, kAt, c));
    CHECK((c.end == -1 && c.value == 2));
    const std::string two = "chr1\t100";
    CHECK_THROWS_WITH(log2_columns(split(two), two, {}, kAt, c), doctest::Contains("at least 3 columns (chrom pos log2) at line 3"));
    const std::string none = "a\tb\tc";
    CHECK_THROWS_WITH(log2_columns(split(none), none, {}, kAt, c), doctest::Contains("no chromosome and start/position"));
}

TEST_CASE("log2 table step 2: a row's value and coordinates, then its BAF and kind") {
    const Log2Columns c{0, 1, 2, 3, 4, 5};
    Log2TableOptions kb;
    kb.position_scale = 1000;
    Log2Row r = parse_log2_row(split("chr1\t1.5\t2\t-0.5\t0.25\tAntitarget"), c, kb, kAt);
    CHECK(r.beg == 1500);
    CHECK(r.end == 2000);
    CHECK(r.value == -0.5);
    parse_log2_extras(split("chr1\t1.5\t2\t-0.5\t0.25\tAntitarget"), c, kAt, r);
    CHECK(r.baf == 0.25);
    CHECK(r.noise == 1);
    CHECK(std::isnan(parse_log2_row(split("chr1\t0\t1\tNA\t0.2\tx"), c, {}, kAt).value));
    const Log2Columns point{0, 1, -1, 2, -1};
    CHECK(parse_log2_row(split("chr1\t7\t0.1"), point, {}, kAt).end == 8);
    CHECK_THROWS_WITH(parse_log2_row(split("chr1\t0\t1"), c, {}, kAt), doctest::Contains("expected at least 5 columns, found 3"));
    CHECK_THROWS_WITH(parse_log2_row(split("chr1\tx\t1\t0\t0\tk"), c, {}, kAt),
                      doctest::Contains("column 'start' holds 'x', not a number at line 3"));
    Log2Row bad;
    CHECK_THROWS_WITH(parse_log2_extras(split("chr1\t0\t1\t0\t1.5\tk"), c, kAt, bad), doctest::Contains("BAF outside [0, 1]"));
}

TEST_CASE("log2 table step 3: rows gathered in order, or sorted") {
    const Log2Columns c{0, 1, 2, 3, -1, -1};
    const std::vector<std::string> rows = {"chr2\t0\t10\t0.1", "chr1\t10\t20\t0.2", "chr1\t0\t10\t0.3",
                                           "chr1\t20\t30\tNA"};
    Log2TableOptions sorted;
    sorted.sort = true;
    Log2Rows gathered("t.tsv", sorted);
    for (const auto& row : rows) gathered.add(split(row), c, sorted, kAt);
    CHECK(gathered.data_rows() == 4);
    const SegmentInput in = gathered.finish();
    CHECK(in.contigs == std::vector<std::string>{"chr2", "chr1"});
    REQUIRE(in.size() == 3);  // the NA row skipped
    CHECK(in.beg[1] == 0);
    CHECK(in.log2[1] == doctest::Approx(0.3));

    Log2Rows ordered("t.tsv", {});
    ordered.add(split(rows[0]), c, {}, kAt);
    ordered.add(split(rows[1]), c, {}, kAt);
    CHECK_THROWS_WITH(ordered.add(split(rows[2]), c, {}, kAt), doctest::Contains("(sort the table, or give --sort)"));

    Log2Rows none("t.tsv", {});
    CHECK_THROWS_WITH(none.finish(), doctest::Contains("no data rows"));
    Log2Rows missing("t.tsv", {});
    missing.add(split(rows[3]), c, {}, kAt);
    CHECK_THROWS_WITH(missing.finish(), doctest::Contains("every log2 value is missing"));
    Log2Rows header("t.tsv", {});
    header.add_header_line("##sex=female");
    header.add_header_line("##other=1");
    header.add(split(rows[0]), c, {}, kAt);
    CHECK(header.finish().header == std::vector<std::string>{"##sex=female"});
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
