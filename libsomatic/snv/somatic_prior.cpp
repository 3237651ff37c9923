#include "libsomatic/snv/somatic_prior.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <memory>

#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/snv/targets.hpp"

namespace somatic::snv {

Priors estimate_priors(const std::vector<PriorEvidence>& candidates, uint64_t callable_sites,
                       const PriorBounds& somatic_bounds, const PriorBounds& shared_bounds, Priors start) {
    double pi = std::clamp(start.somatic, somatic_bounds.lowest, somatic_bounds.highest);
    double pi_s = std::clamp(start.shared, shared_bounds.lowest, shared_bounds.highest);
    const double sites = static_cast<double>(callable_sites);
    for (int iteration = 0; iteration < 500; ++iteration) {
        double expected_somatic = somatic_bounds.pseudo_somatic;
        double expected_shared = shared_bounds.pseudo_somatic;
        for (const auto& c : candidates) {
            // P(somatic) = pi L_som / (pi L_som + pi_s L_shared + N), in log10
            // relative to N to keep tiny terms.
            const double som = std::pow(10.0, std::log10(pi) + c.log10_somatic_likelihood - c.log10_not_somatic);
            const double sh = std::pow(10.0, std::log10(pi_s) + c.log10_shared_likelihood - c.log10_not_somatic);
            const double total = 1.0 + som + sh;
            if (!std::isfinite(total)) {  // one term beyond double range: it takes the whole site
                (som >= sh ? expected_somatic : expected_shared) += 1.0;
                continue;
            }
            expected_somatic += som / total;
            expected_shared += sh / total;
        }
        const double next = std::clamp(expected_somatic / (sites + somatic_bounds.pseudo_sites),
                                       somatic_bounds.lowest, somatic_bounds.highest);
        const double next_s = std::clamp(expected_shared / (sites + shared_bounds.pseudo_sites),
                                         shared_bounds.lowest, shared_bounds.highest);
        const bool converged = std::abs(next - pi) <= 1e-4 * pi && std::abs(next_s - pi_s) <= 1e-4 * pi_s;
        pi = next;
        pi_s = next_s;
        if (converged) break;
    }
    return {pi, pi_s};
}

double estimate_somatic_prior(const std::vector<PriorEvidence>& candidates, uint64_t callable_sites,
                              const PriorBounds& bounds, double start) {
    // With no shared likelihood, the shared share stays at its floor and
    // takes nothing from pi.
    std::vector<PriorEvidence> somatic_only = candidates;
    for (auto& c : somatic_only) c.log10_shared_likelihood = -std::numeric_limits<double>::infinity();
    return estimate_priors(somatic_only, callable_sites, bounds, kSharedPriorBounds, {start, 0}).somatic;
}

std::vector<Interval> prior_sample_chunks(const std::vector<Interval>& contigs, int64_t size, size_t count) {
    const auto all = make_chunks(contigs, size);
    if (all.size() <= count) return all;
    std::vector<Interval> picked;
    picked.reserve(count);
    // Evenly spaced, centred in their strata; the same for the same genome.
    for (size_t i = 0; i < count; ++i) picked.push_back(all[(2 * i + 1) * all.size() / (2 * count)]);
    return picked;
}

std::vector<Interval> model_sample_chunks(const std::vector<Interval>& contigs, const std::vector<Interval>& targets,
                                          int64_t size, size_t count) {
    if (targets.empty()) return prior_sample_chunks(contigs, size, count);
    return make_chunks(target_sample(targets, size * static_cast<int64_t>(count)), size);
}

bool prior_sample_is_everything(const std::vector<Interval>& contigs, const std::vector<Interval>& sample) {
    return sample == make_chunks(contigs, kPriorSampleChunkSize);
}

namespace {
bool fails_only(const SnvCall& c, std::initializer_list<const char*> filters) {
    return std::all_of(c.filters.begin(), c.filters.end(), [&](const char* f) {
        return std::any_of(filters.begin(), filters.end(), [&](const char* g) { return std::strcmp(f, g) == 0; });
    });
}
}  // namespace

PriorEstimate estimate_prior_on_sample(const CallerInputs& inputs, const CallerOptions& options,
                                       const std::vector<Interval>& sample, int threads,
                                       std::vector<ChunkEvidence>* kept) {
    CallerOptions everything = options;
    everything.min_report_qss = 0;
    everything.germline_hets = kept ? options.germline_hets : false;  // hets are only wanted for reuse
    everything.count_callable = true;
    // The prior and the artefact rates are per base: each base of an MNV
    // counts (the kept evidence is merged when weighed again for the calls).
    everything.merge_mnvs = false;
    struct Sampled {
        ChunkCalls calls;
        ChunkEvidence evidence;  // with `kept` only
    };
    // The prior's candidates keep their splits: those the learned rates make
    // artefacts are left out once the rates are known.
    struct PriorCandidate {
        PriorEvidence evidence;
        SplitCounts orientation, strand;
    };
    std::vector<PriorCandidate> prior_candidates;
    std::vector<SplitCounts> orientation, strand;
    PriorEstimate estimate;
    PerThread<std::unique_ptr<ChunkCaller>> callers;
    run_in_order<Sampled>(
        sample, {threads, 0},
        [&](const Interval& chunk) {
            auto& caller = callers.local();
            if (!caller) caller = std::make_unique<ChunkCaller>(inputs, everything);
            Sampled s;
            s.evidence = caller->collect(chunk);
            s.calls = kept ? caller->weigh(s.evidence, everything) : caller->weigh(std::move(s.evidence), everything);
            return s;
        },
        [&](Sampled&& sampled, const Interval&) {
            if (kept) kept->push_back(std::move(sampled.evidence));
            const ChunkCalls& result = sampled.calls;
            estimate.callable_sites += result.callable_sites;
            estimate.normal_depth.merge(result.normal_depth);
            estimate.indel_errors.merge(result.indel_errors);
            estimate.genotype_sites.insert(estimate.genotype_sites.end(), result.genotype_sites.begin(),
                                           result.genotype_sites.end());
            for (const auto& c : result.calls) {
                // A site of the panel of normals is a recurrent artefact, as
                // much evidence of the one-sided rates as any other: left
                // out, a panel would lower the learned rates and let through
                // the artefacts it lacks.
                if (!c.forced && c.tumour.alt >= 3 && c.posterior.qss >= options.filters.min_qss &&
                    fails_only(c, {"OrientationBias", "StrandBias", "PanelOfNormals"})) {
                    orientation.push_back(orientation_split(c));
                    strand.push_back(strand_split(c));
                }
                // Germline (tumour-only mode) is the model's own judgement,
                // which the EM weighs, not an artefact: leaving such sites
                // out would take the clonal SNVs that look like hets out of
                // the estimate, and a lower prior would then filter more.
                if (c.forced || c.tumour.alt < options.min_alt_reads || !fails_only(c, {"LowQSS", "Germline"})) {
                    continue;
                }
                const auto& p = c.posterior;
                PriorEvidence e{p.log10_somatic - std::log10(options.priors.somatic),
                                log10_sum(p.log10_reference, p.log10_germline)};
                if (options.estimate_shared_prior) {
                    e.log10_shared_likelihood = p.log10_shared - std::log10(options.priors.shared);
                } else {
                    e.log10_not_somatic = log10_sum(e.log10_not_somatic, p.log10_shared);
                }
                prior_candidates.push_back({e, orientation_split(c), strand_split(c)});
            }
        });
    estimate.normal_typical_depth = estimate.normal_depth.typical_depth();
    estimate.artefact_candidates = orientation.size();
    estimate.orientation = estimate_artefact_rates(orientation);
    estimate.strand = estimate_artefact_rates(strand);
    std::vector<PriorEvidence> evidence;
    for (const auto& c : prior_candidates) {
        if (one_sided_artefact_probability(c.orientation, estimate.orientation) > 0.5 ||
            one_sided_artefact_probability(c.strand, estimate.strand) > 0.5) {
            continue;
        }
        evidence.push_back(c.evidence);
    }
    estimate.candidates = evidence.size();
    const Priors priors = estimate_priors(evidence, estimate.callable_sites, PriorBounds{}, kSharedPriorBounds,
                                          {options.priors.somatic, options.priors.shared});
    estimate.prior = priors.somatic;
    estimate.shared_prior = options.estimate_shared_prior ? priors.shared : options.priors.shared;
    return estimate;
}

double normal_typical_depth(PriorEstimate& estimate, const CallerInputs& inputs, const CallerOptions& options,
                            const std::vector<Interval>& space, int threads) {
    if (estimate.normal_depth.covered_positions() >= kMinCoveredPositions) return estimate.normal_typical_depth;
    CallerOptions counting = options;
    counting.germline_hets = false;
    counting.count_callable = true;
    // Only depths and genotype sites are kept: the indel candidates and the
    // error counts over the whole genome would be work thrown away.
    counting.call_indels = false;
    struct Counted {
        DepthHistogram depth;
        std::vector<GenotypeSite> sites;
    };
    DepthHistogram depth;
    std::vector<GenotypeSite> sites;
    PerThread<std::unique_ptr<ChunkCaller>> callers;
    run_in_order<Counted>(
        make_chunks(space, kPriorSampleChunkSize), {threads, 0},
        [&](const Interval& chunk) {
            auto& caller = callers.local();
            if (!caller) caller = std::make_unique<ChunkCaller>(inputs, counting);
            auto evidence = caller->collect(chunk);
            return Counted{std::move(evidence.normal_depth), std::move(evidence.genotype_sites)};
        },
        [&](Counted&& c, const Interval&) {
            depth.merge(c.depth);
            sites.insert(sites.end(), c.sites.begin(), c.sites.end());
        });
    // The sample's germline sites are a part of these: the identity check
    // weighs them all, as the sample missed the data.
    estimate.genotype_sites = std::move(sites);
    return depth.typical_depth();
}

}  // namespace somatic::snv
