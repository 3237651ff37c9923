// Local haplotype scoring of the reads at an indel candidate. The aligner's
// CIGAR is not trusted: it places one indel at different positions in
// different reads, and aligns reads that end inside an indel with
// mismatches instead. Every read overlapping the candidate is instead
// scored against two haplotypes, the reference and the reference with the
// indel, and the ratio of the two likelihoods says which the read supports.
//
// The likelihood of a read given a haplotype is that of its best alignment
// (Viterbi) in a band of diagonals around where the aligner put it: global
// in the read (soft-clipped bases included, so a read the aligner clipped at
// the indel still says which allele it holds), local in the haplotype. The
// band is the indel's length plus kBandSlack on either side, so a read
// carrying the indel lines up with the indel haplotype wherever the aligner
// put it. Each base matches with probability 1 - e and mismatches with e/3
// (e from its base quality); bases off the haplotype and inserted bases have
// probability 1/4; a gap opens with kGapOpen and extends with kGapExtend
// (other indels nearby, a germline one, cost both haplotypes the same). A
// read carrying the indel fits the indel haplotype on both sides of the event
// and the reference only with a gap or mismatches; a read that ends inside a
// repeat, or does not reach the event, fits both equally and its ratio is
// near 1: it counts for neither allele. The sequencer's slippage is the
// indel error model's (indel_error_model.hpp), the likelihood's noise rate.
// Cost: read length x band width x 3 states per read and haplotype, only at
// candidates.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "libsomatic/io/alignment_file.hpp"
#include "libsomatic/snv/indel_candidates.hpp"

namespace somatic::snv {

inline constexpr int kBandSlack = 4;
inline constexpr double kGapOpen = 1e-4;
inline constexpr double kGapExtend = 0.1;

// log10 P(read | haplotype) of the read's best alignment, its first base on
// haplotype offsets lo..hi (the band). Qualities are Phred, capped at
// kMaxBaseQuality (site_stats.hpp). Match-to-match transitions cost nothing.
double log10_read_given_haplotype(std::string_view read, std::span<const uint8_t> qualities, std::string_view hap,
                                  int lo, int hi);

// One fragment's say at a candidate.
struct ReadSupport {
    float log10_ratio = 0;  // log10 P(read | indel haplotype) / P(read | reference haplotype)
    uint8_t mapping_quality = 0;
    uint8_t flags = 0;       // Observation::Flag: reverse_strand, f1r2
    uint16_t end_distance = 0;  // from the event to the nearer end of the read (soft clips included)
};

// The reads of `reads` (sorted by position) overlapping the candidate,
// scored on their part from kScoredFlank bases before the event to
// kScoredFlank after the later of its end and `context_end` (where its
// repeat ends): elsewhere both haplotypes are the same. `ref` must hold the
// candidate with a read length and more of flank on both sides. Mates of
// one fragment count once (the one with the stronger ratio). Reads with
// CIGAR N or P are left out. `others` are the candidates nearby: a read
// that one of them explains better than both the reference and this allele
// (by kMinLog10Ratio) counts for neither, and the ratio of the rest is
// against the better of the reference and the others, so that reads of a
// long indel are not taken for a short one they fit a little better than
// the reference. (A read carrying this allele and another nearby one then
// tends to count for neither: haplotypes of two candidates together are
// not built.)
inline constexpr int64_t kScoredFlank = 25;
std::vector<ReadSupport> score_reads(const ReadBatch& reads, const IndelAllele& allele, const RefWindow& ref,
                                     int64_t context_end, const std::vector<const IndelAllele*>& others = {});

// A substitution next to an indel is often no substitution: a read that
// ends a few bases past the indel is aligned with mismatches there instead
// of the gap. Each fragment whose read holds `alt` at `pos` (aligned, not
// clipped) is scored over the substitution, the indel and kScoredFlank
// bases beyond both, against three haplotypes: the reference with the
// substitution, the indel's, and the indel's with the substitution too. The
// indel explains the read when the substitution's haplotype (with the
// read's own bases at the other substitution candidates of
// [run_beg, run_end), the adjacent ones: an MNV) does not beat
// its by kMinLog10Ratio (a read ending just past the indel fits both: its
// alt base is no evidence of a substitution) and adding the substitution to
// it does not help by as much (a true substitution in phase with a true
// indel needs both). `indels` are the
// indel candidates near `pos`; `ref` holds them and `pos` with a read
// length and more of flank.
struct AltReadsExplained {
    uint32_t alt_fragments = 0;
    uint32_t explained_by_indel = 0;
    double fraction() const { return alt_fragments ? double(explained_by_indel) / alt_fragments : 0.0; }
};
AltReadsExplained alt_reads_explained_by_indels(const ReadBatch& reads, int64_t pos, char alt,
                                                const std::vector<const IndelAllele*>& indels, const RefWindow& ref,
                                                int64_t run_beg, int64_t run_end);

}  // namespace somatic::snv
