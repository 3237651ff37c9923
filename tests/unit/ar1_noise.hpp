// Autocorrelated test noise with a known long-run variance.
#pragma once

#include <cmath>
#include <random>
#include <vector>

namespace somatic::testing {

// AR(1) noise: e[i] = phi e[i-1] + innovation, stationary sd `sd`.
inline std::vector<double> ar1_noise(size_t n, double phi, double sd, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> innovation(0, sd * std::sqrt(1 - phi * phi));
    std::vector<double> e(n);
    e[0] = std::normal_distribution<double>(0, sd)(rng);
    for (size_t i = 1; i < n; ++i) e[i] = phi * e[i - 1] + innovation(rng);
    return e;
}

}  // namespace somatic::testing
