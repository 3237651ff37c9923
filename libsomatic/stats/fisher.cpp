#include "libsomatic/stats/fisher.hpp"

#include <algorithm>
#include <boost/math/distributions/hypergeometric.hpp>
#include <cmath>

namespace somatic::stats {

double fisher_exact_two_sided(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
    const uint64_t row1 = uint64_t{a} + b;
    const uint64_t col1 = uint64_t{a} + c;
    const uint64_t n = row1 + c + d;
    if (n == 0 || row1 == 0 || col1 == 0 || row1 == n || col1 == n) return 1.0;
    // a follows a hypergeometric law: col1 draws from n items of which row1 are "successes".
    const boost::math::hypergeometric_distribution<double> h(static_cast<unsigned>(row1), static_cast<unsigned>(col1),
                                                             static_cast<unsigned>(n));
    const uint64_t lo = col1 > (n - row1) ? col1 - (n - row1) : 0;
    const uint64_t hi = std::min(row1, col1);
    const double observed = boost::math::pdf(h, a);
    // Relative tolerance as R uses, so that tables of equal probability count
    // despite rounding.
    const double limit = observed * (1.0 + 1e-7);
    double p = 0.0;
    for (uint64_t k = lo; k <= hi; ++k) {
        const double pk = boost::math::pdf(h, static_cast<unsigned>(k));
        if (pk <= limit) p += pk;
    }
    return std::min(1.0, p);
}

double phred(double p, double cap) {
    if (p <= 0.0) return cap;
    return std::min(cap, -10.0 * std::log10(p));
}

}  // namespace somatic::stats
