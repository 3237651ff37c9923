#include "libsomatic/cnv/bin_table.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "libsomatic/core/error.hpp"
#include "test_util.hpp"

using namespace somatic;
using namespace somatic::cnv;
using somatic::cnv::test::TempFile;

namespace {
const char* kHeader = "##somatic-cnv bins table\n#chrom\tstart\tend\tkind\tgc\tn_fraction\treads\n";
}

TEST_CASE("a bins table survives writing and reading") {
    BinTable t;
    t.contigs = {"chr1", "chr2"};
    t.bins = {{0, BinKind::wgs, 0, 1000}, {0, BinKind::wgs, 1000, 2000}, {1, BinKind::target, 0, 500}};
    t.gc = {0.41, std::nan(""), 0.5};
    t.n_fraction = {0, 1, 0.1};
    t.reads = {12, 0, 345};
    t.sample = "S1";
    std::string text;
    format_bin_table(t, text);
    const TempFile f(text);
    const BinTable r = read_bin_table(f.path());
    REQUIRE(r.size() == 3);
    CHECK(r.sample == "S1");
    CHECK(r.contigs == t.contigs);
    CHECK(r.bins[2].kind == BinKind::target);
    CHECK(std::isnan(r.gc[1]));
    CHECK(r.reads[2] == 345);
    CHECK(r.gc[0] == doctest::Approx(0.41));
}

TEST_CASE("bad bins tables are errors that name the line") {
    SUBCASE("empty") {
        const TempFile f("");
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("empty"));
    }
    SUBCASE("header only") {
        const TempFile f(kHeader);
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("no bins"));
    }
    SUBCASE("unsorted") {
        const TempFile f(std::string(kHeader) + "chr1\t1000\t2000\twgs\t0.4\t0\t5\nchr1\t0\t1000\twgs\t0.4\t0\t5\n");
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("not sorted"));
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("line 4"));
    }
    SUBCASE("a bin twice") {
        const TempFile f(std::string(kHeader) + "chr1\t0\t1000\twgs\t0.4\t0\t5\nchr1\t0\t1000\twgs\t0.4\t0\t5\n");
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("duplicated position: chr1:0-1000 is also on line 3"));
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("line 4"));
    }
    SUBCASE("contig in two blocks") {
        const TempFile f(std::string(kHeader) + "chr1\t0\t1000\twgs\t0.4\t0\t5\nchr2\t0\t1000\twgs\t0.4\t0\t5\n"
                                                "chr1\t1000\t2000\twgs\t0.4\t0\t5\n");
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("two blocks"));
    }
    SUBCASE("NaN count") {
        const TempFile f(std::string(kHeader) + "chr1\t0\t1000\twgs\t0.4\t0\tnan\n");
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("NaN"));
    }
    SUBCASE("infinite count") {
        const TempFile f(std::string(kHeader) + "chr1\t0\t1000\twgs\t0.4\t0\tinf\n");
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("infinite"));
    }
    SUBCASE("wrong header") {
        const TempFile f("chrom\tstart\tend\tlog2\nchr1\t0\t10\t0.1\n");
        CHECK_THROWS_WITH(read_bin_table(f.path()), doctest::Contains("not a bins table"));
    }
}
