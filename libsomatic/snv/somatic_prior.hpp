// The somatic prior estimated from the data (empirical Bayes). A fixed prior
// of 1e-6 per site suits a tumour with ~1 mutation per Mb and is 100x too
// low for a hypermutated one, and QSS is only calibrated when the prior is
// right. So, before calling, somatic-snv weighs the candidates of a fixed
// sample of the genome and finds the prior pi that maximises their
// likelihood under the mixture "somatic with probability pi, else the other
// hypotheses": the EM update pi <- (sum of posterior somatic probabilities +
// a) / (callable sites + b). The pseudo-counts a = 1, b = 1e6 (one somatic
// site per Mb) keep a sample with no candidates from driving pi to zero.
//
// The prior of the "shared" hypothesis (a low-fraction variant carried by
// both samples: clonal haematopoiesis, mosaicism, a normal holding tumour
// cells) is the normal's own in the same way, and estimated in the same EM:
// the mixture is "somatic with probability pi, shared with probability
// pi_s, else reference or germline". Its pseudo-counts (0.01 per 1e6 sites)
// keep a clean normal at the floor, 1e-8 per site; a normal whose reads
// carry dozens of shared variants raises pi_s towards their share, so that
// they are not called somatic, and takes them out of pi's estimate.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/snv/caller.hpp"
#include "libsomatic/snv/one_sided_artefacts.hpp"

namespace somatic::snv {

// One candidate's evidence, free of the somatic prior: log10 of the somatic
// likelihood, and log10 of prior x likelihood summed over the other
// hypotheses.
// With the shared prior estimated too, log10_shared_likelihood is the shared
// hypothesis' likelihood and log10_not_somatic covers the others (reference,
// germline); otherwise the shared likelihood is -inf and log10_not_somatic
// includes its prior x likelihood.
struct PriorEvidence {
    double log10_somatic_likelihood = 0;
    double log10_not_somatic = 0;
    double log10_shared_likelihood = -std::numeric_limits<double>::infinity();
};

struct PriorBounds {
    double lowest = 1e-7;
    double highest = 1e-4;  // 100 per Mb: the hypermutator range
    double pseudo_somatic = 1;
    double pseudo_sites = 1e6;
};

// The bounds and pseudo-counts of the shared prior.
inline constexpr PriorBounds kSharedPriorBounds{1e-8, 1e-4, 0.01, 1e6};

// The maximum a posteriori prior, by EM from `start`.
double estimate_somatic_prior(const std::vector<PriorEvidence>& candidates, uint64_t callable_sites,
                              const PriorBounds& bounds = {}, double start = 1e-6);

// The somatic and shared priors together, by EM from the starts.
struct Priors {
    double somatic = 0;
    double shared = 0;
};
Priors estimate_priors(const std::vector<PriorEvidence>& candidates, uint64_t callable_sites,
                       const PriorBounds& somatic_bounds, const PriorBounds& shared_bounds, Priors start);

// The genome sample the estimate is made on: `count` chunks of `size` bases
// spread evenly over all of `contigs` (not just the regions being called,
// so that every shard of a scattered run estimates the same prior); all of
// them when there are no more.
constexpr int64_t kPriorSampleChunkSize = 100000;
constexpr size_t kPriorSampleChunks = 40;
std::vector<Interval> prior_sample_chunks(const std::vector<Interval>& contigs, int64_t size = kPriorSampleChunkSize,
                                          size_t count = kPriorSampleChunks);

// The sample drawn from the padded targets (targets.hpp) instead, when
// there are targets: as many bases of them as the genome sample holds,
// in chunks of `size`.
std::vector<Interval> model_sample_chunks(const std::vector<Interval>& contigs, const std::vector<Interval>& targets,
                                          int64_t size = kPriorSampleChunkSize, size_t count = kPriorSampleChunks);

struct PriorEstimate {
    double prior = 0;
    double shared_prior = 0;  // with options.estimate_shared_prior; else the given one
    DepthHistogram normal_depth;  // over the sample
    std::vector<GenotypeSite> genotype_sites;  // over the sample (sample_identity.hpp)
    double normal_typical_depth = 0;
    size_t candidates = 0;  // candidates the estimate weighed
    uint64_t callable_sites = 0;
    ArtefactRates orientation, strand;
    size_t artefact_candidates = 0;  // candidates the one-sided artefact rates weighed
    IndelErrorCounts indel_errors;   // over the sample, with options.call_indels (indel_error_model.hpp)
};

// Calls the sample chunks (every candidate, whatever its QSS) and estimates
// the prior from the candidates that fail no filter other than LowQSS (or
// Germline, the tumour-only model's own judgement): a
// candidate another filter rejects is an artefact, not a mutation. The
// one-sided artefact rates come from the candidates that would be calls (QSS
// at least --min-qss, 3 or more alt reads) but for OrientationBias and
// StrandBias: the sites where the choice between mutation and artefact is
// made. The prior's candidates leave out those the learned rates make
// artefacts, so that a damaged library does not inflate the prior.
//
// With `kept`, the sample's evidence is also kept there, in sample order and
// collected with `options`' germline-het setting, for a caller to weigh again
// under the estimate instead of reading the sample twice (see
// prior_sample_is_everything).
PriorEstimate estimate_prior_on_sample(const CallerInputs& inputs, const CallerOptions& options,
                                       const std::vector<Interval>& sample, int threads,
                                       std::vector<ChunkEvidence>* kept = nullptr);

// The normal's typical depth (typical_depth.hpp), HighDepth's yardstick:
// from the sample's depths when they cover at least kMinCoveredPositions,
// else measured over all of `space` (the whole genome, or all the targets).
// The fallback is for a slice or a panel whose windows the evenly spaced
// sample misses; such data are sparse, so reading all of `space` costs
// little (an empty 100 kb chunk is one index lookup per sample). 0 when
// the normal has no reads at all. The fallback also replaces
// estimate.genotype_sites with those of all of `space`, for the same reason.
constexpr uint64_t kMinCoveredPositions = 10000;
double normal_typical_depth(PriorEstimate& estimate, const CallerInputs& inputs, const CallerOptions& options,
                            const std::vector<Interval>& space, int threads);

// True when `sample` (from prior_sample_chunks) is every chunk of `contigs`:
// a genome of at most 40 x 100 kb, where the estimate reads all of it and
// the calls can reuse that reading.
bool prior_sample_is_everything(const std::vector<Interval>& contigs, const std::vector<Interval>& sample);

}  // namespace somatic::snv
