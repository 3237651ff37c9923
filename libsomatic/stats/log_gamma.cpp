#include "libsomatic/stats/log_gamma.hpp"

#include <math.h>

namespace somatic::stats {

double log_gamma(double x) {
    int sign = 0;
    return lgamma_r(x, &sign);
}

double log_beta(double a, double b) { return log_gamma(a) + log_gamma(b) - log_gamma(a + b); }

double log_choose(double n, double k) { return log_gamma(n + 1) - log_gamma(k + 1) - log_gamma(n - k + 1); }

}  // namespace somatic::stats
