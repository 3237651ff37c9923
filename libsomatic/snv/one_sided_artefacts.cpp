#include "libsomatic/snv/one_sided_artefacts.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/core/bases.hpp"
#include "libsomatic/snv/likelihood.hpp"
#include "libsomatic/stats/log_gamma.hpp"

namespace somatic::snv {

namespace {
constexpr uint8_t kC = 1, kT = 3;

// Index of a pyrimidine-reference substitution: C>A C>G C>T T>A T>C T>G.
int substitution_index(uint8_t ref, uint8_t alt) {
    int rank = 0;  // alt's rank among the three bases that are not ref
    for (uint8_t b = 0; b < alt; ++b) rank += b != ref;
    return (ref == kC ? 0 : 3) + rank;
}
}  // namespace

FoldedCounts fold(const SplitCounts& c) {
    FoldedCounts f;
    if (c.ref == kC || c.ref == kT) {
        f = {substitution_index(c.ref, c.alt), c.ref_side1, c.ref_side2, c.alt_side1, c.alt_side2};
    } else {
        // On the other strand the sides swap: F1R2 becomes F2R1, forward
        // becomes reverse.
        f = {substitution_index(complement_code(c.ref), complement_code(c.alt)), c.ref_side2, c.ref_side1,
             c.alt_side2, c.alt_side1};
    }
    return f;
}

std::string artefact_type_name(int type, const char* side1, const char* side2) {
    static const char* substitutions[] = {"C>A", "C>G", "C>T", "T>A", "T>C", "T>G"};
    return std::string(substitutions[type / 2]) + '/' + (type % 2 == 0 ? side1 : side2);
}

ArtefactRates ArtefactRates::uniform(double r) {
    ArtefactRates rates;
    rates.rate.fill(r);
    return rates;
}

namespace {
double log10_beta(double a, double b) { return stats::log_beta(a, b) / std::log(10.0); }
}  // namespace

SplitLikelihoods split_likelihoods(const FoldedCounts& c, const ArtefactModel& model) {
    const double a1 = c.alt_side1, a2 = c.alt_side2;
    // A real mutation's alt reads split like its ref reads, whose share on
    // side 1 is known only as far as the ref reads tell: Beta(ref1 + 1,
    // ref2 + 1), widened to at most real_concentration pseudo-reads for the
    // site-to-site wobble beyond sampling. The alt split is then
    // beta-binomial.
    double alpha = c.ref_side1 + 1.0, beta = c.ref_side2 + 1.0;
    if (alpha + beta > model.real_concentration) {
        const double scale = model.real_concentration / (alpha + beta);
        alpha *= scale;
        beta *= scale;
    }
    return {a1 * std::log10(1 - model.leak) + a2 * std::log10(model.leak),
            a1 * std::log10(model.leak) + a2 * std::log10(1 - model.leak),
            log10_beta(alpha + a1, beta + a2) - log10_beta(alpha, beta)};
}

namespace {
// Posterior probabilities of (artefact o1, artefact o2) for one site.
std::array<double, 2> responsibilities(const FoldedCounts& f, const ArtefactRates& rates,
                                       const ArtefactModel& model) {
    const auto l = split_likelihoods(f, model);
    const double r1 = rates.rate[2 * f.substitution], r2 = rates.rate[2 * f.substitution + 1];
    const double w1 = std::log10(r1) + l.log10_artefact_side1;
    const double w2 = std::log10(r2) + l.log10_artefact_side2;
    const double w0 = std::log10(std::max(1 - r1 - r2, 1e-300)) + l.log10_real;
    const double total = log10_sum(log10_sum(w0, w1), w2);
    return {std::pow(10.0, w1 - total), std::pow(10.0, w2 - total)};
}
}  // namespace

double one_sided_artefact_probability(const SplitCounts& c, const ArtefactRates& rates,
                                        const ArtefactModel& model) {
    if (c.alt == c.ref || c.ref >= 4 || c.alt >= 4) return 0;
    const auto r = responsibilities(fold(c), rates, model);
    return r[0] + r[1];
}

ArtefactRates estimate_artefact_rates(const std::vector<SplitCounts>& candidates,
                                                    const ArtefactModel& model) {
    std::vector<FoldedCounts> folded;
    for (const auto& c : candidates) {
        if (c.alt != c.ref && c.ref < 4 && c.alt < 4) folded.push_back(fold(c));
    }
    std::array<double, 6> sites{};
    for (const auto& f : folded) sites[f.substitution] += 1;
    auto rates = ArtefactRates::uniform(model.pseudo_artefacts / model.pseudo_sites);
    for (int iteration = 0; iteration < 500; ++iteration) {
        std::array<double, kOneSidedArtefactTypes> expected{};
        for (const auto& f : folded) {
            const auto r = responsibilities(f, rates, model);
            expected[2 * f.substitution] += r[0];
            expected[2 * f.substitution + 1] += r[1];
        }
        double change = 0;
        for (int t = 0; t < kOneSidedArtefactTypes; ++t) {
            const double next = std::min((expected[t] + model.pseudo_artefacts) / (sites[t / 2] + model.pseudo_sites),
                                         model.highest_rate);
            change = std::max(change, std::abs(next - rates.rate[t]) / rates.rate[t]);
            rates.rate[t] = next;
        }
        if (change <= 1e-6) break;
    }
    // The evidence gate, one type at a time against the floor.
    const double floor = model.pseudo_artefacts / model.pseudo_sites;
    const auto log10_likelihood = [&](const ArtefactRates& r, int substitution) {
        double sum = 0;
        for (const auto& f : folded) {
            if (f.substitution != substitution) continue;
            const auto l = split_likelihoods(f, model);
            const double r1 = r.rate[2 * substitution], r2 = r.rate[2 * substitution + 1];
            sum += log10_sum(log10_sum(std::log10(1 - r1 - r2) + l.log10_real, std::log10(r1) + l.log10_artefact_side1),
                             std::log10(r2) + l.log10_artefact_side2);
        }
        return sum;
    };
    auto gated = rates;
    for (int t = 0; t < kOneSidedArtefactTypes; ++t) {
        auto without = rates;
        without.rate[t] = floor;
        if (log10_likelihood(rates, t / 2) - log10_likelihood(without, t / 2) < model.min_log10_evidence) {
            gated.rate[t] = floor;
        }
    }
    return gated;
}

}  // namespace somatic::snv
