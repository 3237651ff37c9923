// Maximum-likelihood exposures of one catalogue under the Poisson model:
// count c_i ~ Poisson(mu_i), mu = S e, e >= 0, S's columns distributions.
// (Conditioned on the total this is the multinomial model; at the optimum the
// exposures sum to the number of mutations.) Unlike least squares, it weighs
// each channel by its own variance, which matters at tens to hundreds of
// mutations, where most channels hold 0, 1 or 2.
//
// The algorithm is a projected Newton method on the (concave) log
// likelihood: Newton steps on the free variables (the positive ones and the
// zeros whose gradient points inwards), cut at the boundary and backtracked
// (Armijo) when they overshoot. It converges in a handful of iterations where
// EM (the multiplicative update of KL-NMF with fixed signatures) would need
// thousands on similar signatures such as SBS3, SBS5 and SBS40. Only channels
// with a non-zero count enter the sums: the cost of an iteration is
// (non-zero channels) x (free signatures)^2.
#pragma once

#include <Eigen/Dense>
#include <vector>

namespace somatic::sig {

// The catalogue restricted to its non-zero channels, ready for repeated fits.
struct SparseCounts {
    std::vector<int> channels;  // the non-zero channels
    Eigen::VectorXd counts;     // their counts
    double total = 0;           // sum of counts
};
SparseCounts sparse_counts(const Eigen::VectorXd& catalogue);

struct PoissonFit {
    Eigen::VectorXd exposures;  // one per column of the signatures given
    double loglik = 0;          // sum c_i log mu_i - sum mu_i (without the log c_i! terms)
    int iterations = 0;
};

// Fits the columns `use` of `signatures` (96 x K) to `counts`, starting from
// `start` (size use.size(); entries are raised to at least a small share).
// The fit stops when an iteration gains less than `tolerance` in log
// likelihood, or when no ascent direction is left (the optimum).
PoissonFit poisson_fit(const Eigen::MatrixXd& signatures, const std::vector<int>& use, const SparseCounts& counts,
                       const Eigen::VectorXd& start, double tolerance = 1e-9, int max_iterations = 200);

// log likelihood (as above) of exposures `e` of the columns `use`.
double poisson_loglik(const Eigen::MatrixXd& signatures, const std::vector<int>& use, const SparseCounts& counts,
                      const Eigen::VectorXd& e);

}  // namespace somatic::sig
