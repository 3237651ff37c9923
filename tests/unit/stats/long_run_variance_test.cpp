#include "libsomatic/stats/long_run_variance.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "../ar1_noise.hpp"

using namespace somatic::stats;

TEST_CASE("noise_correlation: Bartlett-weighted autocorrelations, by hand") {
    // n = 8: floor(4 * 0.08^(2/9)) = 2 lags, weights 2/3 and 1/3. Variance
    // (1 + 4 + 1 + 4) * 2 / 8 = 2.5. Lag 1: products 2,-2,2,-2,2,-2,2 sum to
    // 2 over 7 pairs, rho 2/7/2.5; lag 2: -1,-4,-1,-4,-1,-4 sum to -15 over
    // 6 pairs, rho -1. F = 1 + 2 (2/3 * 0.8/7) - 2/3 = 0.485714;
    // se = 2 sqrt((4/9)/7 + (1/9)/6) = 0.572749.
    const std::vector<double> r{1, 2, -1, -2, 1, 2, -1, -2};
    const NoiseCorrelation one_run = noise_correlation(r, std::vector<int32_t>(8, 0));
    CHECK(one_run.lags == 2);
    CHECK(one_run.factor == doctest::Approx(0.485714).epsilon(1e-5));
    CHECK(one_run.standard_error == doctest::Approx(0.572749).epsilon(1e-5));
    // Two runs of 4: only pairs within a run count. Lag 1: 2-2+2 and 2-2+2
    // over 6 pairs, rho 4/6/2.5; lag 2: -1-4-1-4 over 4 pairs, rho -1.
    // F = 1 + 2 (2/3 * 0.266667) - 2/3 = 0.688889.
    const NoiseCorrelation two_runs = noise_correlation(r, {0, 0, 0, 0, 1, 1, 1, 1});
    CHECK(two_runs.factor == doctest::Approx(0.688889).epsilon(1e-5));
}

TEST_CASE("noise_correlation of AR(1) noise approaches its long-run variance ratio") {
    // phi = 0.5: the long-run ratio (1 + phi) / (1 - phi) = 3; with 20,000
    // values Newey-West takes 12 lags, whose Bartlett sum for rho_k = 0.5^k
    // is 1 + 2 sum_k (1 - k/13) 0.5^k = 2.692.
    const std::vector<double> e = somatic::testing::ar1_noise(20000, 0.5, 1.0, 17);
    const NoiseCorrelation c = noise_correlation(e, std::vector<int32_t>(e.size(), 0));
    CHECK(c.lags == 12);
    CHECK(c.factor == doctest::Approx(2.692).epsilon(0.06));
    // Independent noise: within 3 standard errors of 1.
    std::mt19937 rng(18);
    std::normal_distribution<double> normal(0, 1);
    std::vector<double> white(20000);
    for (double& v : white) v = normal(rng);
    const NoiseCorrelation w = noise_correlation(white, std::vector<int32_t>(white.size(), 0));
    CHECK(std::abs(w.factor - 1) < 3 * w.standard_error);
}
