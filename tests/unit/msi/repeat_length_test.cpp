#include "libsomatic/msi/repeat_length.hpp"

#include <doctest/doctest.h>
#include <htslib/sam.h>

#include <memory>
#include <string>
#include <vector>

#include "../cigar_text.hpp"

using namespace somatic::msi;
using somatic::testing::parse_cigar;

namespace {

std::string times(const std::string& unit, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += unit;
    return s;
}

// Reference: 10 bases, the left flank GATCC at 10-15, the repeat from 15,
// the right flank GTCGA, 13 more bases.
const std::string kLeft = "GATCC", kRight = "GTCGA", kPre = "TTGCATGCAT", kPost = "CATGCATTGCTAC";

std::string reference(const std::string& repeat) { return kPre + kLeft + repeat + kRight + kPost; }

SiteAnchors anchors(const std::string& unit, int count) {
    const Microsatellite site{"chr1", 15, 15 + static_cast<int64_t>(unit.size()) * count, unit, count};
    return anchors_of(site, reference(times(unit, count)), 0, 5);
}

// A read holding `repeat` between the flanks, its left flank at offset 10.
std::string read_with(const std::string& repeat) { return kPre + kLeft + repeat + kRight + kPost; }

std::optional<int> measure(const std::string& read, const SiteAnchors& a, int64_t hint = 10) {
    return repeat_length(read, std::string(read.size(), static_cast<char>(30)), hint, a, 20);
}

}  // namespace

TEST_CASE("the flanks are the reference bases next to the repeat") {
    const SiteAnchors a = anchors("A", 12);
    CHECK(a.left == kLeft);
    CHECK(a.right == kRight);
    CHECK(a.beg == 15);
    CHECK(a.end == 27);
}

TEST_CASE("a homopolymer's length is read from the bases between the flanks") {
    const SiteAnchors a = anchors("A", 12);
    for (int n : {10, 11, 12, 13, 14}) CHECK(measure(read_with(times("A", n)), a) == n);
}

TEST_CASE("a dinucleotide repeat one or two units shorter or longer") {
    const SiteAnchors a = anchors("AC", 6);
    for (int n : {4, 5, 6, 7, 8}) CHECK(measure(read_with(times("AC", n)), a) == 2 * n);
    // A one-base slip in a dinucleotide repeat shows as an odd length.
    CHECK(measure(read_with(times("AC", 5) + "A"), a) == 11);
}

TEST_CASE("a read ending inside the repeat or its right flank is not counted") {
    const SiteAnchors a = anchors("A", 12);
    CHECK_FALSE(measure(kPre + kLeft + times("A", 8), a));
    CHECK_FALSE(measure(kPre + kLeft + times("A", 12) + "GTC", a));
    // Nor one starting inside the left flank (no left anchor).
    CHECK_FALSE(measure("ATCC" + times("A", 12) + kRight + kPost, a, 0));
}

TEST_CASE("a flank that differs from the reference, or is of low quality, drops the read") {
    const SiteAnchors a = anchors("A", 12);
    CHECK_FALSE(measure(kPre + "GATGC" + times("A", 12) + kRight + kPost, a));
    CHECK_FALSE(measure(kPre + kLeft + times("A", 12) + "GTCTA" + kPost, a));
    std::string read = read_with(times("A", 12));
    std::string quality(read.size(), static_cast<char>(30));
    quality[12] = 5;  // a left flank base
    CHECK_FALSE(repeat_length(read, quality, 10, a, 20));
    quality[12] = 30;
    quality[28] = 5;  // a right flank base
    CHECK_FALSE(repeat_length(read, quality, 10, a, 20));
    quality[28] = 30;
    quality[20] = 5;  // a repeat base: not a flank, the read counts
    CHECK(repeat_length(read, quality, 10, a, 20) == 12);
}

TEST_CASE("the left flank is found when the alignment puts it a few bases off") {
    const SiteAnchors a = anchors("A", 12);
    CHECK(measure(read_with(times("A", 10)), a, 13) == 10);
    CHECK(measure(read_with(times("A", 10)), a, 7) == 10);
}

namespace {

std::unique_ptr<bam1_t, void (*)(bam1_t*)> record(int64_t pos, const std::string& cigar, const std::string& seq) {
    std::unique_ptr<bam1_t, void (*)(bam1_t*)> b(bam_init1(), bam_destroy1);
    const auto ops = parse_cigar(cigar);
    const std::string quality(seq.size(), static_cast<char>(30));
    REQUIRE(bam_set1(b.get(), 1, "r", 0, 0, pos, 60, ops.size(), ops.data(), -1, -1, 0, seq.size(), seq.c_str(),
                     quality.c_str(), 0) >= 0);
    return b;
}

}  // namespace

TEST_CASE("where the aligner put the deletion does not change the length") {
    const SiteAnchors a = anchors("A", 12);
    // Reference bases 5-15, the repeat two bases short, reference 27-40.
    const std::string ref = reference(times("A", 12));
    const std::string seq = ref.substr(5, 10) + times("A", 10) + ref.substr(27);
    for (const char* cigar : {"10M2D28M", "20M2D18M", "38M"}) {
        CAPTURE(cigar);
        const auto b = record(5, cigar, seq);
        CHECK(query_offset(b.get(), 10) == 5);
        CHECK(repeat_length(b.get(), a, 20) == 10);
    }
    // An insertion of two bases, placed at the repeat's end.
    const std::string longer = ref.substr(5, 10) + times("A", 14) + ref.substr(27);
    CHECK(repeat_length(record(5, "22M2I18M", longer).get(), a, 20) == 14);
}

TEST_CASE("a read whose left flank is clipped or deleted has no anchor") {
    const SiteAnchors a = anchors("A", 12);
    const std::string ref = reference(times("A", 12));
    CHECK(query_offset(record(5, "5M3D20M", ref.substr(5, 5) + ref.substr(13, 20)).get(), 11) == -1);
    CHECK_FALSE(repeat_length(record(12, "25M", ref.substr(12, 25)).get(), a, 20));
    const std::string clipped = ref.substr(5);
    CHECK_FALSE(repeat_length(record(16, "11S" + std::to_string(clipped.size() - 11) + "M", clipped).get(), a, 20));
}
