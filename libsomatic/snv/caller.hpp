// Calling somatic SNVs in one chunk of the genome: read both samples, count,
// pick candidate sites, gather their observations, weigh the hypotheses,
// apply the filters. Each worker thread owns one ChunkCaller (it holds open
// files); a chunk's result depends only on the chunk, so the output is the
// same at any thread count.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "libsomatic/io/alignment_file.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/io/vcf_reader.hpp"
#include "libsomatic/pileup/pileup.hpp"
#include "libsomatic/snv/filters.hpp"
#include "libsomatic/snv/indel_caller.hpp"
#include "libsomatic/snv/indel_error_model.hpp"
#include "libsomatic/snv/likelihood.hpp"
#include "libsomatic/snv/mnv_phasing.hpp"
#include "libsomatic/snv/one_sided_artefacts.hpp"
#include "libsomatic/snv/sample_identity.hpp"
#include "libsomatic/snv/site_stats.hpp"
#include "libsomatic/snv/typical_depth.hpp"

namespace somatic::snv {

struct CallerInputs {
    std::string tumour;
    std::string normal;             // empty: tumour-only mode
    std::string reference;
    std::string force_sites;        // optional VCF, indexed
    std::string germline_resource;  // optional VCF with INFO/AF, indexed
    std::string panel_of_normals;   // optional VCF, indexed
};

struct CallerOptions {
    ReadFilter read_filter;
    PileupOptions pileup;
    ModelPriors priors;
    FilterThresholds filters;
    // No normal (inputs.normal empty): the tumour-only model
    // (likelihood.hpp), which needs the germline resource's allele
    // frequencies; depths (callable sites, the typical depth, LowDepth,
    // HighDepth) are the tumour's, and no germline-looking sites are kept.
    bool tumour_only = false;
    // Learned from the genome sample unless given (one_sided_artefacts.hpp).
    ArtefactRates orientation_artefacts = ArtefactRates::uniform(1e-3);
    ArtefactRates strand_artefacts = ArtefactRates::uniform(1e-3);
    uint32_t min_alt_reads = 2;    // a site is a candidate with this many alt reads in the tumour
    double min_report_qss = 3;     // candidates below this QSS are not written
    bool germline_hets = false;    // also collect the normal's heterozygous sites
    double het_min_fraction = 0.2, het_max_fraction = 0.8;
    uint32_t het_min_depth = 10;
    // HighDepth's yardstick, the normal's typical depth where it has reads
    // (typical_depth.hpp), measured on the genome sample; 0: not applied.
    double normal_typical_depth = 0;
    // Measure the yardstick on each chunk instead, where the normal has reads
    // in it (normal_typical_depth where it has none). With --targets a chunk
    // is one padded target (or a 250 kb piece of a longer one), and the
    // targets of a capture differ in yield by up to ten-fold: a site on a
    // high-yield target is not a collapsed repeat for being three times the
    // depth of the panel as a whole.
    bool typical_depth_per_chunk = false;
    // Keep the chunk's callable positions as runs (--callable): both samples
    // (the tumour in tumour-only mode) at LowDepth's minimum depths, from
    // reads that pass the read filter.
    bool callable_runs = false;
    bool estimate_shared_prior = true;  // estimate priors.shared with the somatic prior
    // Count the chunk's callable sites and the normal's depths, and keep its
    // germline-looking sites (for the prior estimate, the typical depth and
    // the sample identity check).
    bool count_callable = false;
    // Report adjacent confident substitutions carried by the same fragments
    // as one multi-base record (mnv_merge.hpp); off: one record per base.
    bool merge_mnvs = true;
    // Somatic indels too (indel_caller.hpp), with the noise rates of the
    // indel error model (learned on the genome sample unless given).
    bool call_indels = true;
    IndelErrorRates indel_errors = IndelErrorRates::defaults();

    // Throws a usage error naming the field (min_alt_reads,
    // priors.max_tumour_in_normal, priors.shared when given,
    // priors.population_af_absent, filters.max_germline_probability) for a
    // value out of range.
    void validate() const;
};

struct SnvCall {
    int64_t pos = 0;  // 0-based
    uint8_t ref = 0, alt = 0;
    SampleSiteStats tumour, normal;
    SitePosterior posterior;
    SiteAudit audit;
    SiteContext context;
    std::vector<const char*> filters;
    bool forced = false;
    // A multi-base substitution (mnv_merge.hpp): its single bases in order,
    // each as called alone, and the tumour's fragments over all of them.
    // Empty for an SNV; pos, ref and alt are then the first base's.
    std::vector<SnvCall> bases;
    PhaseCounts phase;

    bool is_mnv() const { return !bases.empty(); }
};

// The tumour's reads of a call split by orientation (F1R2 | F2R1) and by
// strand (forward | reverse), for the one-sided artefact models.
inline SplitCounts orientation_split(const SnvCall& c) {
    return {c.ref, c.alt, c.tumour.ref_f1r2, c.tumour.ref_f2r1, c.tumour.alt_f1r2, c.tumour.alt_f2r1};
}
inline SplitCounts strand_split(const SnvCall& c) {
    return {c.ref, c.alt, c.tumour.ref_forward, c.tumour.ref_reverse, c.tumour.alt_forward, c.tumour.alt_reverse};
}

struct GermlineHet {
    int64_t pos = 0;
    uint8_t ref = 0, alt = 0;
    uint32_t tumour_ref = 0, tumour_alt = 0, normal_ref = 0, normal_alt = 0;
};

struct ChunkCalls {
    std::vector<SnvCall> calls;
    std::vector<IndelCall> indels;  // with call_indels, in position order
    IndelErrorCounts indel_errors;  // with count_callable and call_indels
    std::vector<GermlineHet> hets;
    uint64_t callable_sites = 0;  // both samples (tumour-only: the tumour) at LowDepth's minimum
                                  // depths; with count_callable
    DepthHistogram normal_depth;   // the normal's depth over the chunk (the tumour's in tumour-only
                                   // mode); with count_callable or typical_depth_per_chunk
    std::vector<GenotypeSite> genotype_sites;  // germline-looking sites; with count_callable
    std::vector<Interval> callable;  // runs of callable positions, in order; with callable_runs
};

// What a chunk's reads say before any hypothesis is weighed: the candidate
// sites over the chunk and its cluster padding, each with its summaries
// (no posterior, no filters yet), the germline hets and the callable count.
// Nothing in it depends on the somatic prior or the artefact rates, so the
// same evidence can be called under a prior learned afterwards.
struct ChunkEvidence {
    Interval chunk;
    std::vector<SnvCall> candidates;
    std::vector<PhaseRun> phase_runs;  // candidates at consecutive positions, for merge_mnvs
    std::vector<IndelEvidence> indels;
    IndelErrorCounts indel_errors;
    std::vector<GermlineHet> hets;
    uint64_t callable_sites = 0;
    DepthHistogram normal_depth;
    std::vector<GenotypeSite> genotype_sites;
    std::vector<Interval> callable;
};

class ChunkCaller {
public:
    ChunkCaller(const CallerInputs& inputs, const CallerOptions& options);
    // collect() then weigh() under this caller's options.
    ChunkCalls call(const Interval& chunk);
    // Reads and counts the chunk (the reads, pileup and candidate options).
    ChunkEvidence collect(const Interval& chunk);
    // Weighs the candidates under `options`' priors, artefact rates and
    // filters: posteriors, the reporting threshold, clustered events,
    // resources, audit, FILTER.
    ChunkCalls weigh(ChunkEvidence evidence, const CallerOptions& options);

private:
    std::map<int64_t, uint8_t> forced_sites(const Interval& region);
    std::vector<IndelAllele> forced_indels(const Interval& region, const RefWindow& ref);
    // NearIndel: the share of each SNV candidate's alt reads an indel candidate nearby explains.
    void mark_substitutions_near_indels(const RefWindow& ref, ChunkEvidence& out);
    // The indel candidates of `padded` with their scored reads, and with
    // count_callable the indel error counts of `chunk`.
    void collect_indels_of(const Interval& chunk, const Interval& padded, ChunkEvidence& out);
    void annotate_indel_resources(const Interval& region, std::vector<IndelCall>& calls);
    // The resources' facts about the calls in `region` (the chunk and its
    // cluster padding).
    void annotate_resources(const Interval& region, std::vector<SnvCall>& calls);
    // The chunk widened by `pad` on both sides, within its contig.
    Interval padded_interval(const Interval& chunk, int64_t pad) const;

    const CallerInputs& inputs_;
    const CallerOptions& options_;
    AlignmentFile tumour_;
    std::optional<AlignmentFile> normal_;  // none in tumour-only mode
    Reference reference_;
    std::unique_ptr<VcfReader> force_, resource_, panel_;
    ReadBatch tumour_reads_, normal_reads_;
    ChunkPileup pileup_;
};

}  // namespace somatic::snv
