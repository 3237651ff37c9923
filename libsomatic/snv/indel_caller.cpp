#include "libsomatic/snv/indel_caller.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/pileup/pileup.hpp"
#include "libsomatic/snv/caller.hpp"

namespace somatic::snv {

namespace {
// Candidates this close compete for the same reads (score_reads' `others`).
constexpr int64_t kNearbyCandidate = 2 * kScoredFlank + kMaxIndelLength;
}  // namespace

std::vector<IndelEvidence> collect_indels(const ReadBatch& tumour, const ReadBatch& normal, const RefWindow& ref,
                                          const Interval& region, uint32_t min_alt_reads,
                                          const std::vector<IndelAllele>& forced) {
    std::vector<IndelAllele> alleles;
    for (auto& c : indel_candidates(tumour, ref, region, min_alt_reads)) alleles.push_back(std::move(c.allele));
    for (const auto& f : forced) {
        if (region.contains(f.pos)) alleles.push_back(f);
    }
    std::sort(alleles.begin(), alleles.end());
    alleles.erase(std::unique(alleles.begin(), alleles.end()), alleles.end());
    std::vector<IndelEvidence> out;
    out.reserve(alleles.size());
    for (size_t i = 0; i < alleles.size(); ++i) {
        const IndelAllele& a = alleles[i];
        // The candidates whose scored stretch may overlap this one's.
        std::vector<const IndelAllele*> others;
        size_t j = i;
        while (j > 0 && alleles[j - 1].pos >= a.pos - kNearbyCandidate) --j;  // sorted by position
        for (; j < alleles.size() && alleles[j].pos <= a.pos + kNearbyCandidate; ++j) {
            if (j != i) others.push_back(&alleles[j]);
        }
        IndelEvidence e;
        e.forced = std::binary_search(forced.begin(), forced.end(), a);
        const int64_t after = a.pos + 1;
        if (after >= ref.end()) continue;
        e.repeat = repeat_context(ref.bases.substr(static_cast<size_t>(after - ref.beg)), a.changed(), a.is_insertion());
        const int64_t context_end =
            after + static_cast<int64_t>(e.repeat.unit.size()) * std::max(e.repeat.ref_count, e.repeat.alt_count);
        e.tumour = score_reads(tumour, a, ref, context_end, others);
        e.normal = score_reads(normal, a, ref, context_end, others);
        e.allele = a;
        out.push_back(std::move(e));
    }
    return out;
}

SampleSiteStats indel_site_stats(const std::vector<ReadSupport>& reads, double noise, double near_end_distance) {
    SiteTally tally(near_end_distance);
    for (const ReadSupport& r : reads) {
        const bool is_alt = r.log10_ratio >= kMinLog10Ratio;
        const bool is_ref = r.log10_ratio <= -kMinLog10Ratio;
        if (!is_alt && !is_ref) continue;  // tells the haplotypes apart too little
        const double misassigned = 1 / (1 + std::pow(10.0, std::abs(static_cast<double>(r.log10_ratio))));
        // likelihood.hpp's P(alt | reference DNA) is error / 3.
        const double e_read = std::min(0.75, 3 * (noise + misassigned));
        const double e_mq = std::pow(10.0, -r.mapping_quality / 10.0);
        // Rounded to a tenth of a Phred so that reads share groups.
        const double e = 1 - (1 - e_read) * (1 - e_mq);
        const double phred = std::round(-10 * std::log10(e) * 10) / 10;
        tally.add(is_alt, std::pow(10.0, -phred / 10), r.flags & Observation::reverse_strand,
                  r.flags & Observation::f1r2, r.mapping_quality, r.end_distance);
    }
    SampleSiteStats s = tally.finish();
    s.depth = s.ref + s.alt;
    return s;
}

ModelPriors indel_priors(const ModelPriors& snv) {
    ModelPriors p = snv;
    p.somatic *= kIndelPriorScale;
    p.germline_het *= kIndelPriorScale;
    p.germline_hom *= kIndelPriorScale;
    p.shared *= kIndelPriorScale;
    return p;
}


namespace {

// A likely somatic event, for the Clustered filter (caller.cpp's rule).
bool is_event(const IndelCall& c) { return c.posterior.qss >= 10 && c.posterior.germline_probability <= 0.5; }

// The normal carries this indel as a germline variant would (the tumour in
// tumour-only mode, where the model's germline probability decides).
bool looks_germline(const IndelCall& c, const FilterThresholds& t) {
    if (c.context.tumour_only) return c.posterior.germline_probability > 0.5;
    return c.normal.alt >= 2 && c.normal.alt_fraction() >= t.min_germline_indel_fraction;
}

}  // namespace

std::vector<IndelCall> weigh_indels(std::vector<IndelEvidence> evidence, const Interval& chunk,
                                    const std::vector<int64_t>& snv_events, const CallerOptions& options,
                                    double typical_depth,
                                    const std::function<void(std::vector<IndelCall>&)>& annotate) {
    const FilterThresholds& t = options.filters;
    std::vector<IndelCall> calls;
    for (auto& e : evidence) {
        IndelCall c;
        c.noise = options.indel_errors.of(e.repeat);
        c.tumour = indel_site_stats(e.tumour, c.noise, t.min_end_distance);
        if (c.tumour.alt < options.min_alt_reads && !e.forced) continue;
        c.normal = indel_site_stats(e.normal, c.noise, t.min_end_distance);
        c.allele = std::move(e.allele);
        c.repeat = std::move(e.repeat);
        c.forced = e.forced;
        calls.push_back(std::move(c));
    }
    annotate(calls);
    const ModelPriors priors = indel_priors(options.priors);
    // Germline indels are read off every scored candidate, before the
    // report threshold drops them: a germline indel has a QSS near 0, so
    // among the kept calls it would only be there when forced.
    std::vector<int64_t> germline;
    std::vector<IndelCall> kept;
    for (auto& c : calls) {
        c.posterior = options.tumour_only ? tumour_only_posterior(c.tumour.evidence, c.context.population_af, priors)
                                          : somatic_posterior(c.tumour.evidence, c.normal.evidence, priors);
        c.context.tumour_only = options.tumour_only;
        if (looks_germline(c, t)) germline.push_back(c.allele.pos);
        if (c.posterior.qss < options.min_report_qss && !c.forced) continue;
        kept.push_back(std::move(c));
    }
    std::vector<int64_t> events = snv_events;
    for (const auto& c : kept) {
        if (is_event(c)) events.push_back(c.allele.pos);
    }
    std::sort(events.begin(), events.end());
    const int64_t window = t.cluster_window;
    for (auto& c : kept) {
        const int64_t p = c.allele.pos;
        const auto lo = std::lower_bound(events.begin(), events.end(), p - window);
        const auto hi = std::upper_bound(events.begin(), events.end(), p + window);
        c.context.nearby_events = static_cast<int>(hi - lo) - (is_event(c) ? 1 : 0);
        const bool self_germline = looks_germline(c, t);
        int near = 0;
        for (int64_t g : germline) near += std::abs(g - p) <= t.germline_indel_window;
        c.context.nearby_germline_indel = near - (self_germline ? 1 : 0) > 0;
    }
    std::erase_if(kept, [&](const IndelCall& c) { return !chunk.contains(c.allele.pos); });
    for (auto& c : kept) {
        c.context.normal_typical_depth = typical_depth;
        c.context.germline_probability = c.posterior.germline_probability;
        c.audit = audit(c.tumour, c.normal, t);
        c.filters = apply_filters(c.posterior.qss, c.tumour, c.normal, c.audit, c.context, t);
        if (c.repeat.unit_length_in_repeat() > 0 && c.tumour.alt_fraction() < t.min_slippage_ratio * c.noise) {
            c.filters.push_back("RepeatSlippage");
        }
        if (c.context.nearby_germline_indel) c.filters.push_back("NearbyGermlineIndel");
    }
    return kept;
}

}  // namespace somatic::snv
