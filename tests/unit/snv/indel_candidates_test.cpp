#include "libsomatic/snv/indel_candidates.hpp"

#include <doctest/doctest.h>

using namespace somatic::snv;

TEST_CASE("a deletion at a homopolymer's end is moved to its start") {
    //            position 100: G C A A A A T G
    const std::string bases = "GCAAAATG";
    const RefWindow ref{100, bases};
    IndelAllele a;
    REQUIRE(left_align_deletion(ref, 105, 1, a));  // the last A
    CHECK(a.pos == 101);
    CHECK(a.ref == "CA");
    CHECK(a.alt == "C");
    REQUIRE(left_align_insertion(ref, 106, "A", a));  // an A after the run
    CHECK(a.pos == 101);
    CHECK(a.ref == "C");
    CHECK(a.alt == "CA");
}

TEST_CASE("an STR insertion is rotated to the repeat's start") {
    const std::string bases = "GCACACAT";
    const RefWindow ref{0, bases};
    IndelAllele a;
    REQUIRE(left_align_insertion(ref, 7, "CA", a));
    CHECK(a.pos == 0);
    CHECK(a.ref == "G");
    CHECK(a.alt == "GCA");
}

TEST_CASE("a record's alleles are trimmed, then left-aligned") {
    const std::string bases = "GCAAAATG";
    const RefWindow ref{100, bases};
    IndelAllele a;
    // REF CAAAT ALT CAAT at 101: one A deleted, written with a shared suffix.
    REQUIRE(normalise_indel(ref, 101, "CAAAAT", "CAAAT", a));
    CHECK(a == IndelAllele{101, "CA", "C"});
    CHECK_FALSE(normalise_indel(ref, 101, "C", "<DEL>", a));
    CHECK_FALSE(normalise_indel(ref, 101, "CA", "GT", a));  // not an indel
    CHECK_FALSE(normalise_indel(ref, 101, "CAA", "TA", a));  // complex
}

TEST_CASE("an indel touching an N is not a candidate") {
    const std::string bases = "GCNAAAT";
    const RefWindow ref{0, bases};
    IndelAllele a;
    CHECK_FALSE(left_align_deletion(ref, 2, 1, a));
    // An insertion after the N: its padding base would be the N.
    CHECK_FALSE(left_align_insertion(ref, 3, "T", a));
}
