#include "libsomatic/sig/nnls.hpp"

#include <cmath>
#include <vector>

namespace somatic::sig {

namespace {

// The Cholesky factor L (lower triangular, rows in P's order) of G_PP, and
// y = L^-1 h_P. A variable entering P adds one row to each, found by one
// triangular solve (O(p^2) instead of refactoring at O(p^3), which dominated
// the time per sample); z_P is then one back substitution. Variables leaving
// P are taken out by Givens rotations (O(p^2) too). When an entering column is numerically
// dependent on P's, the factor is marked unusable and the solves fall back to
// pivoted LDLT until the next rebuild succeeds.
class PassiveFactor {
public:
    explicit PassiveFactor(Eigen::Index n) : L_(n, n), y_(n) {}

    // P's last variable has just entered.
    void grow(const Eigen::MatrixXd& G, const Eigen::VectorXd& h, const std::vector<Eigen::Index>& P) {
        const auto m = static_cast<Eigen::Index>(P.size()) - 1;
        if (!usable_ || m != size_) return rebuild(G, h, P);
        const Eigen::Index t = P.back();
        Eigen::VectorXd g(m);
        for (Eigen::Index i = 0; i < m; ++i) g(i) = G(P[static_cast<size_t>(i)], t);
        const Eigen::VectorXd l = L_.topLeftCorner(m, m).triangularView<Eigen::Lower>().solve(g);
        const double d2 = G(t, t) - l.squaredNorm();
        if (!(d2 > kDependent * G(t, t))) {
            usable_ = false;
            return;
        }
        const double d = std::sqrt(d2);
        L_.row(m).head(m) = l.transpose();
        L_(m, m) = d;
        y_(m) = (h(t) - l.dot(y_.head(m))) / d;
        size_ = m + 1;
    }

    // The variables at `positions` (ascending, in the old P) have left; P is
    // the new one. Each row goes by Givens rotations (O(p^2) instead of a
    // rebuild's O(p^3)): without row k, L's rows below it have one entry
    // right of the diagonal, which rotations of neighbouring columns remove;
    // y, the solution of L y = h_P, takes the same rotations.
    void remove(const std::vector<Eigen::Index>& positions, const Eigen::MatrixXd& G, const Eigen::VectorXd& h,
                const std::vector<Eigen::Index>& P) {
        if (!usable_ || size_ != static_cast<Eigen::Index>(P.size() + positions.size())) return rebuild(G, h, P);
        for (auto it = positions.rbegin(); it != positions.rend(); ++it) remove_row(*it);
    }

    void rebuild(const Eigen::MatrixXd& G, const Eigen::VectorXd& h, const std::vector<Eigen::Index>& P) {
        const auto m = static_cast<Eigen::Index>(P.size());
        Eigen::LLT<Eigen::MatrixXd> llt(gather(G, P));
        usable_ = llt.info() == Eigen::Success;
        if (usable_) {
            L_.topLeftCorner(m, m) = llt.matrixL();
            y_.head(m) = L_.topLeftCorner(m, m).triangularView<Eigen::Lower>().solve(gather(h, P));
            size_ = m;
        }
    }

    // z on P (other entries 0): G_PP z_P = h_P.
    void solve(const Eigen::MatrixXd& G, const Eigen::VectorXd& h, const std::vector<Eigen::Index>& P,
               Eigen::VectorXd& z) const {
        const auto m = static_cast<Eigen::Index>(P.size());
        Eigen::VectorXd zp;
        if (usable_ && size_ == m) {
            zp = L_.topLeftCorner(m, m).triangularView<Eigen::Lower>().transpose().solve(y_.head(m));
        } else {
            zp = gather(G, P).ldlt().solve(gather(h, P));
        }
        z.setZero();
        for (Eigen::Index i = 0; i < m; ++i) z(P[static_cast<size_t>(i)]) = zp(i);
    }

private:
    void remove_row(Eigen::Index k) {
        const Eigen::Index m = size_;
        for (Eigen::Index i = k; i + 1 < m; ++i) L_.row(i).head(m) = L_.row(i + 1).head(m);
        for (Eigen::Index j = k; j + 1 < m; ++j) {
            const double a = L_(j, j), b = L_(j, j + 1);
            const double r = std::hypot(a, b);
            const double c = a / r, s = b / r;
            for (Eigen::Index i = j; i + 1 < m; ++i) {
                const double u = L_(i, j), v = L_(i, j + 1);
                L_(i, j) = c * u + s * v;
                L_(i, j + 1) = -s * u + c * v;
            }
            L_(j, j + 1) = 0;
            const double u = y_(j), v = y_(j + 1);
            y_(j) = c * u + s * v;
            y_(j + 1) = -s * u + c * v;
        }
        size_ = m - 1;
    }

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

    static Eigen::VectorXd gather(const Eigen::VectorXd& h, const std::vector<Eigen::Index>& P) {
        Eigen::VectorXd hp(static_cast<Eigen::Index>(P.size()));
        for (Eigen::Index i = 0; i < hp.size(); ++i) hp(i) = h(P[static_cast<size_t>(i)]);
        return hp;
    }

    Eigen::MatrixXd L_;
    Eigen::VectorXd y_;
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
        factor.grow(G, h, P);
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
                factor.remove({static_cast<Eigen::Index>(P.size())}, G, h, P);
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
            std::vector<Eigen::Index> keep, left;
            for (size_t i = 0; i < P.size(); ++i) {
                const Eigen::Index j = P[i];
                if (r.x(j) > tiny) {
                    keep.push_back(j);
                } else {
                    r.x(j) = 0;
                    passive[static_cast<size_t>(j)] = false;
                    left.push_back(static_cast<Eigen::Index>(i));
                }
            }
            P.swap(keep);
            if (P.empty()) break;
            factor.remove(left, G, h, P);
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
