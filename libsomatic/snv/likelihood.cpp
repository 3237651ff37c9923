#include "libsomatic/snv/likelihood.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace somatic::snv {

void SampleEvidence::add(double error, bool is_alt) {
    for (auto& g : groups) {
        if (g.error == error) {
            (is_alt ? g.alt : g.ref)++;
            return;
        }
    }
    groups.push_back(Group{error, is_alt ? 0u : 1u, is_alt ? 1u : 0u});
}

uint32_t SampleEvidence::ref_count() const {
    uint32_t n = 0;
    for (const auto& g : groups) n += g.ref;
    return n;
}

uint32_t SampleEvidence::alt_count() const {
    uint32_t n = 0;
    for (const auto& g : groups) n += g.alt;
    return n;
}

double log10_likelihood(const SampleEvidence& e, double f) {
    double ll = 0;
    for (const auto& g : e.groups) {
        const double p_alt = f * (1 - g.error) + (1 - f) * g.error / 3;
        const double p_ref = (1 - f) * (1 - g.error) + f * g.error / 3;
        if (g.alt) ll += g.alt * std::log10(p_alt);
        if (g.ref) ll += g.ref * std::log10(p_ref);
    }
    return ll;
}

double log10_sum(double a, double b) {
    if (a == -std::numeric_limits<double>::infinity()) return b;
    if (b == -std::numeric_limits<double>::infinity()) return a;
    const double hi = std::max(a, b);
    return hi + std::log10(std::pow(10.0, a - hi) + std::pow(10.0, b - hi));
}

namespace {

// log10 of the mean of 10^x over xs.
double log10_mean(const std::vector<double>& xs) {
    double acc = -std::numeric_limits<double>::infinity();
    for (double x : xs) acc = log10_sum(acc, x);
    return acc - std::log10(static_cast<double>(xs.size()));
}

std::vector<double> make_grid() {
    // Geometric from 0.5% to 10% (low purity, subclones), then linear to 1.
    std::vector<double> g;
    for (double f = 0.005; f < 0.1; f *= 1.25) g.push_back(f);
    for (double f = 0.1; f <= 1.0 + 1e-9; f += 0.05) g.push_back(std::min(f, 1.0));
    return g;
}

std::vector<double> make_shared_grid() {
    // 0.5% to 28% in steps of x1.25 (19 fractions).
    std::vector<double> g;
    for (double f = 0.005; f < 0.3; f *= 1.25) g.push_back(f);
    return g;
}

}  // namespace

const std::vector<double>& allele_fraction_grid() {
    static const std::vector<double> grid = make_grid();
    return grid;
}

const std::vector<double>& shared_fraction_grid() {
    static const std::vector<double> grid = make_shared_grid();
    return grid;
}

namespace {

// Both grids start at 0.5% and grow by x1.25, so their first fractions are
// the same numbers: there the tumour's likelihood is already known.
size_t grids_shared_prefix() {
    static const size_t n = [] {
        const auto& a = allele_fraction_grid();
        const auto& b = shared_fraction_grid();
        size_t i = 0;
        while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
        return i;
    }();
    return n;
}

// The shared hypothesis' likelihood; `tumour_ll` holds the tumour's
// likelihoods over allele_fraction_grid() when known (empty: computed here).
double shared_likelihood(const SampleEvidence& tumour, const SampleEvidence& normal,
                         const std::vector<double>& tumour_ll) {
    const auto& grid = shared_fraction_grid();
    const size_t known = tumour_ll.empty() ? 0 : grids_shared_prefix();
    std::vector<double> shared(grid.size());
    for (size_t i = 0; i < grid.size(); ++i) {
        const double t = i < known ? tumour_ll[i] : log10_likelihood(tumour, grid[i]);
        shared[i] = t + log10_likelihood(normal, grid[i]);
    }
    return log10_mean(shared);
}

}  // namespace

double log10_shared_likelihood(const SampleEvidence& tumour, const SampleEvidence& normal) {
    return shared_likelihood(tumour, normal, {});
}

SitePosterior somatic_posterior(const SampleEvidence& tumour, const SampleEvidence& normal,
                                const ModelPriors& priors) {
    // Each likelihood is a pass over the site's evidence: none is computed
    // twice (the normal at fraction 0 serves every tau = 0 term and the
    // reference; the tumour's grid serves the shared hypothesis).
    const auto& grid = allele_fraction_grid();
    std::vector<double> tumour_ll(grid.size());
    for (size_t i = 0; i < grid.size(); ++i) tumour_ll[i] = log10_likelihood(tumour, grid[i]);
    const double tumour_free = log10_mean(tumour_ll);
    const double normal_at_zero = log10_likelihood(normal, 0.0);

    // Somatic: the normal holds a fraction tau of the tumour's alt allele.
    const std::array<double, 3> taus{0.0, priors.max_tumour_in_normal / 2, priors.max_tumour_in_normal};
    std::vector<double> joint;
    joint.reserve(grid.size() * taus.size());
    for (size_t i = 0; i < grid.size(); ++i) {
        for (double tau : taus) {
            joint.push_back(tumour_ll[i] + (tau == 0.0 ? normal_at_zero : log10_likelihood(normal, tau * grid[i])));
        }
    }
    SitePosterior p;
    p.log10_somatic = std::log10(priors.somatic) + log10_mean(joint);
    p.log10_reference = std::log10(1.0 - priors.somatic - priors.germline_het - priors.germline_hom - priors.shared) +
                        log10_likelihood(tumour, 0.0) + normal_at_zero;
    const double het = std::log10(priors.germline_het) + log10_likelihood(normal, 0.5) + tumour_free;
    const double hom = std::log10(priors.germline_hom) + log10_likelihood(normal, 1.0) + tumour_free;
    p.log10_germline = log10_sum(het, hom);
    p.log10_shared = std::log10(priors.shared) + shared_likelihood(tumour, normal, tumour_ll);

    const double not_somatic = log10_sum(log10_sum(p.log10_reference, p.log10_germline), p.log10_shared);
    const double total = log10_sum(not_somatic, p.log10_somatic);
    p.qss = std::clamp(-10.0 * (not_somatic - total), 0.0, kMaxQss);
    const double not_germline = log10_sum(log10_sum(p.log10_reference, p.log10_somatic), p.log10_shared);
    p.germline_phred = std::clamp(-10.0 * (not_germline - total), 0.0, kMaxQss);
    p.germline_probability = std::pow(10.0, p.log10_germline - total);
    return p;
}

const std::vector<WeightedFraction>& het_fraction_weights() {
    static const std::vector<WeightedFraction> weights = [] {
        std::vector<WeightedFraction> w;
        double beta_sum = 0;
        for (double f : allele_fraction_grid()) {
            if (f < 0.1 - 1e-9) continue;
            // The Beta density up to its constant, which the sum removes.
            const double density = f <= 0.9 + 1e-9 ? std::pow(f * (1 - f), kHetBetaShape - 1) : 0.0;
            w.push_back({f, density});
            beta_sum += density;
        }
        const double even = kHetLohShare / static_cast<double>(w.size());
        for (auto& x : w) x.weight = (1 - kHetLohShare) * x.weight / beta_sum + even;
        return w;
    }();
    return weights;
}

SitePosterior tumour_only_posterior(const SampleEvidence& tumour, double population_af, const ModelPriors& priors) {
    const double p = population_af >= 0 ? std::min(population_af, 1.0) : priors.population_af_absent;
    const auto& grid = allele_fraction_grid();
    std::vector<double> tumour_ll(grid.size());
    for (size_t i = 0; i < grid.size(); ++i) tumour_ll[i] = log10_likelihood(tumour, grid[i]);
    // The het fractions are grid fractions: their likelihoods are known.
    double het_ll = -std::numeric_limits<double>::infinity();
    for (const auto& w : het_fraction_weights()) {
        const size_t i = static_cast<size_t>(std::find(grid.begin(), grid.end(), w.fraction) - grid.begin());
        het_ll = log10_sum(het_ll, std::log10(w.weight) + tumour_ll[i]);
    }
    const double log10_no_germline = 2 * std::log10(1 - p);  // -inf at p = 1
    SitePosterior out;
    out.log10_somatic = log10_no_germline + std::log10(priors.somatic) + log10_mean(tumour_ll);
    out.log10_reference = log10_no_germline + std::log10(1 - priors.somatic) + log10_likelihood(tumour, 0.0);
    const double het = std::log10(2 * p * (1 - p)) + het_ll;
    const double hom = 2 * std::log10(p) + log10_likelihood(tumour, 1.0);
    out.log10_germline = log10_sum(het, hom);
    out.log10_shared = -std::numeric_limits<double>::infinity();

    // QSS weighs somatic against error alone; the germline alternative is
    // the germline probability's, judged on its own (the Germline filter):
    // a clonal somatic SNV absent from the resource keeps a germline
    // probability of some per cent, which would otherwise cap its QSS.
    const double total = log10_sum(log10_sum(out.log10_reference, out.log10_germline), out.log10_somatic);
    const double somatic_or_error = log10_sum(out.log10_reference, out.log10_somatic);
    out.qss = std::clamp(-10.0 * (out.log10_reference - somatic_or_error), 0.0, kMaxQss);
    const double not_germline = log10_sum(out.log10_reference, out.log10_somatic);
    out.germline_phred = std::clamp(-10.0 * (not_germline - total), 0.0, kMaxQss);
    out.germline_probability = std::pow(10.0, out.log10_germline - total);
    return out;
}

}  // namespace somatic::snv
