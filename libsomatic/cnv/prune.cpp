#include "libsomatic/cnv/prune.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace somatic::cnv {

double imbalance_at(size_t g) { return 0.005 * static_cast<double>(g); }

namespace {

// log(1/2 e^a + 1/2 e^b) without overflow.
double log_mean_exp(double a, double b) { return std::max(a, b) + std::log1p(std::exp(-std::abs(a - b))) - std::log(2.0); }

double binomial_mixture(double k, double d, double log_lo, double log_hi) {
    // log(1/2 p^k q^(d-k) + 1/2 q^k p^(d-k)), p = 1/2 + delta.
    return log_mean_exp(k * log_hi + (d - k) * log_lo, k * log_lo + (d - k) * log_hi);
}

// A site's allele counts: B reads k of d (depth rounded, at least 1).
struct AlleleCounts {
    double k, d;
};
AlleleCounts allele_counts(double baf, double depth) {
    const double d = std::max(1.0, std::round(depth));
    return {std::clamp(std::round(baf * d), 0.0, d), d};
}

}  // namespace

double het_site_loglik(double baf, double depth, double delta, double sd) {
    if (depth > 0) {
        const auto [k, d] = allele_counts(baf, depth);
        return binomial_mixture(k, d, std::log(0.5 - delta), std::log(0.5 + delta));
    }
    const double s2 = 2 * sd * sd;
    return log_mean_exp(-(baf - 0.5 + delta) * (baf - 0.5 + delta) / s2, -(baf - 0.5 - delta) * (baf - 0.5 - delta) / s2);
}

void StretchStats::add_bin(double x, double weight) {
    w += weight;
    wx += weight * x;
    wxx += weight * x * x;
}

void StretchStats::add_het(double baf, double depth, double sd) {
    if (baf_loglik.empty()) baf_loglik.assign(kImbalanceGrid, 0.0);
    if (!(depth > 0)) {
        for (size_t g = 0; g < kImbalanceGrid; ++g) baf_loglik[g] += het_site_loglik(baf, depth, imbalance_at(g), sd);
        return;
    }
    // The grid's log(1/2 -+ delta), once.
    static const auto logs = [] {
        std::array<std::array<double, kImbalanceGrid>, 2> t{};
        for (size_t g = 0; g < kImbalanceGrid; ++g) {
            t[0][g] = std::log(0.5 - imbalance_at(g));
            t[1][g] = std::log(0.5 + imbalance_at(g));
        }
        return t;
    }();
    const auto [k, d] = allele_counts(baf, depth);
    for (size_t g = 0; g < kImbalanceGrid; ++g) baf_loglik[g] += binomial_mixture(k, d, logs[0][g], logs[1][g]);
}

void StretchStats::add(const StretchStats& o) {
    w += o.w;
    wx += o.wx;
    wxx += o.wxx;
    if (o.baf_loglik.empty()) return;
    if (baf_loglik.empty()) {
        baf_loglik = o.baf_loglik;
        return;
    }
    for (size_t g = 0; g < kImbalanceGrid; ++g) baf_loglik[g] += o.baf_loglik[g];
}

double StretchStats::log2_rss() const { return w > 0 ? std::max(0.0, wxx - wx * wx / w) : 0.0; }

double StretchStats::baf_max_loglik() const {
    if (baf_loglik.empty()) return 0;
    const auto it = std::max_element(baf_loglik.begin(), baf_loglik.end());
    const auto g = static_cast<size_t>(it - baf_loglik.begin());
    if (g == 0 || g + 1 == kImbalanceGrid) return *it;
    // The vertex of the parabola through the best grid point and its two
    // neighbours: the grid's step costs nothing at the maximum.
    const double l = baf_loglik[g - 1], c = *it, r = baf_loglik[g + 1];
    const double curvature = l - 2 * c + r;
    if (!(curvature < 0)) return c;
    return c - (r - l) * (r - l) / (8 * curvature);
}

double split_gain(const StretchStats& left, const StretchStats& right) {
    StretchStats both = left;
    both.add(right);
    const double log2_part = both.log2_rss() - left.log2_rss() - right.log2_rss();
    const double baf_part = 2 * (left.baf_max_loglik() + right.baf_max_loglik() - both.baf_max_loglik());
    return std::max(0.0, log2_part + baf_part);
}

std::vector<size_t> prune_change_points(std::vector<StretchStats> segs, double penalty) {
    std::vector<size_t> first(segs.size());
    for (size_t k = 0; k < segs.size(); ++k) first[k] = k;
    // gain[k]: the change-point between segments k - 1 and k.
    std::vector<double> gain(segs.size(), std::numeric_limits<double>::infinity());
    for (size_t k = 1; k < segs.size(); ++k) gain[k] = split_gain(segs[k - 1], segs[k]);
    while (segs.size() > 1) {
        const auto it = std::min_element(gain.begin() + 1, gain.end());
        if (*it > penalty) break;
        const auto k = static_cast<size_t>(it - gain.begin());
        segs[k - 1].add(segs[k]);
        segs.erase(segs.begin() + static_cast<std::ptrdiff_t>(k));
        first.erase(first.begin() + static_cast<std::ptrdiff_t>(k));
        gain.erase(gain.begin() + static_cast<std::ptrdiff_t>(k));
        if (k - 1 > 0) gain[k - 1] = split_gain(segs[k - 2], segs[k - 1]);
        if (k < segs.size()) gain[k] = split_gain(segs[k - 1], segs[k]);
    }
    return first;
}

}  // namespace somatic::cnv
