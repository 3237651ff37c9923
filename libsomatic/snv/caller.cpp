#include "libsomatic/snv/caller.hpp"

#include "libsomatic/io/hts_memory.hpp"

#include <htslib/vcf.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "libsomatic/core/bases.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/snv/mnv_merge.hpp"

namespace somatic::snv {

void CallerOptions::validate() const {
    if (min_alt_reads < 1) throw usage_error("min_alt_reads must be at least 1");
    if (priors.max_tumour_in_normal < 0 || priors.max_tumour_in_normal > 0.5) {
        throw usage_error("priors.max_tumour_in_normal must be between 0 and 0.5");
    }
    // A given shared prior (an estimated one starts from it, within its bounds).
    if (!estimate_shared_prior && !(priors.shared > 0 && priors.shared < 0.01)) {
        throw usage_error("priors.shared must be between 0 and 0.01");
    }
    if (!(priors.population_af_absent > 0 && priors.population_af_absent < 0.01)) {
        throw usage_error("priors.population_af_absent must be between 0 and 0.01");
    }
    if (!(filters.max_germline_probability > 0 && filters.max_germline_probability <= 1)) {
        throw usage_error("filters.max_germline_probability must be above 0 and at most 1");
    }
}

ChunkCaller::ChunkCaller(const CallerInputs& inputs, const CallerOptions& options)
    : inputs_(inputs),
      options_(options),
      tumour_(inputs.tumour, inputs.reference),
      reference_(inputs.reference) {
    if (options.tumour_only != inputs.normal.empty()) {
        throw usage_error("tumour_only must be set exactly when there is no inputs.normal");
    }
    if (!inputs.normal.empty()) normal_.emplace(inputs.normal, inputs.reference);
    if (!inputs.force_sites.empty()) force_ = std::make_unique<VcfReader>(inputs.force_sites, true);
    if (!inputs.germline_resource.empty()) resource_ = std::make_unique<VcfReader>(inputs.germline_resource, true);
    if (!inputs.panel_of_normals.empty()) panel_ = std::make_unique<VcfReader>(inputs.panel_of_normals, true);
}

namespace {

// A VCF record's single-base alternative alleles with their index.
template <class F>
void for_each_snv_allele(const bcf1_t* rec, F&& f) {
    if (rec->n_allele < 2 || std::strlen(rec->d.allele[0]) != 1) return;
    for (int i = 1; i < rec->n_allele; ++i) {
        const char* a = rec->d.allele[i];
        if (std::strlen(a) == 1 && base_code(a[0]) != kBaseN) f(i, base_code(a[0]));
    }
}

struct AltChoice {
    uint8_t top = kBaseN, second = kBaseN;
    uint32_t top_count = 0, second_count = 0;
};

// A site where either sample has two reads of one alternative base, with
// the reads of the reference and of the commonest alternative of both
// samples together: what the sample identity check weighs.
void keep_genotype_site(const BaseCounts& tumour, const BaseCounts& normal, uint8_t ref, ChunkEvidence& out) {
    uint8_t alt = kBaseN;
    uint32_t alt_reads = 0, most_in_one = 0;
    for (uint8_t b = 0; b < 4; ++b) {
        if (b == ref) continue;
        most_in_one = std::max({most_in_one, tumour.of(b), normal.of(b)});
        if (tumour.of(b) + normal.of(b) > alt_reads) alt = b, alt_reads = tumour.of(b) + normal.of(b);
    }
    if (most_in_one < 2) return;
    out.genotype_sites.push_back({tumour.of(ref), tumour.of(alt), normal.of(ref), normal.of(alt)});
}

// Adds `pos` to the runs, extending the last when it ends there.
void extend_runs(std::vector<Interval>& runs, const std::string& contig, int64_t pos) {
    if (!runs.empty() && runs.back().end == pos) {
        runs.back().end = pos + 1;
    } else {
        runs.push_back({contig, pos, pos + 1});
    }
}

AltChoice rank_alts(const BaseCounts& c, uint8_t ref) {
    AltChoice a;
    for (uint8_t b = 0; b < 4; ++b) {
        if (b == ref) continue;
        const uint32_t n = c.of(b);
        if (n > a.top_count) {
            a.second = a.top;
            a.second_count = a.top_count;
            a.top = b;
            a.top_count = n;
        } else if (n > a.second_count) {
            a.second = b;
            a.second_count = n;
        }
    }
    return a;
}

// A second alternative allele with real support: more reads than errors at
// that depth plausibly give one base, and a fair share of the first's.
constexpr double kClusterEventQss = 10;

// A likely somatic event, for the Clustered filter. In tumour-only mode a
// germline variant can have a high QSS (somatic against error only) and is
// not one (with a normal, QSS >= 10 already means P(germline) <= 0.1).
// An SNV whose alt reads a nearby indel explains (NearIndel) is that
// indel, not an event of its own: counted, the misaligned reads of one
// indel would make it and everything near it Clustered.
bool is_cluster_event(const SnvCall& c, const FilterThresholds& t) {
    return c.posterior.qss >= kClusterEventQss && c.posterior.germline_probability <= 0.5 &&
           !(c.context.indel_explained_fraction > 0 &&
             c.context.indel_explained_fraction >= t.max_near_indel_fraction);
}

bool has_second_alt(const AltChoice& a) { return a.second_count >= 3 && a.second_count * 10 >= a.top_count * 3; }

}  // namespace

std::map<int64_t, uint8_t> ChunkCaller::forced_sites(const Interval& region) {
    std::map<int64_t, uint8_t> sites;
    if (!force_) return sites;
    force_->fetch(region);
    const auto record = make_bcf_record();
    bcf1_t* rec = record.get();
    while (force_->next(rec)) {
        if (!region.contains(rec->pos)) continue;
        for_each_snv_allele(rec, [&](int, uint8_t alt) {
            const std::string ref = reference_.fetch(region.contig, rec->pos, rec->pos + 1);
            if (ref.empty() || base_code(ref[0]) != base_code(rec->d.allele[0][0])) {
                const std::string locus = force_->locus(rec);
                throw input_error(force_->name(), "REF does not match the reference", locus,
                                  "the sites were made for another assembly");
            }
            sites.emplace(rec->pos, alt);  // the first ALT of a site is the one reported
        });
    }
    return sites;
}

void ChunkCaller::annotate_resources(const Interval& region, std::vector<SnvCall>& calls) {
    if (calls.empty()) return;
    const auto record = make_bcf_record();
    bcf1_t* rec = record.get();
    if (resource_) {
        resource_->fetch(region);
        std::map<std::pair<int64_t, uint8_t>, double> af;
        HtsArray<float> values;
        while (resource_->next(rec)) {
            const int n = bcf_get_info_float(resource_->header(), rec, "AF", &values.data, &values.capacity);
            if (n <= 0) continue;
            for_each_snv_allele(rec, [&](int i, uint8_t alt) {
                if (i - 1 < n && !bcf_float_is_missing(values.data[i - 1])) af[{rec->pos, alt}] = values.data[i - 1];
            });
        }
        for (auto& c : calls) {
            auto it = af.find({c.pos, c.alt});
            if (it != af.end()) c.context.population_af = it->second;
        }
    }
    if (panel_) {
        panel_->fetch(region);
        std::set<std::pair<int64_t, uint8_t>> seen;
        while (panel_->next(rec)) for_each_snv_allele(rec, [&](int, uint8_t alt) { seen.insert({rec->pos, alt}); });
        for (auto& c : calls) c.context.in_panel_of_normals = seen.count({c.pos, c.alt}) > 0;
    }
}

Interval ChunkCaller::padded_interval(const Interval& chunk, int64_t pad) const {
    const Contig* contig = reference_.contigs().find(chunk.contig);
    return {chunk.contig, std::max<int64_t>(0, chunk.beg - pad),
            std::min<int64_t>(contig ? contig->length : chunk.end, chunk.end + pad)};
}

ChunkCalls ChunkCaller::call(const Interval& chunk) { return weigh(collect(chunk), options_); }

ChunkEvidence ChunkCaller::collect(const Interval& chunk) {
    ChunkEvidence out;
    out.chunk = chunk;
    // Candidates within the cluster window beyond the chunk are evaluated too,
    // so that the Clustered filter does not depend on where chunks end, and
    // a little further, so that an MNV is merged the same way by every
    // chunk that sees it (mnv_merge.hpp).
    const Interval padded = padded_interval(chunk, evidence_padding(options_.filters));
    tumour_reads_.clear();
    normal_reads_.clear();
    tumour_.fetch(padded, options_.read_filter, tumour_reads_);
    if (normal_) normal_->fetch(padded, options_.read_filter, normal_reads_);  // else: a sample of no reads
    const std::string ref = reference_.fetch(padded);
    const ReadBatch* samples[] = {&tumour_reads_, &normal_reads_};
    pileup_.count(padded, samples, options_.pileup);
    const auto forced = forced_sites(chunk);

    struct Candidate {
        int64_t pos;
        uint8_t ref;
        AltChoice tumour_alts;
        uint8_t alt;
        bool forced;
    };
    std::vector<Candidate> candidates;
    std::vector<int64_t> sites;
    const bool counting_depth = options_.count_callable || options_.typical_depth_per_chunk;
    const bool tumour_only = !normal_;
    for (int64_t pos = padded.beg; pos < padded.end; ++pos) {
        const uint8_t rb = base_code(ref[static_cast<size_t>(pos - padded.beg)]);
        if (rb == kBaseN) continue;
        if ((counting_depth || options_.callable_runs) && chunk.contains(pos)) {
            const uint32_t tumour_depth = pileup_.counts(0, pos).total();
            const uint32_t normal_depth = pileup_.counts(1, pos).total();
            // LowDepth's minimums; the tumour's alone in tumour-only mode.
            const bool callable = tumour_depth >= options_.filters.min_tumour_depth &&
                                  (tumour_only || normal_depth >= options_.filters.min_normal_depth);
            if (counting_depth) {
                out.normal_depth.add(tumour_only ? tumour_depth : normal_depth);
                out.callable_sites += callable;
                if (options_.count_callable && !tumour_only) {
                    keep_genotype_site(pileup_.counts(0, pos), pileup_.counts(1, pos), rb, out);
                }
            }
            if (options_.callable_runs && callable) extend_runs(out.callable, chunk.contig, pos);
        }
        const AltChoice t = rank_alts(pileup_.counts(0, pos), rb);
        auto f = forced.find(pos);
        const bool is_forced = f != forced.end();
        bool wanted = t.top_count >= options_.min_alt_reads || is_forced;
        uint8_t alt = t.top;
        if (!wanted && options_.germline_hets && chunk.contains(pos)) {
            const AltChoice n = rank_alts(pileup_.counts(1, pos), rb);
            if (n.top_count >= 2) {
                wanted = true;
                alt = n.top;
            }
        }
        if (!wanted) continue;
        if (is_forced) alt = f->second;
        if (alt == kBaseN) alt = static_cast<uint8_t>((rb + 1) % 4);  // forced site with no reads at all
        candidates.push_back({pos, rb, t, alt, is_forced});
        sites.push_back(pos);
    }
    pileup_.collect(sites);

    for (size_t k = 0; k < candidates.size(); ++k) {
        const Candidate& cand = candidates[k];
        SnvCall c;
        c.pos = cand.pos;
        c.ref = cand.ref;
        c.alt = cand.alt;
        c.forced = cand.forced;
        c.tumour = summarise(pileup_.observations(0, k), c.ref, c.alt, options_.filters.min_end_distance);
        c.normal = summarise(pileup_.observations(1, k), c.ref, c.alt, options_.filters.min_end_distance);
        if (options_.germline_hets && chunk.contains(c.pos) && c.normal.depth >= options_.het_min_depth) {
            const double f = c.normal.alt_fraction();
            if (f >= options_.het_min_fraction && f <= options_.het_max_fraction) {
                out.hets.push_back({c.pos, c.ref, c.alt, c.tumour.ref, c.tumour.alt, c.normal.ref, c.normal.alt});
            }
        }
        if (c.tumour.alt < options_.min_alt_reads && !c.forced) continue;
        c.context.second_alt = has_second_alt(cand.tumour_alts);
        out.candidates.push_back(std::move(c));
    }
    out.phase_runs = gather_phase_runs(out.candidates, pileup_);
    if (options_.call_indels) collect_indels_of(chunk, padded, out);
    return out;
}

ChunkCalls ChunkCaller::weigh(ChunkEvidence evidence, const CallerOptions& options) {
    ChunkCalls out;
    out.hets = std::move(evidence.hets);
    out.callable_sites = evidence.callable_sites;
    out.normal_depth = std::move(evidence.normal_depth);
    out.genotype_sites = std::move(evidence.genotype_sites);
    out.callable = std::move(evidence.callable);
    const Interval& chunk = evidence.chunk;
    std::vector<SnvCall> calls;  // over the padded region, in position order
    calls.reserve(evidence.candidates.size());
    // The population allele frequencies first: the tumour-only model weighs them.
    annotate_resources(padded_interval(chunk, evidence_padding(options.filters)), evidence.candidates);
    for (auto& c : evidence.candidates) {
        c.posterior = options.tumour_only
                          ? tumour_only_posterior(c.tumour.evidence, c.context.population_af, options.priors)
                          : somatic_posterior(c.tumour.evidence, c.normal.evidence, options.priors);
        if (c.posterior.qss < options.min_report_qss && !c.forced) continue;
        calls.push_back(std::move(c));
    }
    if (options.merge_mnvs) merge_in_phase_substitutions(calls, evidence.phase_runs, options);

    // Clustered events: other likely somatic events within the window. What
    // counts as an event is fixed (kClusterEventQss), so that reporting
    // options do not change which calls pass.
    std::vector<int64_t> events;
    for (const auto& c : calls) {
        if (is_cluster_event(c, options.filters)) events.push_back(c.pos);
    }
    const int64_t window = options.filters.cluster_window;
    for (auto& c : calls) {
        const auto lo = std::lower_bound(events.begin(), events.end(), c.pos - window);
        const auto hi = std::upper_bound(events.begin(), events.end(), c.pos + window);
        const bool self = is_cluster_event(c, options.filters);
        c.context.nearby_events = static_cast<int>(hi - lo) - (self ? 1 : 0);
    }
    std::erase_if(calls, [&](const SnvCall& c) { return !chunk.contains(c.pos); });

    const double typical_depth = options.typical_depth_per_chunk && out.normal_depth.covered_positions() > 0
                                     ? out.normal_depth.typical_depth()
                                     : options.normal_typical_depth;
    for (auto& c : calls) {
        c.context.normal_typical_depth = typical_depth;
        c.context.tumour_only = options.tumour_only;
        c.context.germline_probability = c.posterior.germline_probability;
        c.audit = audit(c.tumour, c.normal, options.filters);
        c.audit.orientation_artefact_probability =
            one_sided_probability(c, orientation_split, options.orientation_artefacts);
        c.audit.strand_artefact_probability = one_sided_probability(c, strand_split, options.strand_artefacts);
        c.filters = apply_filters(c.posterior.qss, c.tumour, c.normal, c.audit, c.context, options.filters);
    }
    out.calls = std::move(calls);
    if (options.call_indels) {
        const Interval padded = padded_interval(chunk, options.filters.cluster_window);
        out.indels = weigh_indels(std::move(evidence.indels), chunk, events, options, typical_depth,
                                  [&](std::vector<IndelCall>& c) { annotate_indel_resources(padded, c); });
        out.indel_errors = evidence.indel_errors;
    }
    return out;
}

}  // namespace somatic::snv
