#include "libsomatic/snv/mnv_merge.hpp"

#include <algorithm>
#include <optional>
#include <span>

#include "libsomatic/core/bases.hpp"

namespace somatic::snv {

std::vector<PhaseRun> gather_phase_runs(const std::vector<SnvCall>& candidates, const ChunkPileup& pileup) {
    std::vector<PhaseRun> runs;
    const auto& sites = pileup.sites();
    auto observations_at = [&](size_t sample, int64_t pos) {
        const auto it = std::lower_bound(sites.begin(), sites.end(), pos);
        std::vector<Observation> obs;
        if (it == sites.end() || *it != pos || sample >= pileup.sample_count()) return obs;
        const auto span = pileup.observations(sample, static_cast<size_t>(it - sites.begin()));
        obs.assign(span.begin(), span.end());
        // The pileup gathers them fragment by fragment; said here, not assumed.
        std::stable_sort(obs.begin(), obs.end(),
                         [](const Observation& a, const Observation& b) { return a.fragment < b.fragment; });
        return obs;
    };
    for (size_t i = 0; i < candidates.size();) {
        size_t j = i + 1;
        while (j < candidates.size() && candidates[j].pos == candidates[j - 1].pos + 1) ++j;
        if (j - i >= 2) {
            PhaseRun run;
            run.beg = candidates[i].pos;
            for (size_t k = i; k < j; ++k) {
                run.ref.push_back(candidates[k].ref);
                run.alt.push_back(candidates[k].alt);
                run.tumour.push_back(observations_at(0, candidates[k].pos));
                run.normal.push_back(observations_at(1, candidates[k].pos));
            }
            runs.push_back(std::move(run));
        }
        i = j;
    }
    return runs;
}

namespace {

// Sites [i, i + n) of a run, in one sample.
struct Block {
    const PhaseRun& run;
    size_t i, n;

    std::vector<Observation> haplotypes(const std::vector<std::vector<Observation>>& sample) const {
        return fragment_haplotypes(std::span(sample).subspan(i, n), std::span(run.ref).subspan(i, n),
                                   std::span(run.alt).subspan(i, n));
    }
};

// The merged call of a block's single-base calls (in order), or none when the
// whole block is not in phase.
std::optional<SnvCall> merge_block(const Block& block, std::vector<SnvCall>&& bases, const CallerOptions& options) {
    const auto tumour = block.haplotypes(block.run.tumour);
    const PhaseCounts phase = count_phase(tumour);
    if (!in_phase(phase, options.min_alt_reads)) return std::nullopt;
    SnvCall m;
    m.pos = bases.front().pos;
    m.ref = bases.front().ref;
    m.alt = bases.front().alt;
    const double end_distance = options.filters.min_end_distance;
    m.tumour = summarise(tumour, kRefHaplotype, kAltHaplotype, end_distance);
    m.normal = summarise(block.haplotypes(block.run.normal), kRefHaplotype, kAltHaplotype, end_distance);
    const auto weakest = std::min_element(bases.begin(), bases.end(), [](const SnvCall& a, const SnvCall& b) {
        return a.posterior.qss < b.posterior.qss;
    });
    m.posterior = weakest->posterior;
    m.context = weakest->context;
    for (const SnvCall& b : bases) {
        m.posterior.germline_probability = std::max(m.posterior.germline_probability, b.posterior.germline_probability);
        m.posterior.germline_phred = std::min(m.posterior.germline_phred, b.posterior.germline_phred);
        m.context.second_alt = m.context.second_alt || b.context.second_alt;
        m.context.population_af = std::max(m.context.population_af, b.context.population_af);
        m.context.in_panel_of_normals = m.context.in_panel_of_normals || b.context.in_panel_of_normals;
    }
    m.phase = phase;
    m.bases = std::move(bases);
    return m;
}

}  // namespace

void merge_in_phase_substitutions(std::vector<SnvCall>& calls, const std::vector<PhaseRun>& runs,
                                  const CallerOptions& options) {
    if (runs.empty() || calls.size() < 2) return;
    // The call at `pos`, if one was kept (calls are in position order).
    auto index_of = [&](int64_t pos) -> std::optional<size_t> {
        const auto it = std::lower_bound(calls.begin(), calls.end(), pos,
                                         [](const SnvCall& c, int64_t p) { return c.pos < p; });
        if (it == calls.end() || it->pos != pos) return std::nullopt;
        return static_cast<size_t>(it - calls.begin());
    };
    std::vector<std::optional<SnvCall>> merged_at(calls.size());  // by the block's first call
    std::vector<bool> absorbed(calls.size(), false);
    for (const PhaseRun& run : runs) {
        const size_t n = run.ref.size();
        std::vector<std::optional<size_t>> call(n);
        std::vector<bool> confident(n, false);
        for (size_t i = 0; i < n; ++i) {
            call[i] = index_of(run.beg + static_cast<int64_t>(i));
            if (!call[i]) continue;
            const SnvCall& c = calls[*call[i]];
            confident[i] = !c.forced && c.alt == run.alt[i] && c.posterior.qss >= options.filters.min_qss;
        }
        std::vector<bool> linked(n, false);  // linked[i]: sites i and i + 1
        for (size_t i = 0; i + 1 < n; ++i) {
            if (!confident[i] || !confident[i + 1]) continue;
            const Block pair{run, i, 2};
            linked[i] = in_phase(count_phase(pair.haplotypes(run.tumour)), options.min_alt_reads);
        }
        for (size_t i = 0; i + 1 < n;) {
            if (!linked[i]) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j + 1 < n && linked[j]) ++j;  // the chain is sites i..j
            const size_t length = j - i + 1;
            if (length <= static_cast<size_t>(kMaxMnvLength)) {
                std::vector<SnvCall> bases;
                for (size_t k = i; k <= j; ++k) bases.push_back(calls[*call[k]]);
                auto merged = merge_block(Block{run, i, length}, std::move(bases), options);
                if (merged) {
                    merged_at[*call[i]] = std::move(merged);
                    for (size_t k = i; k <= j; ++k) absorbed[*call[k]] = true;
                }
            }
            i = j + 1;
        }
    }
    std::vector<SnvCall> out;
    out.reserve(calls.size());
    for (size_t k = 0; k < calls.size(); ++k) {
        if (merged_at[k]) {
            out.push_back(std::move(*merged_at[k]));
        } else if (!absorbed[k]) {
            out.push_back(std::move(calls[k]));
        }
    }
    calls = std::move(out);
}

double one_sided_probability(const SnvCall& c, SplitCounts (*split)(const SnvCall&), const ArtefactRates& rates) {
    if (!c.is_mnv()) return one_sided_artefact_probability(split(c), rates);
    double highest = 0;
    for (const SnvCall& b : c.bases) {
        SplitCounts s = split(c);
        s.ref = b.ref;
        s.alt = b.alt;
        highest = std::max(highest, one_sided_artefact_probability(s, rates));
    }
    return highest;
}

std::string ref_allele(const SnvCall& c) {
    if (!c.is_mnv()) return std::string(1, base_char(c.ref));
    std::string s;
    for (const SnvCall& b : c.bases) s += base_char(b.ref);
    return s;
}

std::string alt_allele(const SnvCall& c) {
    if (!c.is_mnv()) return std::string(1, base_char(c.alt));
    std::string s;
    for (const SnvCall& b : c.bases) s += base_char(b.alt);
    return s;
}

}  // namespace somatic::snv
