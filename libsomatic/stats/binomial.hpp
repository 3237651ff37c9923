// The binomial upper tail, through Boost.Math. Used by the NormalAlt filter:
// is the normal's alt count more than tumour-in-normal contamination explains?
#pragma once

#include <cstdint>

namespace somatic::stats {

// P(X >= k) for X ~ Binomial(n, p). 1 when k == 0; 0 when k > n.
double binomial_upper_tail(uint32_t k, uint32_t n, double p);

}  // namespace somatic::stats
