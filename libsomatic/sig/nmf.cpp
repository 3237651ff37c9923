#include "libsomatic/sig/nmf.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/sig/random.hpp"

namespace somatic::sig {

namespace {

// V ./ WH, with 0 where v = 0 (the term's derivative does not involve 1/WH
// there) and a floor on WH elsewhere so that an underflowed entry cannot
// divide by zero.
Eigen::MatrixXd ratio(const Eigen::MatrixXd& V, const Eigen::MatrixXd& WH) {
    return V.binaryExpr(WH, [](double v, double m) { return v > 0 ? v / std::max(m, 1e-300) : 0.0; });
}

}  // namespace

double kl_divergence(const Eigen::MatrixXd& V, const Eigen::MatrixXd& WH) {
    double d = 0;
    for (Eigen::Index j = 0; j < V.cols(); ++j) {
        for (Eigen::Index i = 0; i < V.rows(); ++i) {
            const double v = V(i, j), m = WH(i, j);
            d += m - v;
            if (v > 0) d += v * std::log(v / std::max(m, 1e-300));
        }
    }
    return d;
}

void nmf_update(const Eigen::MatrixXd& V, Eigen::MatrixXd& W, Eigen::MatrixXd& H) {
    // W' 1 is the column sums of W; 1 H' the row sums of H.
    const Eigen::RowVectorXd wsum = W.colwise().sum();
    H.array() *= (W.transpose() * ratio(V, W * H)).array().colwise() / wsum.transpose().array().max(1e-300);
    const Eigen::VectorXd hsum = H.rowwise().sum();
    W.array() *= (ratio(V, W * H) * H.transpose()).array().rowwise() / hsum.transpose().array().max(1e-300);
}

NmfResult nmf_kl(const Eigen::MatrixXd& V, Eigen::MatrixXd W, Eigen::MatrixXd H, const NmfOptions& o) {
    NmfResult r;
    double last = kl_divergence(V, W * H);
    int it = 0;
    while (it < o.max_iterations) {
        nmf_update(V, W, H);
        ++it;
        if (it % o.check_every == 0) {
            const double d = kl_divergence(V, W * H);
            const bool done = last - d <= o.tolerance * std::max(d, 1e-12);
            last = d;
            if (done) break;
        }
    }
    const Eigen::VectorXd scale = W.colwise().sum().transpose();
    for (Eigen::Index k = 0; k < W.cols(); ++k) {
        if (scale(k) > 0) {
            W.col(k) /= scale(k);
            H.row(k) *= scale(k);
        }
    }
    r.divergence = kl_divergence(V, W * H);
    r.iterations = it;
    r.W = std::move(W);
    r.H = std::move(H);
    return r;
}

NmfResult nmf_kl_random(const Eigen::MatrixXd& V, int k, Rng& rng, const NmfOptions& o) {
    const Eigen::Index rows = V.rows(), n = V.cols();
    Eigen::MatrixXd W(rows, k), H(k, n);
    for (Eigen::Index j = 0; j < k; ++j) {
        for (Eigen::Index i = 0; i < rows; ++i) W(i, j) = 1.0 - rng.uniform();  // (0, 1]
        W.col(j) /= W.col(j).sum();
    }
    for (Eigen::Index s = 0; s < n; ++s) {
        for (Eigen::Index j = 0; j < k; ++j) H(j, s) = 1.0 - rng.uniform();
        const double total = std::max(V.col(s).sum(), 1.0);
        H.col(s) *= total / H.col(s).sum();
    }
    return nmf_kl(V, std::move(W), std::move(H), o);
}

}  // namespace somatic::sig
