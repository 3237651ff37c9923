#include "libsomatic/sig/selection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "libsomatic/sig/nnls.hpp"

namespace somatic::sig {

Model fit_model(const Eigen::MatrixXd& S, std::vector<int> use, const SparseCounts& c, const Eigen::VectorXd& start) {
    Model m;
    m.fit = poisson_fit(S, use, c, start);
    m.use = std::move(use);
    return m;
}

// The penalised deviance (up to a constant) that the search minimises.
double objective(const Model& m, const Penalty& penalty) {
    double p = 0;
    for (int j : m.use) p += penalty.of(j);
    return -2 * m.fit.loglik + p;
}

namespace {

// `m` without its i-th signature, refitted from its own exposures.
Model without(const Eigen::MatrixXd& S, const Model& m, size_t i, const SparseCounts& c) {
    std::vector<int> use;
    Eigen::VectorXd start(static_cast<Eigen::Index>(m.use.size() - 1));
    for (size_t j = 0, n = 0; j < m.use.size(); ++j) {
        if (j == i) continue;
        use.push_back(m.use[j]);
        start(static_cast<Eigen::Index>(n++)) = m.fit.exposures(static_cast<Eigen::Index>(j));
    }
    return fit_model(S, std::move(use), c, start);
}

Eigen::VectorXd reconstruction(const Eigen::MatrixXd& S, const Model& m) {
    Eigen::VectorXd mu = Eigen::VectorXd::Zero(S.rows());
    for (size_t j = 0; j < m.use.size(); ++j) mu += m.fit.exposures(static_cast<Eigen::Index>(j)) * S.col(m.use[j]);
    return mu;
}

// The model without its zero exposures (the MLE often puts some there).
Model drop_zeros(Model m) {
    Model out;
    std::vector<double> e;
    for (size_t j = 0; j < m.use.size(); ++j) {
        if (m.fit.exposures(static_cast<Eigen::Index>(j)) > 0) {
            out.use.push_back(m.use[j]);
            e.push_back(m.fit.exposures(static_cast<Eigen::Index>(j)));
        }
    }
    if (out.use.empty()) return m;
    out.fit = m.fit;
    out.fit.exposures = Eigen::Map<Eigen::VectorXd>(e.data(), static_cast<Eigen::Index>(e.size()));
    return out;
}

// Removal candidates, most removable first: by the Wald statistic
// e_j^2 / Var(e_j), Var from the inverse observed information.
std::vector<size_t> removal_order(const Eigen::MatrixXd& S, const Model& m, const SparseCounts& c) {
    const auto k = static_cast<Eigen::Index>(m.use.size());
    Eigen::MatrixXd R(static_cast<Eigen::Index>(c.channels.size()), k);
    for (Eigen::Index j = 0; j < k; ++j) {
        for (size_t i = 0; i < c.channels.size(); ++i) R(static_cast<Eigen::Index>(i), j) = S(c.channels[i], m.use[static_cast<size_t>(j)]);
    }
    const Eigen::VectorXd mu = R * m.fit.exposures;
    const Eigen::VectorXd w = c.counts.cwiseQuotient(mu.cwiseProduct(mu));
    Eigen::MatrixXd info = R.transpose() * w.asDiagonal() * R;
    info.diagonal().array() += 1e-9 * (1.0 + info.diagonal().maxCoeff());
    const Eigen::MatrixXd cov = info.ldlt().solve(Eigen::MatrixXd::Identity(k, k));
    std::vector<std::pair<double, size_t>> wald;
    for (Eigen::Index j = 0; j < k; ++j) {
        const double e = m.fit.exposures(j);
        wald.emplace_back(e * e / std::max(cov(j, j), 1e-300), static_cast<size_t>(j));
    }
    std::sort(wald.begin(), wald.end());
    std::vector<size_t> order;
    for (const auto& [stat, j] : wald) order.push_back(j);
    return order;
}

// How many of the best-ranked candidates get an exact refit in each step.
constexpr size_t kExactCandidates = 3;

// Outside signatures whose addition would raise the likelihood, most
// promising first: by the gain of one Newton step in e_j alone, g^2 / 2h,
// with g the score d loglik / d e_j at e_j = 0 and h the curvature. (The score
// alone would favour peaked signatures over flat ones such as SBS5.)
std::vector<int> addition_order(const Eigen::MatrixXd& S, const Model& m, const SparseCounts& c,
                                const std::vector<char>& in) {
    const Eigen::VectorXd mu = reconstruction(S, m);
    std::vector<std::pair<double, int>> scores;
    for (Eigen::Index j = 0; j < S.cols(); ++j) {
        if (in[static_cast<size_t>(j)]) continue;
        double g = -1, h = 0;
        for (size_t i = 0; i < c.channels.size(); ++i) {
            const double v = mu(c.channels[i]);
            if (v <= 0) continue;
            const double x = S(c.channels[i], j) / v;
            g += c.counts(static_cast<Eigen::Index>(i)) * x;
            h += c.counts(static_cast<Eigen::Index>(i)) * x * x;
        }
        if (g > 0 && h > 0) scores.emplace_back(-g * g / (2 * h), static_cast<int>(j));
    }
    std::sort(scores.begin(), scores.end());
    std::vector<int> order;
    for (const auto& [score, j] : scores) order.push_back(j);
    return order;
}

Model with(const Eigen::MatrixXd& S, const Model& m, int j, const SparseCounts& c) {
    std::vector<int> grown = m.use;
    grown.push_back(j);
    Eigen::VectorXd st(static_cast<Eigen::Index>(grown.size()));
    st.head(static_cast<Eigen::Index>(m.use.size())) = m.fit.exposures;
    st(st.size() - 1) = 0.05 * c.total;
    return fit_model(S, std::move(grown), c, st);
}

void mark(std::vector<char>& in, const Model& m) {
    std::fill(in.begin(), in.end(), 0);
    for (int j : m.use) in[static_cast<size_t>(j)] = 1;
}

}  // namespace

Model candidate_model(const Eigen::MatrixXd& S, const Eigen::MatrixXd& gram, const Eigen::VectorXd& catalogue,
                      const SparseCounts& c) {
    // (Starting instead from the best single signature and growing was
    // tried: greedy additions early on absorb residue into wrong
    // signatures, which then stay.)
    const auto k = S.cols();
    const NnlsResult start = nnls_gram(gram, S.transpose() * catalogue);
    std::vector<int> use;
    std::vector<double> x0;
    for (Eigen::Index j = 0; j < k; ++j) {
        if (start.x(j) > 0) {
            use.push_back(static_cast<int>(j));
            x0.push_back(start.x(j));
        }
    }
    if (use.empty()) {  // not with counts > 0 and distributions, but be safe
        use.push_back(0);
        x0.push_back(c.total);
    }
    return drop_zeros(fit_model(S, use, c, Eigen::Map<Eigen::VectorXd>(x0.data(), static_cast<Eigen::Index>(x0.size()))));
}

bool backward_step(const Eigen::MatrixXd& S, const SparseCounts& c, const Penalty& penalty, Model& model,
                   std::vector<char>& in) {
    bool changed = false;
    while (model.use.size() > 1) {
        const auto order = removal_order(S, model, c);
        double best_delta = std::numeric_limits<double>::infinity();  // deviance rise less its penalty
        Model best;
        for (size_t r = 0; r < order.size() && r < kExactCandidates; ++r) {
            Model m = without(S, model, order[r], c);
            const double delta = 2 * (model.fit.loglik - m.fit.loglik) - penalty.of(model.use[order[r]]);
            if (delta < best_delta) {
                best_delta = delta;
                best = std::move(m);
            }
        }
        if (!(best_delta < 0)) break;
        model = drop_zeros(std::move(best));
        mark(in, model);
        changed = true;
    }
    return changed;
}

bool forward_step(const Eigen::MatrixXd& S, const SparseCounts& c, const Penalty& penalty, Model& model,
                  std::vector<char>& in) {
    // Among the outside signatures with the steepest likelihood gain, the
    // one whose refit gains most.
    const auto order = addition_order(S, model, c, in);
    double best_gain = 0;  // deviance fall less the penalty
    Model best;
    for (size_t r = 0; r < order.size() && r < kExactCandidates; ++r) {
        Model m = with(S, model, order[r], c);
        const double gain = 2 * (m.fit.loglik - model.fit.loglik) - penalty.of(order[r]);
        if (gain > best_gain) {
            best_gain = gain;
            best = std::move(m);
        }
    }
    if (!(best_gain > 0)) return false;
    model = drop_zeros(std::move(best));
    mark(in, model);
    return true;
}

bool swap_step(const Eigen::MatrixXd& S, const SparseCounts& c, const Penalty& penalty, Model& model,
               std::vector<char>& in) {
    // Greedy steps alone stop at sets such as {SBS1, SBS39, SBS42} where
    // {SBS1, SBS5} fits better.
    if (model.use.size() <= 1) return false;
    const double current = objective(model, penalty);
    double best_obj = current - 1e-9;
    Model best;
    for (size_t i = 0; i < model.use.size(); ++i) {
        const Model reduced = without(S, model, i, c);
        // `in` still marks the removed one: it is not a candidate.
        const auto order = addition_order(S, reduced, c, in);
        for (size_t r = 0; r < order.size() && r < kExactCandidates; ++r) {
            Model m = with(S, reduced, order[r], c);
            const double obj = objective(m, penalty);
            if (obj < best_obj) {
                best_obj = obj;
                best = std::move(m);
            }
        }
    }
    if (best.use.empty()) return false;
    model = drop_zeros(std::move(best));
    mark(in, model);
    return true;
}

Model stepwise_search(const Eigen::MatrixXd& S, const SparseCounts& c, const Penalty& penalty, Model model) {
    const auto k = S.cols();
    std::vector<char> in(static_cast<size_t>(k), 0);
    mark(in, model);
    for (int round = 0; round < 4 * k; ++round) {
        bool changed = backward_step(S, c, penalty, model, in);
        changed = forward_step(S, c, penalty, model, in) || changed;
        if (!changed) changed = swap_step(S, c, penalty, model, in);
        if (!changed) break;
    }
    return model;
}

}  // namespace somatic::sig
