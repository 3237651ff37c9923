// Somatic indels in one chunk, on the SNV caller's spine: candidates from
// the tumour's CIGARs (indel_candidates), every read of both samples at
// each candidate scored against the reference and the indel haplotype
// (haplotype_scoring), the repeat context (repeat_context) and its learned
// noise rate (indel_error_model), then the same joint tumour/normal model
// as SNVs (likelihood.hpp) and the same filters, with two of their own.
//
// A read is evidence for the indel when its log10 likelihood ratio is at
// least kMinLog10Ratio, for the reference when at most -kMinLog10Ratio, and
// for neither otherwise. Each informative read enters the model as an SNV
// base would, with an error probability of the noise rate of the context
// plus the chance the read was assigned to the wrong haplotype
// (1 / (1 + ratio)), combined with its mapping quality. Indels are rarer
// than substitutions, somatic and germline alike: the model's priors are
// the SNVs' times kIndelPriorScale.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "libsomatic/snv/filters.hpp"
#include "libsomatic/snv/haplotype_scoring.hpp"
#include "libsomatic/snv/indel_candidates.hpp"
#include "libsomatic/snv/indel_error_model.hpp"
#include "libsomatic/snv/likelihood.hpp"
#include "libsomatic/snv/repeat_context.hpp"
#include "libsomatic/snv/site_stats.hpp"

namespace somatic::snv {

struct CallerOptions;

inline constexpr double kMinLog10Ratio = 1.0;
inline constexpr double kIndelPriorScale = 0.1;

// What the reads say at a candidate, before any hypothesis is weighed.
struct IndelEvidence {
    IndelAllele allele;
    RepeatContext repeat;
    std::vector<ReadSupport> tumour, normal;
    bool forced = false;
};

struct IndelCall {
    IndelAllele allele;
    RepeatContext repeat;
    double noise = 0;  // the error model's rate for the context
    SampleSiteStats tumour, normal;
    SitePosterior posterior;
    SiteAudit audit;
    SiteContext context;
    std::vector<const char*> filters;
    bool forced = false;
};

// The candidates (CIGAR indels in at least min_alt_reads tumour reads, and
// the forced ones) with their padding base in `region`, each scored in both
// samples. `ref` holds `region` with a read length and more of flank.
std::vector<IndelEvidence> collect_indels(const ReadBatch& tumour, const ReadBatch& normal, const RefWindow& ref,
                                          const Interval& region, uint32_t min_alt_reads,
                                          const std::vector<IndelAllele>& forced);

// One sample's counts and likelihood evidence from its scored reads.
SampleSiteStats indel_site_stats(const std::vector<ReadSupport>& reads, double noise, double near_end_distance);

// The model's priors for indels.
ModelPriors indel_priors(const ModelPriors& snv);

// Weighs a chunk's indel evidence (over the chunk and its cluster padding)
// under `options`: posteriors, the reporting threshold, the nearby
// germline indels and clustered events (`snv_events`: positions of the
// likely somatic SNVs nearby, sorted), FILTER; keeps the calls inside
// `chunk`. `annotate` sets each call's population AF and panel flag before
// the model weighs them.
std::vector<IndelCall> weigh_indels(std::vector<IndelEvidence> evidence, const Interval& chunk,
                                    const std::vector<int64_t>& snv_events, const CallerOptions& options,
                                    double typical_depth,
                                    const std::function<void(std::vector<IndelCall>&)>& annotate);

}  // namespace somatic::snv
