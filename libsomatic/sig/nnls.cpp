#include "libsomatic/sig/nnls.hpp"

#include <vector>

namespace somatic::sig {

namespace {

// z on the passive set P (other entries 0): G_PP z_P = h_P.
void solve_passive(const Eigen::MatrixXd& G, const Eigen::VectorXd& h, const std::vector<Eigen::Index>& P,
                   Eigen::VectorXd& z) {
    const auto m = static_cast<Eigen::Index>(P.size());
    Eigen::MatrixXd Gp(m, m);
    Eigen::VectorXd hp(m);
    for (Eigen::Index i = 0; i < m; ++i) {
        hp(i) = h(P[static_cast<size_t>(i)]);
        for (Eigen::Index j = 0; j < m; ++j) Gp(i, j) = G(P[static_cast<size_t>(i)], P[static_cast<size_t>(j)]);
    }
    const Eigen::VectorXd zp = Gp.ldlt().solve(hp);
    z.setZero();
    for (Eigen::Index i = 0; i < m; ++i) z(P[static_cast<size_t>(i)]) = zp(i);
}

}  // namespace

NnlsResult nnls_gram(const Eigen::MatrixXd& G, const Eigen::VectorXd& h,
                     const Eigen::Array<bool, Eigen::Dynamic, 1>* allowed) {
    const Eigen::Index n = h.size();
    NnlsResult r;
    r.x = Eigen::VectorXd::Zero(n);
    std::vector<bool> passive(static_cast<size_t>(n), false);
    std::vector<Eigen::Index> P;
    Eigen::VectorXd z(n);
    // The tolerance on the dual (gradient) for "no variable can improve the
    // fit": relative to the scale of h, as Lawson-Hanson's 10 eps ||A|| ||b||.
    const double tol = 1e-12 * (1.0 + h.cwiseAbs().maxCoeff()) * (1.0 + G.diagonal().maxCoeff());
    Eigen::VectorXd w = h;
    const int max_outer = static_cast<int>(3 * n) + 10;
    for (int outer = 0; outer < max_outer; ++outer) {
        // The most promising variable outside the passive set.
        Eigen::Index t = -1;
        double best = tol;
        for (Eigen::Index j = 0; j < n; ++j) {
            if (passive[static_cast<size_t>(j)] || (allowed && !(*allowed)(j))) continue;
            if (w(j) > best) {
                best = w(j);
                t = j;
            }
        }
        if (t < 0) return r;
        passive[static_cast<size_t>(t)] = true;
        P.push_back(t);
        while (true) {
            ++r.iterations;
            solve_passive(G, h, P, z);
            bool feasible = true;
            for (auto j : P) {
                if (z(j) <= 0) feasible = false;
            }
            if (feasible) {
                r.x = z;
                break;
            }
            // Step from x towards z as far as feasibility allows.
            double alpha = 1.0;
            Eigen::Index blocking = -1;
            for (auto j : P) {
                if (z(j) <= 0) {
                    const double a = r.x(j) / (r.x(j) - z(j));
                    if (a < alpha || blocking < 0) {
                        alpha = a;
                        blocking = j;
                    }
                }
            }
            r.x += alpha * (z - r.x);
            r.x(blocking) = 0;  // exactly, whatever the rounding
            const double tiny = 1e-15 * (1.0 + r.x.cwiseAbs().maxCoeff());
            std::vector<Eigen::Index> keep;
            for (auto j : P) {
                if (r.x(j) > tiny) {
                    keep.push_back(j);
                } else {
                    r.x(j) = 0;
                    passive[static_cast<size_t>(j)] = false;
                }
            }
            P.swap(keep);
            if (P.empty()) break;
        }
        w = h - G * r.x;
    }
    r.converged = false;
    return r;
}

NnlsResult nnls(const Eigen::MatrixXd& A, const Eigen::VectorXd& b) {
    const Eigen::MatrixXd G = A.transpose() * A;
    const Eigen::VectorXd h = A.transpose() * b;
    return nnls_gram(G, h);
}

}  // namespace somatic::sig
