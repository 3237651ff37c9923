#include "libsomatic/snv/haplotype_scoring.hpp"

#include <doctest/doctest.h>

#include <htslib/sam.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "libsomatic/snv/indel_caller.hpp"

using namespace somatic::snv;

namespace {
const std::vector<uint8_t> q20(8, 20);  // e = 0.01
}  // namespace

TEST_CASE("a read that matches its haplotype: 4 x log10(0.99)") {
    CHECK(log10_read_given_haplotype("ACGT", q20, "ACGT", 0, 0) == doctest::Approx(4 * std::log10(0.99)));
}

TEST_CASE("one mismatch costs log10(e / 3)") {
    CHECK(log10_read_given_haplotype("ACGA", q20, "ACGT", 0, 0) ==
          doctest::Approx(3 * std::log10(0.99) + std::log10(0.01 / 3)));
}

TEST_CASE("the best placement in the band counts, and bases off the haplotype are 1/4") {
    // Offset 0 matches both bases, offset 1 mismatches the A: the first wins.
    CHECK(log10_read_given_haplotype("AC", q20, "ACC", 0, 1) == doctest::Approx(2 * std::log10(0.99)));
    CHECK(log10_read_given_haplotype("AC", q20, "C", -1, -1) == doctest::Approx(std::log10(0.25 * 0.99)));
}

TEST_CASE("a gap costs kGapOpen when it beats mismatches") {
    // ACGTTCA against ACGGTTCA: skipping one haplotype G keeps all 7 bases
    // matching (7 x log10(0.99) + log10(1e-4) = -4.03); no gapless
    // placement has fewer than 3 mismatches (3 x -2.48).
    const std::vector<uint8_t> q(7, 20);
    CHECK(log10_read_given_haplotype("ACGTTCA", q, "ACGGTTCA", -2, 2) ==
          doctest::Approx(7 * std::log10(0.99) + std::log10(kGapOpen)));
    // A read base the haplotype lacks: 1/4 for it, and the gap.
    CHECK(log10_read_given_haplotype("ACGGTTCA", std::vector<uint8_t>(8, 20), "ACGTTCA", -2, 2) ==
          doctest::Approx(7 * std::log10(0.99) + std::log10(0.25) + std::log10(kGapOpen)));
}

TEST_CASE("a read carrying a 1 bp deletion favours the deletion haplotype") {
    //                ref hap: GATTACAGGCT, alt (delete the C at 5): GATTAAGGCT
    const std::string ref = "GATTACAGGCT", alt = "GATTAAGGCT";
    const std::vector<uint8_t> q(10, 30);
    const double on_alt = log10_read_given_haplotype("GATTAAGGCT", q, alt, -1, 1);
    const double on_ref = log10_read_given_haplotype("GATTAAGGCT", q, ref, -1, 1);
    CHECK(on_alt - on_ref > 3);
    // A read that stops before the event cannot tell them apart.
    const double a = log10_read_given_haplotype("GATTA", q, alt, 0, 0);
    const double r = log10_read_given_haplotype("GATTA", q, ref, 0, 0);
    CHECK(a == doctest::Approx(r));
}

TEST_CASE("reads with a ratio near 1 count for neither allele") {
    std::vector<ReadSupport> reads(4);
    reads[0].log10_ratio = 3;     // alt
    reads[1].log10_ratio = 0.5;   // neither
    reads[2].log10_ratio = -2;    // ref
    reads[3].log10_ratio = -3;    // ref
    for (auto& r : reads) r.mapping_quality = 60;
    reads[2].flags = 1;  // reverse strand
    const auto s = indel_site_stats(reads, 1e-4, 5);
    CHECK(s.depth == 3);
    CHECK(s.alt == 1);
    CHECK(s.ref == 2);
    CHECK(s.ref_reverse == 1);
    CHECK(s.evidence.alt_count() == 1);
    CHECK(s.evidence.ref_count() == 2);
    // The alt read's error: 3 x (noise + 1 / (1 + 10^3)), combined with MQ60, to a tenth of a Phred.
    const double e = 1 - (1 - 3 * (1e-4 + 1 / 1001.0)) * (1 - 1e-6);
    bool found = false;
    for (const auto& g : s.evidence.groups) {
        if (g.alt) found = std::abs(-10 * std::log10(g.error) - (-10 * std::log10(e))) <= 0.05;
    }
    CHECK(found);
}

TEST_CASE("an SNV's alt read that ends past a deletion is the deletion's, a true SNV read is not") {
    const std::string bases =
        "GGATCACAGTCTACACTGCTCACTCCAACCCCGGCCCCTGAGTCCGAGGAGAGGGTGCTTCAGAGTATGTATACCACTGGGTAGGATACGGCGGAGGGCA";
    const RefWindow ref{0, bases};
    // A 3 bp deletion of [60, 63), padding base 59 (G, unlike the deleted
    // base 62 A: left-aligned).
    const IndelAllele deletion{59, bases.substr(59, 4), bases.substr(59, 1)};
    // The first base past the deletion's start where a read aligned without
    // the gap mismatches: what looks like an SNV.
    int64_t p = 60;
    while (bases[static_cast<size_t>(p)] == bases[static_cast<size_t>(p + 3)]) ++p;
    REQUIRE(p < 65);
    const char alt = bases[static_cast<size_t>(p + 3)];
    somatic::ReadBatch reads;
    const auto add = [&](const char* name, const std::string& seq) {
        const std::string qual(seq.size(), '?');  // Q30
        const uint32_t cigar = bam_cigar_gen(static_cast<uint32_t>(seq.size()), BAM_CMATCH);
        REQUIRE(bam_set1(reads.next_slot(), std::strlen(name), name, 0, 0, 20, 60, 1, &cigar, -1, -1, 0, seq.size(),
                         seq.c_str(), qual.c_str(), 0) >= 0);
        reads.push();
    };
    // Carries the deletion and ends 5 bases past it, aligned with mismatches.
    add("misaligned", bases.substr(20, 40) + bases.substr(63, 5));
    // A true SNV at p on a read without the deletion.
    std::string snv = bases.substr(20, 60);
    snv[static_cast<size_t>(p - 20)] = alt;
    add("true_snv", snv);
    const auto r = alt_reads_explained_by_indels(reads, p, alt, {&deletion}, ref, p, p + 1);
    CHECK(r.alt_fragments == 2);
    CHECK(r.explained_by_indel == 1);
    CHECK(r.fraction() == doctest::Approx(0.5));
    // No indel nearby: nothing explained.
    CHECK(alt_reads_explained_by_indels(reads, p, alt, {}, ref, p, p + 1).alt_fragments == 0);
}
