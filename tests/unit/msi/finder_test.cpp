#include "libsomatic/msi/finder.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace somatic::msi;

namespace {

// Sequence with no run of 3 bases or more and no short motif repeated, a C
// at each end (so it extends none of the planted repeats): a filler
// between them.
std::string filler(size_t n) {
    const std::string motif = "ACGTTGCAGTCA";  // period 12
    std::string s = "C";
    while (s.size() < n - 1) s += motif;
    return s.substr(0, n - 1) + "C";
}

std::string times(const std::string& unit, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += unit;
    return s;
}

std::vector<Microsatellite> find(const std::string& seq, FinderOptions o = {}) {
    return find_microsatellites(seq, "chr1", 1000, 1000, 1000 + static_cast<int64_t>(seq.size()), o);
}

}  // namespace

TEST_CASE("planted homopolymers and motif repeats are found with their counts") {
    const std::string seq = filler(40) + times("A", 12) + filler(40) + times("AG", 6) + "T" + filler(40) +
                            times("TTG", 5) + filler(40);
    const auto sites = find(seq);
    REQUIRE(sites.size() == 3);
    CHECK(sites[0].beg == 1040);
    CHECK(sites[0].end == 1052);
    CHECK(sites[0].unit == "A");
    CHECK(sites[0].count == 12);
    CHECK(sites[1].unit == "AG");
    CHECK(sites[1].count == 6);
    CHECK(sites[1].beg == 1092);
    CHECK(sites[1].end == 1104);
    CHECK(sites[2].unit == "TTG");
    CHECK(sites[2].count == 5);
    CHECK(sites[2].end - sites[2].beg == 15);
}

TEST_CASE("a motif ending in a partial unit keeps whole units") {
    // AGAGAGAGAGA then T: 5 whole AG units, the last A is flank.
    const auto sites = find(filler(30) + "AGAGAGAGAGA" + "T" + filler(30));
    REQUIRE(sites.size() == 1);
    CHECK(sites[0].count == 5);
    CHECK(sites[0].end - sites[0].beg == 10);
}

TEST_CASE("runs below the minimum counts are not sites") {
    CHECK(find(filler(30) + times("A", 9) + filler(30)).empty());
    CHECK(find(filler(30) + times("AG", 4) + filler(30)).empty());
    FinderOptions o;
    o.min_homopolymer = 9;
    CHECK(find(filler(30) + times("A", 9) + filler(30), o).size() == 1);
}

TEST_CASE("a homopolymer is not also reported as a repeat of AA or AAA") {
    const auto sites = find(filler(30) + times("G", 20) + filler(30));
    REQUIRE(sites.size() == 1);
    CHECK(sites[0].unit == "G");
    CHECK(sites[0].count == 20);
}

TEST_CASE("runs too long for a read, or without clean flanks, are left out") {
    CHECK(find(filler(30) + times("T", 51) + filler(30)).empty());
    // Two runs 3 bases apart: each is inside the other's 5-base flank.
    CHECK(find(filler(30) + times("A", 12) + "CGT" + times("G", 11) + filler(30)).empty());
    // 6 bases apart: both clean.
    CHECK(find(filler(30) + times("A", 12) + "CGTCGT" + times("G", 11) + filler(30)).size() == 2);
    // An N in the flank.
    CHECK(find(filler(30) + "N" + times("C", 12) + filler(30)).empty());
    // No room for a flank at the sequence's (contig's) start.
    CHECK(find("CG" + times("C", 12) + filler(30)).empty());
}

TEST_CASE("a chunk owns the sites that start inside it") {
    const std::string seq = filler(40) + times("A", 12) + filler(40);
    FinderOptions o;
    CHECK(find_microsatellites(seq, "chr1", 0, 0, 40, o).empty());
    CHECK(find_microsatellites(seq, "chr1", 0, 40, 41, o).size() == 1);
}
