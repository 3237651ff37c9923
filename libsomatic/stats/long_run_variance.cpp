#include "libsomatic/stats/long_run_variance.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace somatic::stats {

NoiseCorrelation noise_correlation(const std::vector<double>& r, const std::vector<int32_t>& run) {
    NoiseCorrelation out;
    const size_t n = r.size();
    if (n < 3) return out;
    double variance = 0;
    for (double v : r) variance += v * v;
    variance /= static_cast<double>(n);
    if (!(variance > 0)) return out;
    const auto lags = static_cast<size_t>(std::floor(4.0 * std::pow(static_cast<double>(n) / 100.0, 2.0 / 9.0)));
    out.lags = std::clamp<size_t>(lags, 1, n - 1);
    // Stretches of constant run; pairs are taken within each (the inner
    // loop then has no branch and vectorises).
    std::vector<std::pair<size_t, size_t>> blocks;
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && run[b] == run[a]) ++b;
        blocks.emplace_back(a, b);
        a = b;
    }
    double var_factor = 0;
    for (size_t k = 1; k <= out.lags; ++k) {
        double sum = 0;
        size_t pairs = 0;
        for (const auto& [a, b] : blocks) {
            if (b - a <= k) continue;
            // Four partial sums: a fixed order (the same bytes on every
            // run) without one long chain of dependent additions.
            double part[4] = {0, 0, 0, 0};
            size_t i = a;
            for (; i + 3 + k < b; i += 4) {
                for (size_t j = 0; j < 4; ++j) part[j] += r[i + j] * r[i + j + k];
            }
            for (; i + k < b; ++i) part[0] += r[i] * r[i + k];
            sum += (part[0] + part[1]) + (part[2] + part[3]);
            pairs += b - a - k;
        }
        if (pairs == 0) continue;
        const double rho = sum / static_cast<double>(pairs) / variance;
        const double weight = 1.0 - static_cast<double>(k) / static_cast<double>(out.lags + 1);
        out.factor += 2 * weight * rho;
        var_factor += 4 * weight * weight / static_cast<double>(pairs);
    }
    out.standard_error = std::sqrt(var_factor);
    return out;
}

}  // namespace somatic::stats
