#include "libsomatic/snv/somatic_prior.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <memory>

#include "libsomatic/parallel/region_engine.hpp"

namespace somatic::snv {

double estimate_somatic_prior(const std::vector<PriorEvidence>& candidates, uint64_t callable_sites,
                              const PriorBounds& bounds, double start) {
    double pi = std::clamp(start, bounds.lowest, bounds.highest);
    const double sites = static_cast<double>(callable_sites) + bounds.pseudo_sites;
    for (int iteration = 0; iteration < 200; ++iteration) {
        double expected_somatic = bounds.pseudo_somatic;
        for (const auto& c : candidates) {
            // P(somatic) = pi L_s / (pi L_s + N), in log10 to keep tiny terms.
            const double log_odds = std::log10(pi) + c.log10_somatic_likelihood - c.log10_not_somatic;
            expected_somatic += 1.0 / (1.0 + std::pow(10.0, -log_odds));
        }
        const double next = std::clamp(expected_somatic / sites, bounds.lowest, bounds.highest);
        const bool converged = std::abs(next - pi) <= 1e-4 * pi;
        pi = next;
        if (converged) break;
    }
    return pi;
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
            for (const auto& c : result.calls) {
                if (!c.forced && c.tumour.alt >= 3 && c.posterior.qss >= options.filters.min_qss &&
                    fails_only(c, {"OrientationBias", "StrandBias"})) {
                    orientation.push_back(orientation_split(c));
                    strand.push_back(strand_split(c));
                }
                if (c.forced || c.tumour.alt < options.min_alt_reads || !fails_only(c, {"LowQSS"})) continue;
                const auto& p = c.posterior;
                prior_candidates.push_back(
                    {{p.log10_somatic - std::log10(options.priors.somatic),
                      log10_sum(log10_sum(p.log10_reference, p.log10_germline), p.log10_artefact)},
                     orientation_split(c),
                     strand_split(c)});
            }
        });
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
    estimate.prior = estimate_somatic_prior(evidence, estimate.callable_sites, PriorBounds{}, options.priors.somatic);
    return estimate;
}

}  // namespace somatic::snv
