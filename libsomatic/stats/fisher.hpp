// Fisher's exact test on a 2x2 table, through Boost.Math's hypergeometric
// distribution. Used by the strand- and orientation-bias filters.
#pragma once

#include <cstdint>

namespace somatic::stats {

// Two-sided p-value for the table [[a, b], [c, d]]: the sum of the
// probabilities of every table with the same margins that is no more likely
// than the observed one (the usual definition, as R's fisher.test).
double fisher_exact_two_sided(uint32_t a, uint32_t b, uint32_t c, uint32_t d);

// -10 log10(p), capped at `cap`.
double phred(double p, double cap = 255.0);

}  // namespace somatic::stats
