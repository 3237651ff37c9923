#include "libsomatic/sig/poisson_fit.hpp"

#include <cmath>
#include <limits>

namespace somatic::sig {

SparseCounts sparse_counts(const Eigen::VectorXd& catalogue) {
    SparseCounts s;
    std::vector<double> v;
    for (Eigen::Index i = 0; i < catalogue.size(); ++i) {
        if (catalogue(i) > 0) {
            s.channels.push_back(static_cast<int>(i));
            v.push_back(catalogue(i));
            s.total += catalogue(i);
        }
    }
    s.counts = Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
    return s;
}

namespace {

// The signatures on the non-zero channels: m x k.
Eigen::MatrixXd restrict(const Eigen::MatrixXd& S, const std::vector<int>& use, const SparseCounts& c) {
    Eigen::MatrixXd R(static_cast<Eigen::Index>(c.channels.size()), static_cast<Eigen::Index>(use.size()));
    for (size_t j = 0; j < use.size(); ++j) {
        for (size_t i = 0; i < c.channels.size(); ++i) {
            R(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = S(c.channels[i], use[j]);
        }
    }
    return R;
}

double loglik_of(const Eigen::MatrixXd& R, const Eigen::VectorXd& counts, const Eigen::VectorXd& e) {
    const Eigen::VectorXd mu = R * e;
    double ll = -e.sum();  // sum of mu over all 96 channels: columns sum to 1
    for (Eigen::Index i = 0; i < mu.size(); ++i) {
        if (mu(i) <= 0) return -std::numeric_limits<double>::infinity();
        ll += counts(i) * std::log(mu(i));
    }
    return ll;
}

}  // namespace

double poisson_loglik(const Eigen::MatrixXd& signatures, const std::vector<int>& use, const SparseCounts& counts,
                      const Eigen::VectorXd& e) {
    if (counts.channels.empty()) return -e.sum();
    return loglik_of(restrict(signatures, use, counts), counts.counts, e);
}

PoissonFit poisson_fit(const Eigen::MatrixXd& signatures, const std::vector<int>& use, const SparseCounts& c,
                       const Eigen::VectorXd& start, double tolerance, int max_iterations) {
    PoissonFit f;
    const auto k = static_cast<Eigen::Index>(use.size());
    f.exposures = Eigen::VectorXd::Zero(k);
    if (k == 0 || c.total <= 0) {
        f.loglik = poisson_loglik(signatures, use, c, f.exposures);
        return f;
    }
    const Eigen::MatrixXd R = restrict(signatures, use, c);
    // Start: the given exposures scaled to the total, every one at least a
    // small share (the log likelihood needs mu > 0 wherever a count is).
    Eigen::VectorXd e = start.cwiseMax(0.0);
    e = e.cwiseMax(1e-3 * c.total / static_cast<double>(k));
    e *= c.total / e.sum();
    double ll = loglik_of(R, c.counts, e);
    Eigen::VectorXd mu(R.rows()), g(k), d(k), trial(k);
    std::vector<Eigen::Index> free;
    while (f.iterations < max_iterations) {
        ++f.iterations;
        mu = R * e;
        const Eigen::VectorXd ratio = c.counts.cwiseQuotient(mu);
        g = R.transpose() * ratio - Eigen::VectorXd::Ones(k);  // gradient
        // Free variables: the positive ones and the zeros whose gradient
        // points inwards. A zero that the Newton step would push negative is
        // held at zero and the step is recomputed.
        free.clear();
        for (Eigen::Index j = 0; j < k; ++j) {
            if (e(j) > 0 || g(j) > 0) free.push_back(j);
        }
        const Eigen::VectorXd w = ratio.cwiseQuotient(mu);  // c / mu^2
        bool solved = false;
        while (!free.empty()) {
            const auto m = static_cast<Eigen::Index>(free.size());
            Eigen::MatrixXd Rf(R.rows(), m);
            Eigen::VectorXd gf(m);
            for (Eigen::Index j = 0; j < m; ++j) {
                Rf.col(j) = R.col(free[static_cast<size_t>(j)]);
                gf(j) = g(free[static_cast<size_t>(j)]);
            }
            // Newton: minus the Hessian is Rf' diag(c/mu^2) Rf.
            Eigen::MatrixXd H = Rf.transpose() * w.asDiagonal() * Rf;
            H.diagonal().array() += 1e-10 * (1.0 + H.diagonal().maxCoeff());
            const Eigen::VectorXd df = H.ldlt().solve(gf);
            std::vector<Eigen::Index> keep;
            bool dropped = false;
            for (Eigen::Index j = 0; j < m; ++j) {
                const Eigen::Index v = free[static_cast<size_t>(j)];
                if (e(v) <= 0 && df(j) <= 0) {
                    dropped = true;
                } else {
                    keep.push_back(v);
                }
            }
            if (dropped) {
                free.swap(keep);
                continue;
            }
            d.setZero();
            for (Eigen::Index j = 0; j < m; ++j) d(free[static_cast<size_t>(j)]) = df(j);
            solved = true;
            break;
        }
        if (!solved) break;
        const double slope = g.dot(d);
        if (!(slope > 0)) break;  // no ascent left: converged
        // The longest feasible step, then backtracking (Armijo).
        double t = 1.0;
        Eigen::Index blocking = -1;
        for (Eigen::Index j = 0; j < k; ++j) {
            if (d(j) < 0 && e(j) + t * d(j) < 0) {
                t = e(j) / -d(j);
                blocking = j;
            }
        }
        double new_ll = -std::numeric_limits<double>::infinity();
        for (int halvings = 0; halvings < 40; ++halvings) {
            trial = e + t * d;
            if (blocking >= 0 && t == e(blocking) / -d(blocking)) trial(blocking) = 0;
            trial = trial.cwiseMax(0.0);
            new_ll = loglik_of(R, c.counts, trial);
            if (new_ll >= ll + 1e-4 * t * slope) break;
            t *= 0.5;
            blocking = -1;
        }
        if (!(new_ll > ll)) break;
        const double gain = new_ll - ll;
        e = trial;
        ll = new_ll;
        if (gain < tolerance) break;
    }
    f.exposures = e;
    f.loglik = ll;
    return f;
}

}  // namespace somatic::sig
