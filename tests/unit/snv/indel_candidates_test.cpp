#include "libsomatic/snv/indel_candidates.hpp"

#include <doctest/doctest.h>
#include <htslib/sam.h>

#include <string>
#include <vector>

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

TEST_CASE("a soft clip that the reference continues further on is a deletion, or after an insertion") {
    const std::string bases =
        "GGATCACAGTCTACACTGCTCACTCCAACCCCGGCCCCTGAGTCCGAGGAGAGGGTGCTTCAGAGTATGTATACCACTGGGTAGGATACGGCGGAGGGCA";
    const RefWindow ref{0, bases};
    bam1_t* read = bam_init1();
    const auto make = [&](const std::string& seq, const std::vector<uint32_t>& cigar) {
        const std::string qual(seq.size(), 'I');
        REQUIRE(bam_set1(read, 1, "r", 0, 0, 10, 60, cigar.size(), cigar.data(), -1, -1, 0, seq.size(), seq.c_str(),
                         qual.c_str(), 0) >= 0);
    };
    // 30 aligned bases at 10, then 15 clipped ones that the reference holds
    // 5 bases on: ref [40, 45) deleted, padding base 39.
    make(bases.substr(10, 30) + bases.substr(45, 15), {bam_cigar_gen(30, BAM_CMATCH), bam_cigar_gen(15, BAM_CSOFT_CLIP)});
    std::vector<IndelAllele> found;
    clipped_indels(read, ref, found);
    REQUIRE(found.size() == 1);
    CHECK(found[0] == IndelAllele{39, bases.substr(39, 6), bases.substr(39, 1)});
    // The clip begins with 4 bases the reference lacks (ending unlike the
    // padding base G, so already left-aligned), then goes on at 40.
    found.clear();
    make(bases.substr(10, 30) + "TTCA" + bases.substr(40, 15),
         {bam_cigar_gen(30, BAM_CMATCH), bam_cigar_gen(19, BAM_CSOFT_CLIP)});
    clipped_indels(read, ref, found);
    REQUIRE(found.size() == 1);
    CHECK(found[0] == IndelAllele{39, "G", "GTTCA"});
    bam_destroy1(read);
}
