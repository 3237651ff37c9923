// One-sided artefacts, with their rate learned from the sample.
//
// Some artefacts put their alt base into reads of one side of a two-way
// split only, while a real mutation's alt reads split like its ref reads:
//  - read orientation (F1R2/F2R1): a lesion on one strand of the DNA before
//    amplification (8-oxoguanine read as T, cytosine deamination in
//    formalin-fixed tissue read as T) reaches only the fragments copied from
//    that strand;
//  - read strand (forward/reverse): sequencing errors that depend on the
//    sequence the polymerase reads, which differs between the strands.
// Three alt reads all on one side happen to a quarter of real mutations, so
// the pattern alone proves little; what decides is how common such
// artefacts are in this library, which differs by orders of magnitude
// between, say, a fresh-frozen and an FFPE sample, and by substitution. The
// rate of each (substitution, side) is therefore estimated from the
// candidates of the genome sample (EM over the mixture "real, or an
// artefact on side 1 or side 2"), and a site's posterior probability of
// being such an artefact decides its filter (OrientationBias, StrandBias).
//
// Substitutions are folded to a pyrimidine reference (C>A, C>G, C>T, T>A,
// T>C, T>G), and the side flips with the fold: G>T in F1R2 fragments is the
// same artefact as C>A in F2R1 ones, G>T on forward reads the same as C>A
// on reverse ones.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace somatic::snv {

inline constexpr int kOneSidedArtefactTypes = 12;  // 6 folded substitutions x 2 sides

// A site's reads split two ways: side 1 is F1R2 (or forward), side 2 F2R1
// (or reverse), on the reference's strand.
struct SplitCounts {
    uint8_t ref = 0, alt = 0;  // base codes
    uint32_t ref_side1 = 0, ref_side2 = 0, alt_side1 = 0, alt_side2 = 0;
};

// The folded substitution (0-5) and the counts on the folded sides.
struct FoldedCounts {
    int substitution = 0;
    uint32_t ref_side1 = 0, ref_side2 = 0, alt_side1 = 0, alt_side2 = 0;
};
FoldedCounts fold(const SplitCounts& c);

// "C>A/F1R2" etc. (with side names "F1R2", "F2R1"), in type order
// (substitution * 2 + side).
std::string artefact_type_name(int type, const char* side1, const char* side2);

struct ArtefactRates {
    // Per type: the share of candidate sites of that substitution that are
    // artefacts on that side.
    std::array<double, kOneSidedArtefactTypes> rate{};
    static ArtefactRates uniform(double r);
};

struct ArtefactModel {
    // An artefact's reads on the other side: sequencing errors, and damage
    // that reached both strands.
    double leak = 0.02;
    // A real mutation's split: beta-binomial around the ref reads' share, at
    // most this many pseudo-reads strong (see split_likelihoods).
    double real_concentration = 20;
    // Pseudo-counts per type: pseudo_artefacts / pseudo_sites is the rate a
    // substitution with no candidates gets (1e-3), small enough that a real
    // mutation needs ~10 alt reads all on one side to be filtered.
    double pseudo_artefacts = 0.01;
    double pseudo_sites = 10;
    double highest_rate = 0.45;  // each side; real mutations keep >= 10%
    // A type keeps a learned rate above the floor only when its candidates
    // are this much likelier with it (log10 of the likelihood ratio): one or
    // two real mutations whose alt reads happen to share a side (2 x 0.5^n
    // of them do) must not raise the rate of their substitution.
    double min_log10_evidence = 3;
};

// log10 P(alt split | artefact on folded side 1 or 2) and P(alt split |
// real mutation, splitting like the ref reads), without the binomial
// coefficient they share.
struct SplitLikelihoods {
    double log10_artefact_side1 = 0, log10_artefact_side2 = 0, log10_real = 0;
};
SplitLikelihoods split_likelihoods(const FoldedCounts& c, const ArtefactModel& model = {});

// Posterior probability that the site is a one-sided artefact.
double one_sided_artefact_probability(const SplitCounts& c, const ArtefactRates& rates,
                                      const ArtefactModel& model = {});

// The maximum a posteriori rates by EM over the candidates; a type whose
// rate the candidates do not support by min_log10_evidence keeps the floor.
ArtefactRates estimate_artefact_rates(const std::vector<SplitCounts>& candidates, const ArtefactModel& model = {});

}  // namespace somatic::snv
