#include "libsomatic/cnv/gc_correct.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace somatic::cnv {

double GcCurve::at(double gc) const {
    if (gc_.empty() || std::isnan(gc)) return std::nan("");
    if (gc <= gc_.front()) return depth_.front();
    if (gc >= gc_.back()) return depth_.back();
    const size_t k = static_cast<size_t>(std::upper_bound(gc_.begin(), gc_.end(), gc) - gc_.begin());
    const double t = (gc - gc_[k - 1]) / (gc_[k] - gc_[k - 1]);
    return depth_[k - 1] + t * (depth_[k] - depth_[k - 1]);
}

std::vector<double> loess(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& w,
                          const std::vector<double>& at, double span) {
    std::vector<double> out(at.size(), std::nan(""));
    const double total = std::accumulate(w.begin(), w.end(), 0.0);
    if (x.empty() || total <= 0) return out;
    const double need = std::max(span, 0.0) * total;
    std::vector<std::pair<double, size_t>> by_distance(x.size());
    for (size_t k = 0; k < at.size(); ++k) {
        // The bandwidth: the smallest distance that holds `span` of the weight.
        for (size_t i = 0; i < x.size(); ++i) by_distance[i] = {std::abs(x[i] - at[k]), i};
        std::sort(by_distance.begin(), by_distance.end());
        double acc = 0, h = 0;
        for (const auto& [d, i] : by_distance) {
            acc += w[i];
            h = d;
            if (acc >= need) break;
        }
        h = std::max(h * 1.0001, 1e-9);
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            const double u = std::abs(x[i] - at[k]) / h;
            if (u >= 1) continue;
            const double c = 1 - u * u * u;
            const double wt = w[i] * c * c * c;
            const double dx = x[i] - at[k];
            sw += wt;
            sx += wt * dx;
            sy += wt * y[i];
            sxx += wt * dx * dx;
            sxy += wt * dx * y[i];
        }
        if (sw <= 0) continue;
        const double det = sw * sxx - sx * sx;
        // Local linear fit; its value at dx = 0 is the intercept.
        out[k] = det > 1e-12 * sw * sw ? (sxx * sy - sx * sxy) / det : sy / sw;
    }
    return out;
}

GcCurve fit_gc_curve(const std::vector<double>& gc, const std::vector<double>& depth, const std::vector<char>& use,
                     const GcFitOptions& options) {
    constexpr int kStrata = 101;
    std::vector<std::vector<double>> strata(kStrata);
    for (size_t i = 0; i < gc.size(); ++i) {
        if (!use[i] || std::isnan(gc[i]) || std::isnan(depth[i])) continue;
        const int s = std::clamp(static_cast<int>(std::lround(gc[i] * 100)), 0, kStrata - 1);
        strata[static_cast<size_t>(s)].push_back(depth[i]);
    }
    std::vector<double> x, y, w;
    for (int s = 0; s < kStrata; ++s) {
        auto& v = strata[static_cast<size_t>(s)];
        if (v.size() < options.min_stratum_bins) continue;
        const size_t mid = v.size() / 2;
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
        double median = v[mid];
        if (v.size() % 2 == 0) median = 0.5 * (median + *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)));
        x.push_back(s / 100.0);
        y.push_back(median);
        w.push_back(static_cast<double>(v.size()));
    }
    if (x.size() < 3) return {};
    std::vector<double> fitted = loess(x, y, w, x, options.span);
    // A depth curve is positive; a local fit at the sparse edges can dip.
    const double floor = 1e-3 * *std::max_element(y.begin(), y.end());
    for (auto& v : fitted) v = std::max(v, floor);
    return GcCurve(std::move(x), std::move(fitted));
}

}  // namespace somatic::cnv
