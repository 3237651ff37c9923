#include "libsomatic/report/tmb.hpp"

#include <doctest/doctest.h>

using namespace somatic;
using namespace somatic::report;

namespace {

Variant variant(const char* chrom, int64_t pos, const char* ref, const char* alt, bool pass = true) {
    Variant v;
    v.chrom = chrom;
    v.pos = pos;
    v.ref = ref;
    v.alt = alt;
    v.kind = variant_kind(ref, alt);
    v.pass = pass;
    v.filter = pass ? "PASS" : "LowQSS";
    return v;
}

}  // namespace

TEST_CASE("variant kinds") {
    CHECK(variant_kind("A", "T") == VariantKind::snv);
    CHECK(variant_kind("AC", "GT") == VariantKind::mnv);
    CHECK(variant_kind("A", "AT") == VariantKind::indel);
    CHECK(variant_kind("AT", "A") == VariantKind::indel);
    CHECK(variant_kind("A", "<DEL>") == VariantKind::other);
}

TEST_CASE("interval arithmetic") {
    const auto m = merge_intervals({{"chr2", 0, 500}, {"chr1", 500, 2000}, {"chr1", 0, 1000}, {"chr1", 2000, 2100}});
    // chr2 came first in the list; chr1's three touch or overlap.
    REQUIRE(m.size() == 2);
    CHECK(m[0] == Interval{"chr2", 0, 500});
    CHECK(m[1] == Interval{"chr1", 0, 2100});
    CHECK(total_length(m) == 2600);
    const auto i = intersect_intervals({{"chr1", 0, 2000}}, {{"chr1", 50, 150}, {"chr1", 1990, 2500}, {"chr2", 0, 9}});
    CHECK(total_length(i) == 110);
}

TEST_CASE("TMB: PASS SNVs, MNVs and indels in the callable territory per Mb, worked by hand") {
    // Callable: chr1 [0,1000) and [500,2000) merge to 2000 bp, chr2 [0,500):
    // 2500 bp = 0.0025 Mb.
    const std::vector<Interval> callable{{"chr1", 0, 1000}, {"chr1", 500, 2000}, {"chr2", 0, 500}};
    const std::vector<Variant> v{
        variant("chr1", 100, "C", "T"),             // SNV, counted
        variant("chr1", 200, "G", "A", false),      // filtered: not counted
        variant("chr1", 1500, "A", "AT"),           // indel, counted
        variant("chr2", 10, "AC", "GT"),            // MNV, counted
        variant("chr2", 600, "C", "G"),             // PASS but outside the territory
        variant("chr1", 300, "A", "<DEL>"),         // symbolic: not a small variant
    };
    // Coding: CDS chr1 [50,150) and chr2 [0,20) (both inside the callable
    // territory): 120 bp; the SNV at chr1:100 and the MNV at chr2:10 are in it.
    const std::vector<Interval> cds{{"chr1", 50, 150}, {"chr2", 0, 20}, {"chr3", 0, 100}};
    const Tmb t = compute_tmb(v, callable, cds, true);
    CHECK(t.all.snvs == 1);
    CHECK(t.all.indels == 1);
    CHECK(t.all.mnvs == 1);
    CHECK(t.all.outside == 1);
    CHECK(t.all.territory_bp == 2500);
    CHECK(t.all.per_mb == doctest::Approx(3 / 0.0025));  // 1200
    REQUIRE(t.coding_computed);
    CHECK(t.coding.territory_bp == 120);
    CHECK(t.coding.snvs + t.coding.mnvs + t.coding.indels == 2);
    CHECK(t.coding.per_mb == doctest::Approx(2 / 0.00012));

    const Tmb none = compute_tmb(v, {}, {}, false);
    CHECK_FALSE(none.coding_computed);
    CHECK(std::isnan(none.all.per_mb));
}

TEST_CASE("an indel counts by the base after its padding base") {
    // The padding base (0-based 999) lies outside [1000,2000), the deleted
    // base inside: the deletion is in the territory.
    const Tmb t = compute_tmb({variant("chr1", 1000, "AT", "A")}, {{"chr1", 1000, 2000}}, {}, false);
    CHECK(t.all.indels == 1);
    CHECK(t.all.outside == 0);
}
