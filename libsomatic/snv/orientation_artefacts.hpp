// One-orientation artefacts, with their rate learned from the sample.
//
// A lesion on one strand of the DNA before amplification (8-oxoguanine read
// as T; cytosine deamination in formalin-fixed tissue read as T) puts the
// wrong base into the reads of the fragments copied from that strand only,
// so all of an artefact's alt reads share one read orientation (F1R2 or
// F2R1), while a real mutation's alt reads split between the two as its ref
// reads do. Three alt reads all in one orientation happen to a quarter of
// real mutations, so the pattern alone proves little; what decides is how
// common such artefacts are in this library, which differs by orders of
// magnitude between a fresh-frozen and an FFPE sample, and by substitution.
// The rate of each (substitution, orientation) is therefore estimated from
// the candidates of the genome sample (EM over the mixture "real, or an
// artefact in orientation 1 or 2"), and a site's posterior probability of
// being an artefact decides the OrientationBias filter.
//
// Substitutions are folded to a pyrimidine reference (C>A, C>G, C>T, T>A,
// T>C, T>G). The lesion's strand flips with the fold: G>T in F1R2
// fragments is the same artefact as C>A in F2R1 ones.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace somatic::snv {

inline constexpr int kOrientationArtefactTypes = 12;  // 6 folded substitutions x 2 orientations

struct OrientationCounts {
    uint8_t ref = 0, alt = 0;  // base codes
    uint32_t ref_f1r2 = 0, ref_f2r1 = 0, alt_f1r2 = 0, alt_f2r1 = 0;
};

// The folded substitution (0-5) and the alt counts in folded orientation.
struct FoldedCounts {
    int substitution = 0;
    uint32_t ref_o1 = 0, ref_o2 = 0, alt_o1 = 0, alt_o2 = 0;
};
FoldedCounts fold(const OrientationCounts& c);

// "C>A/F1R2" etc., in type order (substitution * 2 + orientation).
std::string orientation_artefact_type_name(int type);

struct OrientationArtefactRates {
    // Per type: the share of candidate sites of that substitution that are
    // artefacts in that orientation.
    std::array<double, kOrientationArtefactTypes> rate{};
    static OrientationArtefactRates uniform(double r);
};

struct OrientationModel {
    // An artefact's reads of the other orientation: sequencing errors and
    // lesions on both strands.
    double leak = 0.02;
    // Pseudo-counts per type: pseudo_artefacts / pseudo_sites is the rate a
    // substitution with no candidates gets (1e-3), small enough that a real
    // mutation needs ~10 alt reads all in one orientation to be filtered.
    double pseudo_artefacts = 0.01;
    double pseudo_sites = 10;
    double highest_rate = 0.45;  // each orientation; real mutations keep >= 10%
    // A type keeps a learned rate above the floor only when its candidates
    // are this much likelier with it (log10 of the likelihood ratio): one or
    // two real mutations whose alt reads happen to share an orientation (2 x
    // 0.5^n of them do) must not raise the rate of their substitution.
    double min_log10_evidence = 3;
};

// log10 P(alt orientations | artefact in folded orientation 1 or 2) and
// P(alt orientations | real mutation, splitting like the ref reads), without
// the binomial coefficient they share.
struct OrientationLikelihoods {
    double log10_artefact_o1 = 0, log10_artefact_o2 = 0, log10_real = 0;
};
OrientationLikelihoods orientation_likelihoods(const FoldedCounts& c, const OrientationModel& model = {});

// Posterior probability that the site is a one-orientation artefact.
double orientation_artefact_probability(const OrientationCounts& c, const OrientationArtefactRates& rates,
                                        const OrientationModel& model = {});

// The maximum a posteriori rates by EM over the candidates; a type whose
// rate the candidates do not support by min_log10_evidence keeps the floor.
OrientationArtefactRates estimate_orientation_rates(const std::vector<OrientationCounts>& candidates,
                                                    const OrientationModel& model = {});

}  // namespace somatic::snv
