#include "libsomatic/snv/repeat_context.hpp"

#include <doctest/doctest.h>

using namespace somatic::snv;

TEST_CASE("the shortest unit of a sequence") {
    CHECK(shortest_unit("ACAC") == "AC");
    CHECK(shortest_unit("AAA") == "A");
    CHECK(shortest_unit("ACG") == "ACG");
    CHECK(shortest_unit("ACGACGACG") == "ACG");
    CHECK(shortest_unit("ACA") == "ACA");  // not whole copies of AC
}

TEST_CASE("repeat context of a homopolymer deletion: RU=A RC=5 IC=4") {
    // The reference after the padding base: AAAAA then G.
    const auto c = repeat_context("AAAAAGT", "A", false);
    CHECK(c.unit == "A");
    CHECK(c.ref_count == 5);
    CHECK(c.alt_count == 4);
    CHECK(c.unit_length_in_repeat() == 1);
}

TEST_CASE("repeat context of an STR insertion: RU=CA RC=3 IC=4") {
    const auto c = repeat_context("CACACAGT", "CA", true);
    CHECK(c.unit == "CA");
    CHECK(c.ref_count == 3);
    CHECK(c.alt_count == 4);
    CHECK(c.unit_length_in_repeat() == 2);
}

TEST_CASE("repeat context outside repeats") {
    const auto del = repeat_context("ACGTTG", "ACG", false);
    CHECK(del.unit == "ACG");
    CHECK(del.ref_count == 1);
    CHECK(del.alt_count == 0);
    CHECK(del.unit_length_in_repeat() == 0);
    const auto ins = repeat_context("ACGT", "GT", true);
    CHECK(ins.ref_count == 0);
    CHECK(ins.alt_count == 1);
    CHECK(ins.unit_length_in_repeat() == 0);
    // Two copies of ACACAC... deleted as one 4-base event: the unit is AC.
    const auto two = repeat_context("ACACACG", "ACAC", false);
    CHECK(two.unit == "AC");
    CHECK(two.ref_count == 3);
    CHECK(two.alt_count == 1);
}

TEST_CASE("repeat tracts of a sequence") {
    //                     0123456789012345
    const auto tracts = repeat_tracts("GAAAACTCACACAGTT");
    // AAAA at 1 (not also AA x 2), CACACA at 7, TT at 14.
    REQUIRE(tracts.size() == 3);
    CHECK(tracts[0].beg == 1);
    CHECK(tracts[0].unit_length == 1);
    CHECK(tracts[0].count == 4);
    CHECK(tracts[1].beg == 7);
    CHECK(tracts[1].unit_length == 2);
    CHECK(tracts[1].count == 3);
    CHECK(tracts[2].beg == 14);
    CHECK(tracts[2].unit_length == 1);
    CHECK(tracts[2].count == 2);
    CHECK(repeat_tracts("ANNNNA").empty());
}
