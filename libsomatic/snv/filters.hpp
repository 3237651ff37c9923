// The filters of somatic-snv: each does one job, has one FILTER ID defined
// in the header and one option for its threshold.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/snv/site_stats.hpp"

namespace somatic::snv {

struct FilterThresholds {
    double min_qss = 20;                  // LowQSS
    uint32_t min_tumour_depth = 10;       // LowDepth
    uint32_t min_normal_depth = 8;        // LowDepth
    // NormalAlt: more normal alt reads than this ...
    uint32_t max_normal_alt_reads = 1;
    // ... and more than contamination at this fraction of the tumour's AF
    // explains (binomial upper tail, Phred above max_normal_alt_phred). The
    // ratio matches the model's tau_max, so that a normal holding up to that
    // share of the tumour's allele keeps the call despite sampling noise.
    double max_normal_alt_ratio = 0.1;
    double max_normal_alt_phred = 20;
    double max_strand_bias = 30;          // StrandBias: Phred Fisher p of alt vs ref strands
    double min_end_distance = 5;          // ReadEnd: median alt distance to read end below this ...
    double max_read_end_bias = 20;        // ... and alt reads near an end more often than ref reads (Phred Fisher)
    double min_alt_mapq = 40;             // LowMapQ: median alt mapping quality
    int cluster_window = 100;             // Clustered: window (bp) ...
    int max_cluster_events = 2;           // ... holding more than this many other candidate events
    double max_normal_depth_factor = 3;   // HighDepth: normal depth above this times its typical depth
    double max_orientation_bias = 30;     // OrientationBias: Phred Fisher p of alt vs ref F1R2/F2R1
    double max_population_af = 0.01;      // PopulationAF: in the germline resource above this AF
    double max_germline_probability = 0.5;  // Germline (tumour-only mode): P(germline) above this
    // Indels only (indel_caller.hpp):
    double min_slippage_ratio = 3;        // RepeatSlippage: tumour AF below this x the context's error rate
    int germline_indel_window = 10;       // NearbyGermlineIndel: window (bp) ...
    double min_germline_indel_fraction = 0.2;  // ... holding an indel at this fraction of the normal
    // Substitutions next to indels (haplotype_scoring.hpp):
    int near_indel_window = 50;           // NearIndel: an indel candidate within this many bp ...
    double max_near_indel_fraction = 0.5;  // ... better explains at least this fraction of the alt reads
};

// The FILTER IDs with their header descriptions, in header order. In
// tumour-only mode LowDepth and HighDepth speak of the tumour, NormalAlt
// (which needs a normal) is left out and Germline is added.
struct FilterDefinition {
    const char* id;
    std::string description;
};
std::vector<FilterDefinition> filter_definitions(const FilterThresholds& t, bool tumour_only = false);
// The FILTERs of indel calling (the indels' own, and NearIndel on SNVs),
// written after the others when indels are called.
std::vector<FilterDefinition> indel_filter_definitions(const FilterThresholds& t);

// Facts about the site's surroundings that the site itself does not carry.
struct SiteContext {
    int nearby_events = 0;          // other candidate events within the cluster window
    // typical_depth.hpp; 0: unknown, HighDepth not applied. In tumour-only
    // mode, the tumour's typical depth, and HighDepth weighs the tumour's.
    double normal_typical_depth = 0;
    bool tumour_only = false;       // no normal: LowDepth and HighDepth on the tumour, Germline applied
    double germline_probability = 0;  // the model's P(germline); Germline in tumour-only mode
    bool second_alt = false;        // a second alt allele with real support
    double population_af = -1;      // -1: not in the resource
    bool in_panel_of_normals = false;
    bool nearby_germline_indel = false;  // indels: another indel within the window looks germline
    // SNVs: the share of the tumour's alt reads a nearby indel candidate
    // explains better than the substitution (haplotype_scoring.hpp).
    double indel_explained_fraction = 0;
};

struct SiteAudit {
    double strand_bias_phred = 0;
    double orientation_bias_phred = 0;
    // Posterior probabilities of a one-orientation and a one-strand artefact
    // (one_sided_artefacts.hpp).
    double orientation_artefact_probability = 0;
    double strand_artefact_probability = 0;
    // Phred Fisher p of the tumour's alt against ref reads near a read end.
    double read_end_bias_phred = 0;
    // Phred of P(normal alt count >= observed) if the normal held
    // max_normal_alt_ratio x the tumour's alt fraction.
    double normal_alt_phred = 0;
};

SiteAudit audit(const SampleSiteStats& tumour, const SampleSiteStats& normal, const FilterThresholds& t);

// The IDs of the filters the site fails (empty: PASS).
std::vector<const char*> apply_filters(double qss, const SampleSiteStats& tumour, const SampleSiteStats& normal,
                                       const SiteAudit& audit, const SiteContext& context,
                                       const FilterThresholds& t);

}  // namespace somatic::snv
