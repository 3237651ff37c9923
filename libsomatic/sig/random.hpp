// Reproducible random numbers for bootstraps and NMF restarts.
//
// The generators are written out here (xoshiro256**, seeded by splitmix64)
// rather than taken from <random>, whose distributions differ between
// standard libraries: the same --seed gives the same numbers everywhere.
// Each unit of work (a sample, a restart) gets its own stream derived from
// (seed, index), never from the thread that runs it, so results do not
// depend on --threads.
#pragma once

#include <Eigen/Dense>
#include <cstdint>

namespace somatic::sig {

class Rng {
public:
    // A stream for unit `index` of a run seeded with `seed`.
    Rng(uint64_t seed, uint64_t index);
    uint64_t next();
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    uint64_t s_[4];
};

// Binomial(n, p): inversion for n*min(p,1-p) < 10, Hormann's BTRS (1993)
// otherwise. Exact; O(1) expected time for large n.
int64_t binomial(Rng& rng, int64_t n, double p);

// A multinomial draw of `n` items over the categories' weights `p` (any
// non-negative scale), by successive conditional binomials.
Eigen::VectorXd multinomial(Rng& rng, int64_t n, const Eigen::VectorXd& p);

}  // namespace somatic::sig
