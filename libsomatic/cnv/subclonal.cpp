#include "libsomatic/cnv/subclonal.hpp"

#include <algorithm>
#include <cmath>

namespace somatic::cnv {

namespace {
constexpr double kStep = 0.02;  // the cell fraction's grid ...
constexpr int kFractions = 49;  // ... c = k * kStep for k = 1 .. 49 (0.02 .. 0.98)
constexpr int kReach = 2;       // background states within this of the log2's copy number
}  // namespace

double mixture_log2(double p, double q, int total_b, int total_s, double c, int n0) {
    const double cn = (1 - c) * total_b + c * total_s;
    const double num = p * cn + n0 * (1 - p);
    const double den = (n0 / 2.0) * (p * q + 2 * (1 - p));
    return num > 0 ? std::max(-5.0, std::log2(num / den)) : -5.0;
}

double mixture_baf(double p, int total_b, int minor_b, int total_s, int minor_s, double c) {
    const double cn = (1 - c) * total_b + c * total_s;
    const double minor = (1 - c) * minor_b + c * minor_s;
    const double den = p * cn + 2 * (1 - p);
    return den > 0 ? (p * minor + (1 - p)) / den : 0.5;
}

double mixture_penalty(const FitSegment& s, const FitOptions& o) {
    const double n = static_cast<double>(s.n_bins) + s.n_het;
    return o.event_penalty + o.subclonal_penalty + std::log(std::max(2.0, n)) / std::max<uint32_t>(1, s.n_bins);
}

Mixture best_mixture(const FitSegment& s, double p, double q, double log2_sd, const FitResult& fit, const FitOptions& o) {
    Mixture best;
    if (s.normal_cn != 2 || !uses_baf(s, o) || std::isnan(fit.baf_sd) || !(fit.baf_sd > 0) || !(p > 0)) return best;
    const double sd = site_sd(s, fit);
    // The copy number the log2 alone implies, around which backgrounds are tried.
    const double ratio = std::exp2(s.log2) * (p * q + 2 * (1 - p));
    const double cn_float = std::max(0.0, (ratio - 2 * (1 - p)) / p);
    const int lo = std::max(0, static_cast<int>(std::floor(cn_float)) - kReach);
    const int ceiling = segment_max_cn(s, o);
    const int hi = std::min(ceiling, static_cast<int>(std::ceil(cn_float)) + kReach);
    double best_z2 = INFINITY;
    // The log2 term depends on the totals and c only, not on the minor
    // copy numbers: computed once per background total for the subclone's
    // total one above (up) and one below (down), not once per allele move.
    double up[kFractions + 1], down[kFractions + 1];
    for (int total_b = lo; total_b <= hi; ++total_b) {
        for (int k = 1; k <= kFractions; ++k) {
            up[k] = z2_log2(s, mixture_log2(p, q, total_b, total_b + 1, k * kStep, 2), log2_sd, o);
            down[k] = z2_log2(s, mixture_log2(p, q, total_b, total_b - 1, k * kStep, 2), log2_sd, o);
        }
        for (int minor_b = 0; 2 * minor_b <= total_b; ++minor_b) {
            const int major_b = total_b - minor_b;
            // The one-event neighbours: major or minor up or down by one.
            const int moves[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
            for (const auto& mv : moves) {
                const int major_s = major_b + mv[0], minor_s = minor_b + mv[1];
                if (major_s < 0 || minor_s < 0 || major_s + minor_s > ceiling) continue;
                const int total_s = major_s + minor_s;
                for (int k = 1; k <= kFractions; ++k) {
                    const double c = k * kStep;
                    const double zl = total_s > total_b ? up[k] : down[k];
                    if (zl >= best_z2) continue;
                    const double zb = z2_baf(s, mixture_baf(p, total_b, minor_b, total_s, minor_s, c), sd, o);
                    if (zl + zb < best_z2) {
                        best_z2 = zl + zb;
                        best = {total_b, major_b, minor_b, total_s, major_s, minor_s, c, zl, zb};
                    }
                }
            }
        }
    }
    return best;
}

}  // namespace somatic::cnv
