// Local haplotype scoring of the reads at an indel candidate. The aligner's
// CIGAR is not trusted: it places one indel at different positions in
// different reads, and aligns reads that end inside an indel with
// mismatches instead. Every read overlapping the candidate is instead
// scored against two haplotypes, the reference and the reference with the
// indel, and the ratio of the two likelihoods says which the read supports.
//
// The likelihood of a read given a haplotype is that of placing it without
// gaps at each offset of a band around where its alignment puts it (the
// band is the indel's length plus kBandSlack on either side, so a read
// carrying the indel lines up with the indel haplotype wherever the aligner
// put it), averaged over the offsets: each base matches with probability
// 1 - e and mismatches with e/3 (e from its base quality), bases falling
// off the haplotype have probability 1/4. A read carrying the indel fits
// the indel haplotype on both sides of the event and the reference on one
// side only; a read that ends inside a repeat, or does not reach the
// event, fits both equally and its ratio is near 1: it counts for neither
// allele. Gap errors of the sequencer are not modelled here; the indel
// error model (indel_error_model.hpp) is the noise rate of the likelihood.
// Cost: read length x band width x 2 per read, only at candidates.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "libsomatic/io/alignment_file.hpp"
#include "libsomatic/snv/indel_candidates.hpp"

namespace somatic::snv {

inline constexpr int kBandSlack = 4;

// log10 P(read | haplotype), the read placed at offsets lo..hi of `hap`
// (the offset of its first base), uniformly. Qualities are Phred, capped at
// kMaxBaseQuality (site_stats.hpp).
double log10_read_given_haplotype(std::string_view read, std::span<const uint8_t> qualities, std::string_view hap,
                                  int lo, int hi);

// One fragment's say at a candidate.
struct ReadSupport {
    float log10_ratio = 0;  // log10 P(read | indel haplotype) / P(read | reference haplotype)
    uint8_t mapping_quality = 0;
    uint8_t flags = 0;       // Observation::Flag: reverse_strand, f1r2
    uint16_t end_distance = 0;  // from the event to the nearer end of the read's alignment
};

// The reads of `reads` (sorted by position) overlapping the candidate,
// scored; `ref` must hold the candidate with a read length and more of
// flank on both sides. Mates of one fragment count once (the one with the
// stronger ratio). Reads with CIGAR N or P are left out.
std::vector<ReadSupport> score_reads(const ReadBatch& reads, const IndelAllele& allele, const RefWindow& ref);

}  // namespace somatic::snv
