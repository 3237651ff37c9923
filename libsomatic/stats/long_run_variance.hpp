// How much correlation between neighbours inflates a noise's variance over
// long stretches: the long-run variance (the variance of a mean of n values
// times n) over the variance, estimated with Bartlett weights (Newey and
// West 1987, 1994). cnv's segmentation weighs bins by it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace somatic::stats {

// How correlated a noise sequence is: F = 1 + 2 sum_k (1 - k/(L+1)) rho_k
// over lags k = 1..L, rho_k the lag-k autocorrelation of `residuals` (mean
// zero) counted over pairs within one stretch of constant `run`, L =
// floor(4 (n/100)^(2/9)) (Newey and West 1994). standard_error is F's under
// independent noise, 2 sqrt(sum_k w_k^2 / pairs_k).
struct NoiseCorrelation {
    double factor = 1;
    double standard_error = 0;
    size_t lags = 0;
};
NoiseCorrelation noise_correlation(const std::vector<double>& residuals, const std::vector<int32_t>& run);

}  // namespace somatic::stats
