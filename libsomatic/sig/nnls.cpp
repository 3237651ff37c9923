#include "libsomatic/sig/nnls.hpp"

#include <vector>

namespace somatic::sig {

namespace {

// The Cholesky factor L (lower triangular, rows in P's order) of G_PP. A
// variable entering P adds one row, found by one triangular solve (O(p^2)
// instead of refactoring at O(p^3), which dominated the time per sample);
// variables leaving P, which is rarer, rebuild it. When an entering column is
// numerically dependent on P's, the factor is marked unusable and the solves
// fall back to pivoted LDLT until the next rebuild succeeds.
class PassiveFactor {
public:
    explicit PassiveFactor(Eigen::Index n) : L_(n, n) {}

    // P's last variable has just entered.
    void grow(const Eigen::MatrixXd& G, const std::vector<Eigen::Index>& P) {
        const auto m = static_cast<Eigen::Index>(P.size()) - 1;
        if (!usable_ || m != size_) return rebuild(G, P);
        const Eigen::Index t = P.back();
        Eigen::VectorXd g(m);
        for (Eigen::Index i = 0; i < m; ++i) g(i) = G(P[static_cast<size_t>(i)], t);
        const Eigen::VectorXd l = L_.topLeftCorner(m, m).triangularView<Eigen::Lower>().solve(g);
        const double d2 = G(t, t) - l.squaredNorm();
        if (!(d2 > kDependent * G(t, t))) {
            usable_ = false;
            return;
        }
        L_.row(m).head(m) = l.transpose();
        L_(m, m) = std::sqrt(d2);
        size_ = m + 1;
    }

    // P's last variable, just entered, has left again.
    void drop_last(const Eigen::MatrixXd& G, const std::vector<Eigen::Index>& P) {
        if (usable_ && size_ == static_cast<Eigen::Index>(P.size()) + 1) {
            --size_;
        } else {
            rebuild(G, P);
        }
    }

    void rebuild(const Eigen::MatrixXd& G, const std::vector<Eigen::Index>& P) {
        const auto m = static_cast<Eigen::Index>(P.size());
        Eigen::LLT<Eigen::MatrixXd> llt(gather(G, P));
        usable_ = llt.info() == Eigen::Success;
        if (usable_) {
            L_.topLeftCorner(m, m) = llt.matrixL();
            size_ = m;
        }
    }

    // z on P (other entries 0): G_PP z_P = h_P.
    void solve(const Eigen::MatrixXd& G, const Eigen::VectorXd& h, const std::vector<Eigen::Index>& P,
               Eigen::VectorXd& z) const {
        const auto m = static_cast<Eigen::Index>(P.size());
        Eigen::VectorXd hp(m);
        for (Eigen::Index i = 0; i < m; ++i) hp(i) = h(P[static_cast<size_t>(i)]);
        Eigen::VectorXd zp;
        if (usable_ && size_ == m) {
            const auto L = L_.topLeftCorner(m, m).triangularView<Eigen::Lower>();
            zp = L.transpose().solve(L.solve(hp));
        } else {
            zp = gather(G, P).ldlt().solve(hp);
        }
        z.setZero();
        for (Eigen::Index i = 0; i < m; ++i) z(P[static_cast<size_t>(i)]) = zp(i);
    }

private:
    // An entering column whose part outside the span of P's is below this
    // share of its squared norm counts as dependent.
    static constexpr double kDependent = 1e-10;

    static Eigen::MatrixXd gather(const Eigen::MatrixXd& G, const std::vector<Eigen::Index>& P) {
        const auto m = static_cast<Eigen::Index>(P.size());
        Eigen::MatrixXd Gp(m, m);
        for (Eigen::Index i = 0; i < m; ++i) {
            for (Eigen::Index j = 0; j < m; ++j) Gp(i, j) = G(P[static_cast<size_t>(i)], P[static_cast<size_t>(j)]);
        }
        return Gp;
    }

    Eigen::MatrixXd L_;
    Eigen::Index size_ = 0;
    bool usable_ = true;
};

}  // namespace

NnlsResult nnls_gram(const Eigen::MatrixXd& G, const Eigen::VectorXd& h,
                     const Eigen::Array<bool, Eigen::Dynamic, 1>* allowed) {
    const Eigen::Index n = h.size();
    NnlsResult r;
    r.x = Eigen::VectorXd::Zero(n);
    std::vector<bool> passive(static_cast<size_t>(n), false);
    std::vector<Eigen::Index> P;
    Eigen::VectorXd z(n);
    PassiveFactor factor(n);
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
        factor.grow(G, P);
        bool entering = true;
        while (true) {
            ++r.iterations;
            factor.solve(G, h, P, z);
            if (entering && z(t) <= 0) {
                // Only by rounding, with t (nearly) dependent on P: t cannot
                // improve the fit, so it leaves and its w is taken as 0
                // (Lawson and Hanson's step 6). Without this the method can
                // cycle, t re-entering and leaving until the iteration limit.
                P.pop_back();
                passive[static_cast<size_t>(t)] = false;
                factor.drop_last(G, P);
                w(t) = 0;
                break;
            }
            entering = false;
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
            factor.rebuild(G, P);
        }
        if (entering) continue;  // t left again: x, and so w, are unchanged
        // w = h - G x, with x zero outside P.
        w = h;
        for (auto j : P) w.noalias() -= G.col(j) * r.x(j);
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
