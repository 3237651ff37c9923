// log Γ(x) that threads may call at once. std::lgamma writes the sign of
// Γ(x) to the global signgam, a data race when worker threads share it.
#pragma once

namespace somatic::stats {

// ln |Γ(x)| for x > 0 (glibc's reentrant lgamma_r).
double log_gamma(double x);

// ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b).
double log_beta(double a, double b);

// ln C(n, k) for 0 <= k <= n.
double log_choose(double n, double k);

}  // namespace somatic::stats
