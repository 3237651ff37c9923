#include "libsomatic/stats/binomial.hpp"

#include <algorithm>

#include <boost/math/distributions/binomial.hpp>

namespace somatic::stats {

double binomial_upper_tail(uint32_t k, uint32_t n, double p) {
    if (k == 0) return 1.0;
    if (k > n) return 0.0;
    p = std::clamp(p, 0.0, 1.0);
    if (p == 0.0) return 0.0;
    if (p == 1.0) return 1.0;
    // cdf(complement(X, k - 1)) = P(X > k - 1), computed without the
    // cancellation of 1 - cdf for tails far below machine epsilon.
    return boost::math::cdf(boost::math::complement(boost::math::binomial_distribution<double>(n, p), k - 1));
}

}  // namespace somatic::stats
