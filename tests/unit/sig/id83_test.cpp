// ID83 classification against hand-worked examples of each class. The
// COSMIC conventions (SigProfilerMatrixGenerator's), which every case
// below follows:
//   - 1 bp deletions are labelled by the homopolymer's length in the
//     reference, 1..6+, written 0..5: the label counts the copies of the
//     deleted base that FOLLOW the deleted one;
//   - 1 bp insertions by the copies of the inserted base already in the
//     reference (0..5+);
//   - longer ones by the copies of the whole deleted/inserted sequence that
//     follow (the unit is the indel itself), 0..5+;
//   - a longer deletion with no copy following may have microhomology: its
//     first m bases repeat right after it (m < length);
//   - 1 bp events are named by the pyrimidine of their base pair.
#include "libsomatic/sig/id83.hpp"

#include <doctest/doctest.h>

#include <set>

#include "libsomatic/sig/channel_set.hpp"
#include "shared_data.hpp"

using namespace somatic::sig;

namespace {

// The channel of the VCF record (1-based POS, REF, ALT) against `seq`.
std::string classify(const std::string& seq, int pos, const std::string& ref, const std::string& alt, bool* moved = nullptr) {
    Indel e;
    bool m = false;
    REQUIRE(seq.compare(static_cast<size_t>(pos - 1), ref.size(), ref) == 0);  // the fixture's REF is right
    REQUIRE(normalise_indel(seq, pos - 1, ref, alt, e, m) == IndelShape::indel);
    if (moved) *moved = m;
    const int ch = id83_channel(seq, e);
    REQUIRE(ch >= 0);
    return channel_set(CatalogueType::id83).names[static_cast<size_t>(ch)];
}

}  // namespace

TEST_CASE("ID83 channel names: 83 of them, COSMIC's order") {
    const auto n = id83_channel_names();
    REQUIRE(n.size() == 83);
    CHECK(std::set<std::string>(n.begin(), n.end()).size() == 83);
    CHECK(n[0] == "1:Del:C:0");
    CHECK(n[11] == "1:Del:T:5");
    CHECK(n[12] == "1:Ins:C:0");
    CHECK(n[24] == "2:Del:R:0");
    CHECK(n[47] == "5:Del:R:5");
    CHECK(n[48] == "2:Ins:R:0");
    CHECK(n[72] == "2:Del:M:1");
    CHECK(n[73] == "3:Del:M:1");
    CHECK(n[77] == "4:Del:M:3");
    CHECK(n[82] == "5:Del:M:5");
    // Every group of the plot covers the channels once, in order.
    int next = 0;
    for (const auto& g : id83_groups()) {
        CHECK(g.first == next);
        next += g.count;
    }
    CHECK(next == 83);
}

TEST_CASE("ID83 channel names equal COSMIC v3.4's table, when ../shared has it") {
    const auto rows = somatic::testing::shared_signature_rows("COSMIC_v3.4_ID_GRCh37.txt");
    if (rows.empty()) {
        MESSAGE("skipped: ../shared/data/signatures/COSMIC_v3.4_ID_GRCh37.txt is absent");
        return;
    }
    CHECK(rows == id83_channel_names());
}

TEST_CASE("1 bp deletions: homopolymer length, pyrimidine strand") {
    // G C A T T T T T G C A: one T of the 5-base run at 4-8 deleted, written
    // left-aligned at the padding base A (3). Four Ts follow the deleted one:
    // homopolymer length 5, label 4.
    const std::string seq = "GCATTTTTGCA";
    bool moved = true;
    CHECK(classify(seq, 3, "AT", "A", &moved) == "1:Del:T:4");
    CHECK_FALSE(moved);
    // The same event written at the run's right end (not left-aligned) is
    // moved left and classified alike.
    CHECK(classify(seq, 7, "TT", "T", &moved) == "1:Del:T:4");
    CHECK(moved);
    // A deleted A is a T on the other strand: C G A A G C, one of the two As
    // deleted, one A follows -> 1:Del:T:1.
    CHECK(classify("CGAAGC", 2, "GA", "G") == "1:Del:T:1");
    // A lone C (A C G T): nothing follows it -> 1:Del:C:0; a lone G is a C.
    CHECK(classify("ACGT", 1, "AC", "A") == "1:Del:C:0");
    CHECK(classify("ACGT", 2, "CG", "C") == "1:Del:C:0");
    // Eight Cs: seven follow the deleted one, capped at 5 (6+ homopolymer).
    CHECK(classify("ACCCCCCCCA", 1, "AC", "A") == "1:Del:C:5");
    // Six Ts: five follow -> 5, the first length in the 6+ bin.
    CHECK(classify("GTTTTTTG", 1, "GT", "G") == "1:Del:T:5");
    // Five Ts: four follow -> 4, not yet the last bin.
    CHECK(classify("GTTTTTG", 1, "GT", "G") == "1:Del:T:4");
}

TEST_CASE("1 bp insertions: copies of the inserted base already there") {
    // G A T T T C G: a T inserted after A (2), three Ts follow -> 1:Ins:T:3.
    CHECK(classify("GATTTCG", 2, "A", "AT") == "1:Ins:T:3");
    // A C A T: a G inserted after C (2): the next base is A, no G -> 1:Ins:C:0
    // (G named by its pyrimidine C).
    CHECK(classify("ACAT", 2, "C", "CG") == "1:Ins:C:0");
    // An A inserted into AAAAAAA (7) -> 5+, written 1:Ins:T:5.
    CHECK(classify("GAAAAAAAC", 1, "G", "GA") == "1:Ins:T:5");
    // Written after the run (not left-aligned): moved to before it.
    bool moved = false;
    CHECK(classify("GAAAAAAAC", 8, "A", "AA", &moved) == "1:Ins:T:5");
    CHECK(moved);
}

TEST_CASE("longer insertions: copies of the inserted unit, no microhomology") {
    // G C A C A C A T: CA inserted after G (1); CA CA CA follow -> 2:Ins:R:3.
    CHECK(classify("GCACACAT", 1, "G", "GCA", nullptr) == "2:Ins:R:3");
    // A C G T: TTG inserted after A; CGT follows, not TTG -> 3:Ins:R:0.
    CHECK(classify("ACGTA", 1, "A", "ATTG") == "3:Ins:R:0");
    // CGC inserted after A, followed by CGT: a partial match (CG) is no
    // repeat, and insertions have no microhomology channel -> 3:Ins:R:0.
    CHECK(classify("ACGTA", 1, "A", "ACGC") == "3:Ins:R:0");
    // But CGA inserted there makes ACGACGTA: the same as ACG inserted before
    // the A, and ACG follows once -> 3:Ins:R:1 (trimming REF A / ALT ACGA
    // from the end finds it).
    CHECK(classify("ACGTA", 1, "A", "ACGA") == "3:Ins:R:1");
    // A 7 bp insertion of a unit present three times after -> 5:Ins:R:3.
    CHECK(classify("TACGTACCACGTACCACGTACCG", 1, "T", "TACGTACC") == "5:Ins:R:3");
}

TEST_CASE("longer deletions: repeats, microhomology, neither") {
    // G A T A T A T A T C: AT deleted (2-3); AT AT AT follow -> 2:Del:R:3.
    CHECK(classify("GATATATATC", 1, "GAT", "G") == "2:Del:R:3");
    // T T A C G A C T T: ACG deleted (3-5); ACT follows, not ACG (no repeat),
    // but AC, its first 2 bases, do: 2 bp microhomology -> 3:Del:M:2.
    // (The same deletion could be written as CGA at 4-6 or GAC at 5-7: the
    // microhomology is how far it can slide.)
    CHECK(classify("TTACGACTT", 2, "TACG", "T") == "3:Del:M:2");
    // G A C A T G: AC deleted, A follows: 1 bp microhomology -> 2:Del:M:1.
    CHECK(classify("GACATG", 1, "GAC", "G") == "2:Del:M:1");
    // G A C G T T: AC deleted, G follows: neither -> 2:Del:R:0.
    CHECK(classify("GACGTT", 1, "GAC", "G") == "2:Del:R:0");
    // 6 bp ACGTTG deleted, followed by CCC: 5+ bp, no repeat, no
    // microhomology -> 5:Del:R:0.
    CHECK(classify("TACGTTGCCC", 1, "TACGTTG", "T") == "5:Del:R:0");
    // 7 bp ACGTTGC deleted, followed by its first 6 bases ACGTTG then A:
    // microhomology 6, capped -> 5:Del:M:5.
    CHECK(classify("TACGTTGCACGTTGAT", 1, "TACGTTGC", "T") == "5:Del:M:5");
    // 4 bp ACGT deleted, followed by 6 more copies -> 4:Del:R:5 (5+).
    CHECK(classify("GACGTACGTACGTACGTACGTACGTACGTC", 1, "GACGT", "G") == "4:Del:R:5");
    // 5 bp AACCG deleted after T, with microhomology 4 (AACC follows, then
    // T) -> 5:Del:M:4.
    CHECK(classify("TAACCGAACCTT", 1, "TAACCG", "T") == "5:Del:M:4");
    // After a G instead, the deletion slides one base left (GAACC, followed
    // by GAACC): a repeat, not microhomology -> 5:Del:R:1.
    CHECK(classify("GAACCGAACCTT", 1, "GAACCG", "G") == "5:Del:R:1");
}

TEST_CASE("normalisation: trimming, left shift, complex and other shapes") {
    Indel e;
    bool moved = false;
    // REF and ALT with a shared suffix (GATA -> GA: TA... ) trims to the
    // deletion of AT after G; AT repeats: shifted left as far as it goes.
    const std::string seq = "GATATATATC";
    REQUIRE(normalise_indel(seq, 4, "TATA", "TA", e, moved) == IndelShape::indel);
    CHECK(e.deletion);
    CHECK(e.pos == 1);
    CHECK(e.sequence == "AT");
    CHECK(moved);
    CHECK(normalise_indel(seq, 0, "GA", "TTT", e, moved) == IndelShape::complex);
    CHECK(normalise_indel(seq, 0, "GA", "GN", e, moved) == IndelShape::not_acgt);
    CHECK(normalise_indel(seq, 0, "GA", "GT", e, moved) == IndelShape::not_indel);
    // Lower case is read as upper case.
    REQUIRE(normalise_indel(seq, 0, "gat", "g", e, moved) == IndelShape::indel);
    CHECK(e.sequence == "AT");
    CHECK_FALSE(moved);
}
