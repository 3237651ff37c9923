#include "libsomatic/snv/mnv_merge.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace somatic;
using namespace somatic::snv;

namespace {
constexpr uint8_t A = 0, C = 1, G = 2, T = 3;

Observation obs(uint32_t fragment, uint8_t base) {
    Observation o;
    o.fragment = fragment;
    o.base = base;
    o.base_quality = 30;
    o.mapping_quality = 60;
    o.distance_to_end = 40;
    o.flags = fragment % 2 ? Observation::reverse_strand : Observation::f1r2;
    return o;
}

SnvCall call(int64_t pos, uint8_t ref, uint8_t alt, double qss) {
    SnvCall c;
    c.pos = pos;
    c.ref = ref;
    c.alt = alt;
    c.posterior.qss = qss;
    c.posterior.germline_phred = qss + 10;
    return c;
}

// A run of `n` sites from `beg`, all C>T: fragments 0..alt_fragments-1 carry
// T at every site (in phase) or, with `split`, at every other site
// alternately (two haplotypes); the next 20 fragments read the reference.
PhaseRun run_of(int64_t beg, size_t n, uint32_t alt_fragments, bool split = false) {
    PhaseRun r;
    r.beg = beg;
    r.ref.assign(n, C);
    r.alt.assign(n, T);
    r.tumour.resize(n);
    r.normal.resize(n);
    for (size_t s = 0; s < n; ++s) {
        for (uint32_t f = 0; f < alt_fragments + 20; ++f) {
            const bool alt = f < alt_fragments && (!split || f % 2 == s % 2);
            r.tumour[s].push_back(obs(f, alt ? T : C));
            r.normal[s].push_back(obs(f, C));
        }
    }
    return r;
}
}  // namespace

TEST_CASE("confident adjacent calls in phase become one MNV record") {
    CallerOptions o;
    std::vector<SnvCall> calls = {call(99, A, G, 50), call(100, C, T, 40), call(101, C, T, 30), call(200, G, A, 50)};
    merge_in_phase_substitutions(calls, {run_of(100, 2, 12)}, o);
    REQUIRE(calls.size() == 3);
    const SnvCall& m = calls[1];
    CHECK(m.is_mnv());
    CHECK(m.pos == 100);
    CHECK(ref_allele(m) == "CC");
    CHECK(alt_allele(m) == "TT");
    // The weakest base's QSS; AD counts whole haplotypes: 12 alt, 20 ref.
    CHECK(m.posterior.qss == 30);
    CHECK(m.posterior.germline_phred == 40);
    CHECK(m.tumour.alt == 12);
    CHECK(m.tumour.ref == 20);
    CHECK(m.tumour.depth == 32);
    CHECK(m.phase.full == 12);
    CHECK(m.phase.partial == 0);
    CHECK(calls[0].pos == 99);
    CHECK(calls[2].pos == 200);
}

TEST_CASE("adjacent calls stay separate when not in phase, doubtful, forced or merging is off") {
    CallerOptions o;
    auto merged = [&](std::vector<SnvCall> calls, const PhaseRun& run) {
        merge_in_phase_substitutions(calls, {run}, o);
        return calls.size() == 1;
    };
    const std::vector<SnvCall> pair = {call(100, C, T, 40), call(101, C, T, 40)};
    CHECK(merged(pair, run_of(100, 2, 12)));
    CHECK_FALSE(merged(pair, run_of(100, 2, 24, true)));  // on different fragments
    std::vector<SnvCall> doubtful = pair;
    doubtful[1].posterior.qss = o.filters.min_qss - 1;  // one base not called on its own
    CHECK_FALSE(merged(doubtful, run_of(100, 2, 12)));
    std::vector<SnvCall> forced = pair;
    forced[0].forced = true;
    CHECK_FALSE(merged(forced, run_of(100, 2, 12)));
}

TEST_CASE("a chain longer than the longest MNV stays single SNVs; one at the limit merges") {
    CallerOptions o;
    for (size_t n : {static_cast<size_t>(kMaxMnvLength), static_cast<size_t>(kMaxMnvLength) + 1}) {
        std::vector<SnvCall> calls;
        for (size_t i = 0; i < n; ++i) calls.push_back(call(static_cast<int64_t>(500 + i), C, T, 40));
        merge_in_phase_substitutions(calls, {run_of(500, n, 10)}, o);
        CHECK(calls.size() == (n == static_cast<size_t>(kMaxMnvLength) ? 1 : n));
    }
}

TEST_CASE("an MNV's one-sided artefact probability is its most artefact-prone base's") {
    ArtefactRates rates = ArtefactRates::uniform(1e-4);
    std::vector<SnvCall> calls = {call(100, C, T, 40), call(101, G, T, 40)};
    // Every fragment F1R2 so the split is one-sided.
    PhaseRun run = run_of(100, 2, 12);
    for (auto& site : run.tumour) {
        for (auto& ob : site) ob.flags = Observation::f1r2;
    }
    run.ref = {C, G};
    for (auto& ob : run.tumour[1]) ob.base = ob.base == C ? G : ob.base;
    merge_in_phase_substitutions(calls, {run}, CallerOptions{});
    REQUIRE(calls.size() == 1);
    const SnvCall& m = calls[0];
    const double c_to_t = one_sided_artefact_probability({C, T, m.tumour.ref_f1r2, m.tumour.ref_f2r1,
                                                          m.tumour.alt_f1r2, m.tumour.alt_f2r1},
                                                         rates);
    ArtefactRates g_prone = rates;
    SplitCounts g{G, T, m.tumour.ref_f1r2, m.tumour.ref_f2r1, m.tumour.alt_f1r2, m.tumour.alt_f2r1};
    const int folded = fold(g).substitution;  // G>T folds to C>A, 8-oxoG's substitution
    g_prone.rate[2 * folded] = g_prone.rate[2 * folded + 1] = 0.3;
    const double g_to_t = one_sided_artefact_probability(g, g_prone);
    CHECK(one_sided_probability(m, orientation_split, rates) == doctest::Approx(c_to_t));
    CHECK(g_to_t > c_to_t);
    CHECK(one_sided_probability(m, orientation_split, g_prone) == doctest::Approx(g_to_t));
}
