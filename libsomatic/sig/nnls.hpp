// Non-negative least squares: min ||A x - b||^2 subject to x >= 0, by
// Lawson and Hanson's active-set method (Solving Least Squares Problems,
// 1974, ch. 23), the algorithm of R's nnls, pracma::lsqnonneg and MATLAB's
// lsqnonneg.
//
// It works on the normal equations (G = A'A, h = A'b), so that a cohort
// fitted against the same signatures pays for G once and each sample costs
// only A'b plus small solves on the passive set. The passive-set systems are
// solved with a Cholesky factor grown by one row as each variable enters
// (pivoted LDLT when a column is numerically dependent); with COSMIC's
// signatures (condition number of A ~1e3) that keeps ~1e-10 relative
// accuracy. An entering variable whose solution is not positive, which
// rounding alone causes, leaves again at once (Lawson and Hanson's step 6),
// so nearly dependent columns cannot make the method cycle.
#pragma once

#include <Eigen/Dense>

namespace somatic::sig {

struct NnlsResult {
    Eigen::VectorXd x;
    int iterations = 0;
    bool converged = true;  // false when the iteration limit was hit
};

// Solves with the Gram matrix `G` (n x n, A'A) and `h` (A'b). `allowed`
// (optional, size n) masks the variables that may be non-zero.
NnlsResult nnls_gram(const Eigen::MatrixXd& G, const Eigen::VectorXd& h,
                     const Eigen::Array<bool, Eigen::Dynamic, 1>* allowed = nullptr);

// The same from A and b.
NnlsResult nnls(const Eigen::MatrixXd& A, const Eigen::VectorXd& b);

}  // namespace somatic::sig
