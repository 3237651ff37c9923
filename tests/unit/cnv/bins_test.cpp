#include "libsomatic/cnv/bins.hpp"

#include <doctest/doctest.h>

using namespace somatic;
using namespace somatic::cnv;

TEST_CASE("WGS bins tile the regions, the last one shorter") {
    const ContigDict contigs({{"chr1", 2500}, {"chr2", 1000}});
    LayoutOptions o;
    o.bin_size = 1000;
    const BinTable t = make_wgs_layout({{"chr1", 0, 2500}, {"chr2", 0, 1000}}, contigs, o);
    REQUIRE(t.size() == 4);
    CHECK(t.bins[2].beg == 2000);
    CHECK(t.bins[2].end == 2500);
    CHECK(t.bins[3].contig == 1);
    CHECK(t.contigs[1] == "chr2");
    CHECK(t.reads.size() == 4);
}

TEST_CASE("target bins and off-target bins in the gaps") {
    const ContigDict contigs({{"chr1", 100000}});
    LayoutOptions o;
    o.target_bin_size = 500;
    o.off_target_bin_size = 20000;
    o.min_off_target_bin = 5000;
    o.target_padding = 200;
    // Two overlapping targets merge into [50000, 51200): three pieces of 400.
    const BinTable t = make_target_layout({{"chr1", 50000, 51000}, {"chr1", 50800, 51200}, {"chr1", 60000, 60300}},
                                          {{"chr1", 0, 100000}}, contigs, o);
    std::vector<Bin> targets, off;
    for (const auto& b : t.bins) (b.kind == BinKind::target ? targets : off).push_back(b);
    REQUIRE(targets.size() == 4);
    CHECK(targets[0].beg == 50000);
    CHECK(targets[0].end == 50400);
    CHECK(targets[2].end == 51200);
    CHECK(targets[3].beg == 60000);
    // Gaps: [0, 49800) in 3 equal pieces; [51400, 59800) one piece; [60500, 100000) in 2.
    REQUIRE(off.size() == 6);
    CHECK(off[0].beg == 0);
    CHECK(off[2].end == 49800);
    CHECK(off[3].beg == 51400);
    CHECK(off[3].end == 59800);
    CHECK(off[5].end == 100000);
    // Sorted and not overlapping.
    for (size_t i = 1; i < t.size(); ++i) CHECK(t.bins[i].beg >= t.bins[i - 1].end);
}

TEST_CASE("the layout's bin sizes are at least 1") {
    LayoutOptions o;
    CHECK_NOTHROW(o.validate());
    o.bin_size = 0;
    CHECK_THROWS_WITH(o.validate(), "bin_size must be at least 1");
    o.bin_size = 1;
    o.off_target_bin_size = 0;  // would divide by zero in a panel's gaps
    CHECK_THROWS_WITH(o.validate(), "off_target_bin_size must be at least 1");
}

TEST_CASE("a region's last piece shorter than half a bin joins the bin before it") {
    const ContigDict contigs({{"chr1", 100000}});
    LayoutOptions o;
    o.bin_size = 1000;
    // 0-2001: a 1-bp piece 2000-2001 would be a bin of one base.
    BinTable t = make_wgs_layout({{"chr1", 0, 2001}}, contigs, o);
    REQUIRE(t.size() == 2);
    CHECK(t.bins[1].beg == 1000);
    CHECK(t.bins[1].end == 2001);
    // 999-3400: pieces 999-1999, 1999-2999 and 2999-3400 (401 bp, under 500).
    t = make_wgs_layout({{"chr1", 999, 3400}}, contigs, o);
    REQUIRE(t.size() == 2);
    CHECK(t.bins[1].beg == 1999);
    CHECK(t.bins[1].end == 3400);
    CHECK(t.reads.size() == 2);
    // A region shorter than half a bin is one bin.
    t = make_wgs_layout({{"chr1", 7810, 8008}}, contigs, o);
    REQUIRE(t.size() == 1);
    CHECK(t.bins[0].beg == 7810);
    CHECK(t.bins[0].end == 8008);
}
