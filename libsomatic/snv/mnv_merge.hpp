// Multi-base substitutions: adjacent somatic substitutions carried by the
// same fragments are one event (the CC>TT of UV light, a DBS), reported as
// one record whose REF and ALT span them all; adjacent substitutions on
// different fragments stay separate SNVs.
//
// Which calls merge. Each base must be a confident somatic call on its own
// (QSS at least --min-qss, not a --force-sites record), as Mutect2 merges
// only bases it calls: merging never rescues a base the model doubts. Two
// neighbours are linked when they are in phase in the tumour (mnv_phasing:
// at least --min-alt-reads fragments carry both alt bases, and they are
// kMinPhasedFraction of the fragments carrying either); a chain of links is
// one event when the whole chain is in phase the same way. Chains longer
// than kMaxMnvLength stay single SNVs: a long run of adjacent substitutions
// is more often a misaligned indel or a mapping artefact than one event,
// and the Clustered filter judges it.
//
// The merged record. POS is the first base's; AD, AF and DP count fragments
// covering every base: the reference haplotype against the whole ALT
// haplotype (fragments with only some alt bases count in DP alone), and the
// strand, orientation, read-end and mapping-quality audits (and so the
// filters) weigh those fragments. QSS and GERMQ are the weakest base's;
// each base's QSS and alt fragments, and the full/partial counts, are in
// INFO (mnv_vcf). The one-sided artefact probabilities are the highest over
// the bases' substitution types. The MNV counts as one event for the
// Clustered filter.
//
// Chunks. Each chunk owns the records whose POS (first base) falls inside
// it. A chunk reads and weighs candidates kMnvReach beyond the cluster
// window on both sides, so it sees every chain that reaches into it (or
// into its cluster window) whole, and two chunks decide a chain the same
// way from the same reads: an MNV straddling a chunk boundary is written
// once, by the chunk holding its first base, at any thread count.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/pileup/pileup.hpp"
#include "libsomatic/snv/caller.hpp"
#include "libsomatic/snv/mnv_phasing.hpp"
#include "libsomatic/snv/one_sided_artefacts.hpp"

namespace somatic::snv {

inline constexpr int kMaxMnvLength = 10;
inline constexpr int64_t kMnvReach = kMaxMnvLength + 1;

// How far beyond a chunk its candidates are read and weighed: the cluster
// window, and the merging's reach past it.
inline int64_t evidence_padding(const FilterThresholds& t) {
    return std::max<int64_t>(t.cluster_window, 0) + kMnvReach;
}

// The runs of `candidates` (in position order, their observations gathered
// in `pileup`) at consecutive positions, two sites or more.
std::vector<PhaseRun> gather_phase_runs(const std::vector<SnvCall>& candidates, const ChunkPileup& pileup);

// Replaces each in-phase block of `calls` (in position order, at most one
// per position) by one merged call; see above.
void merge_in_phase_substitutions(std::vector<SnvCall>& calls, const std::vector<PhaseRun>& runs,
                                  const CallerOptions& options);

// The posterior probability of a one-sided artefact: an SNV's, or the
// highest over an MNV's bases' substitution types on the MNV's fragments.
double one_sided_probability(const SnvCall& c, SplitCounts (*split)(const SnvCall&), const ArtefactRates& rates);

// The REF and ALT alleles of a call: one base for an SNV, all for an MNV.
std::string ref_allele(const SnvCall& c);
std::string alt_allele(const SnvCall& c);

}  // namespace somatic::snv
