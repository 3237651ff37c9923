#include "libsomatic/pileup/pileup.hpp"

#include <doctest/doctest.h>
#include <htslib/sam.h>

#include <string>
#include <vector>

#include "../cigar_text.hpp"
#include "libsomatic/core/bases.hpp"

using namespace somatic;
using somatic::testing::parse_cigar;

namespace {

struct ReadSpec {
    std::string name;
    uint16_t flag;
    int64_t pos;
    std::string cigar;  // e.g. "5M"
    std::string seq;
    uint8_t quality = 30;
    int64_t mate_pos = -1;
    uint8_t mapq = 60;
};

void add(ReadBatch& batch, const ReadSpec& r, std::vector<uint8_t> quals = {}) {
    bam1_t* b = batch.next_slot();
    const auto cigar = parse_cigar(r.cigar);
    if (quals.empty()) quals.assign(r.seq.size(), r.quality);
    const bool paired = r.mate_pos >= 0;
    REQUIRE(bam_set1(b, r.name.size(), r.name.c_str(), r.flag | (paired ? BAM_FPAIRED : 0), 0, r.pos, r.mapq,
                     cigar.size(), cigar.data(), paired ? 0 : -1, paired ? r.mate_pos : -1, 0, r.seq.size(),
                     r.seq.c_str(), reinterpret_cast<const char*>(quals.data()), 0) >= 0);
    batch.push();
}

ChunkPileup pile(const ReadBatch& tumour, const ReadBatch& normal, Interval chunk = {"chr1", 0, 40}) {
    ChunkPileup p;
    const ReadBatch* samples[] = {&tumour, &normal};
    p.count(chunk, samples, PileupOptions{});
    return p;
}

}  // namespace

TEST_CASE("bases are counted per sample and strand") {
    ReadBatch t, n;
    add(t, {"r1", 0, 10, "4M", "ACGT"});
    add(t, {"r2", BAM_FREVERSE, 12, "4M", "GTTT"});
    add(n, {"r3", 0, 10, "4M", "ACGA"});
    const auto p = pile(t, n);
    CHECK(p.counts(0, 10).forward[base_code('A')] == 1);
    CHECK(p.counts(0, 12).total() == 2);
    CHECK(p.counts(0, 12).forward[base_code('G')] == 1);
    CHECK(p.counts(0, 12).reverse[base_code('G')] == 1);
    CHECK(p.counts(0, 13).of(base_code('T')) == 2);
    CHECK(p.counts(0, 15).reverse[base_code('T')] == 1);
    CHECK(p.counts(0, 16).total() == 0);
    CHECK(p.counts(1, 13).of(base_code('A')) == 1);
    CHECK(p.counts(1, 13).of(base_code('T')) == 0);
}

TEST_CASE("CIGAR operations move the read and reference positions correctly") {
    ReadBatch t, n;
    // 2 soft-clipped, 3 matched at 10-12, 1 inserted, 2 matched at 13-14, 2 deleted (15-16), 2 matched at 17-18
    add(t, {"r1", 0, 10, "2S3M1I2M2D2M", "NNACGTTAGC"});
    const auto p = pile(t, n);
    CHECK(p.counts(0, 10).of(base_code('A')) == 1);
    CHECK(p.counts(0, 12).of(base_code('G')) == 1);
    CHECK(p.counts(0, 13).of(base_code('T')) == 1);  // the inserted T is skipped, then T
    CHECK(p.counts(0, 14).of(base_code('A')) == 1);
    CHECK(p.counts(0, 15).total() == 0);  // deleted
    CHECK(p.counts(0, 16).total() == 0);
    CHECK(p.counts(0, 17).of(base_code('G')) == 1);
    CHECK(p.counts(0, 18).of(base_code('C')) == 1);
}

TEST_CASE("low base qualities and N are not counted") {
    ReadBatch t, n;
    add(t, {"r1", 0, 0, "4M", "ANGT"}, {30, 30, 5, 30});
    const auto p = pile(t, n);
    CHECK(p.counts(0, 0).total() == 1);
    CHECK(p.counts(0, 1).total() == 0);  // N
    CHECK(p.counts(0, 2).total() == 0);  // quality 5 < 13
    CHECK(p.counts(0, 3).total() == 1);
}

TEST_CASE("overlapping mates count once; where they disagree, neither counts") {
    ReadBatch t, n;
    // Fragment 1: read 1 forward at 10-17, read 2 reverse at 14-21; overlap 14-17.
    add(t, {"frag", BAM_FREAD1, 10, "8M", "AAAACCCC", 30, 14});
    add(t, {"frag", BAM_FREAD2 | BAM_FREVERSE, 14, "8M", "CCGCGGGG", 35, 10});
    const auto p = pile(t, n);
    CHECK(p.counts(0, 13).total() == 1);                 // read 1 alone
    CHECK(p.counts(0, 14).total() == 1);                 // both mates agree: one count
    CHECK(p.counts(0, 14).of(base_code('C')) == 1);
    CHECK(p.counts(0, 16).total() == 0);                 // C against G: dropped
    CHECK(p.counts(0, 17).total() == 1);
    CHECK(p.counts(0, 18).total() == 1);                 // read 2 alone
    // The merged observation keeps the better quality of the two (35, read 2's).
    ChunkPileup q = pile(t, n);
    q.collect({14, 18});
    REQUIRE(q.observations(0, 0).size() == 1);
    CHECK(q.observations(0, 0)[0].base_quality == 35);
    CHECK((q.observations(0, 0)[0].flags & Observation::merged_mates) != 0);
    REQUIRE(q.observations(0, 1).size() == 1);
    CHECK((q.observations(0, 1)[0].flags & Observation::merged_mates) == 0);
}

TEST_CASE("observations carry strand, orientation, cycle and distance to the read end") {
    ReadBatch t, n;
    add(t, {"a", BAM_FREAD1, 10, "10M", "ACGTACGTAC", 30, 200});                  // F1R2
    add(t, {"b", BAM_FREAD1 | BAM_FREVERSE, 10, "10M", "ACGTACGTAC", 30, 200});   // F2R1
    add(t, {"c", BAM_FREAD2 | BAM_FREVERSE, 10, "10M", "ACGTACGTAC", 30, 200});   // F1R2
    ChunkPileup p = pile(t, n);
    p.collect({12});
    const auto obs = p.observations(0, 0);
    REQUIRE(obs.size() == 3);
    CHECK(obs[0].is_f1r2());
    CHECK_FALSE(obs[0].is_reverse());
    CHECK(obs[0].cycle == 2);
    CHECK(obs[0].distance_to_end == 2);
    CHECK_FALSE(obs[1].is_f1r2());
    CHECK(obs[1].is_reverse());
    CHECK(obs[1].cycle == 7);  // the 3rd aligned base of a reverse read is its 8th sequenced
    CHECK(obs[2].is_f1r2());
    CHECK(p.observations(1, 0).empty());
}

TEST_CASE("only positions inside the chunk are reported") {
    ReadBatch t, n;
    add(t, {"r", 0, 8, "6M", "AAAAAA"});
    const auto p = pile(t, n, Interval{"chr1", 10, 20});
    CHECK(p.counts(0, 10).total() == 1);
    CHECK(p.counts(0, 13).total() == 1);
    CHECK(p.counts(0, 14).total() == 0);
}

TEST_CASE("N, =, X, P and H move the read and reference as the SAM specification says") {
    ReadBatch t, n;
    // 2 '=' at 10-11, 1 X at 12, N skips 13-17, 2 M at 18-19, 1 P, 2 M at 20-21.
    add(t, {"spliced", 0, 10, "2=1X5N2M1P2M", "ACGTTAC"});
    // A hard clip holds no bases, alone or outside a soft clip.
    add(t, {"clipped", 0, 30, "5H2S3M", "NNGGG"});
    const auto p = pile(t, n);
    CHECK(p.counts(0, 10).of(base_code('A')) == 1);
    CHECK(p.counts(0, 12).of(base_code('G')) == 1);  // X is a match
    for (int64_t pos = 13; pos < 18; ++pos) CHECK(p.counts(0, pos).total() == 0);  // the intron: no base
    CHECK(p.counts(0, 18).of(base_code('T')) == 1);
    CHECK(p.counts(0, 19).of(base_code('T')) == 1);
    CHECK(p.counts(0, 20).of(base_code('A')) == 1);  // padding moved nothing
    CHECK(p.counts(0, 21).of(base_code('C')) == 1);
    CHECK(p.counts(0, 30).of(base_code('G')) == 1);
    CHECK(p.counts(0, 33).total() == 0);
    // The soft clip behind the hard clip is not aligned: the base at 30 is
    // the first aligned one, 0 from that end.
    ChunkPileup q = pile(t, n);
    q.collect({30, 31});
    REQUIRE(q.observations(0, 0).size() == 1);
    CHECK(q.observations(0, 0)[0].distance_to_end == 0);
    CHECK(q.observations(0, 1)[0].distance_to_end == 1);
}

TEST_CASE("a fragment's observations at different sites share its fragment id") {
    ReadBatch t, n;
    add(t, {"one", 0, 10, "6M", "AAAAAA"});
    add(t, {"frag", BAM_FREAD1, 11, "4M", "CCCC", 30, 13});                  // 11-14
    add(t, {"frag", BAM_FREAD2 | BAM_FREVERSE, 13, "4M", "CCGG", 30, 11});   // 13-16, overlapping
    ChunkPileup p = pile(t, n);
    p.collect({11, 16});
    REQUIRE(p.observations(0, 0).size() == 2);
    REQUIRE(p.observations(0, 1).size() == 1);
    // At 11: "one" (read 0) and the fragment (its first read, 1), in fragment
    // order; at 16 only the fragment's second read reaches, under the same id.
    CHECK(p.observations(0, 0)[0].fragment == 0);
    CHECK(p.observations(0, 0)[1].fragment == 1);
    CHECK(p.observations(0, 1)[0].fragment == 1);
}
