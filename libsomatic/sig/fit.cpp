#include "libsomatic/sig/fit.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/sig/nnls.hpp"
#include "libsomatic/sig/option_error.hpp"
#include "libsomatic/sig/selection.hpp"

namespace somatic::sig {

void FitOptions::validate() const {
    // -1 stands for "the default".
    if (!(penalty_constant >= 0) && penalty_constant != -1) throw OptionError("penalty_constant", "must be a number >= 0");
    if (!(penalty_per_log_n >= 0) && penalty_per_log_n != -1) throw OptionError("penalty_per_log_n", "must be a number >= 0");
    if (!(common_bonus >= 0)) throw OptionError("common_bonus", "must be a number >= 0");
}

std::vector<double> signature_bonus(const FitOptions& o, const std::vector<std::string>& names) {
    if (!o.bonus.empty()) return o.bonus;
    std::vector<double> bonus(names.size(), 0.0);
    for (size_t j = 0; j < names.size(); ++j) {
        if (std::find(o.common.begin(), o.common.end(), names[j]) != o.common.end()) bonus[j] = o.common_bonus;
    }
    return bonus;
}

double selection_penalty(const FitOptions& o, double mutations) {
    const double a = o.penalty_constant >= 0 ? o.penalty_constant : kPenaltyConstant;
    const double b = o.penalty_per_log_n >= 0 ? o.penalty_per_log_n : kPenaltyPerLogN;
    return a + b * std::log(std::max(mutations, 1.0));
}

double cosine_similarity(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    const double na = a.norm(), nb = b.norm();
    if (na <= 0 || nb <= 0) return 0;
    return a.dot(b) / (na * nb);
}

Fitter::Fitter(const SignatureSet& signatures, const FitOptions& options)
    : signatures_(signatures), options_(options), gram_(signatures.matrix.transpose() * signatures.matrix) {
    options_.bonus = signature_bonus(options, signatures.names);
}

Estimate Fitter::fit(const Eigen::VectorXd& catalogue) const {
    const auto k = static_cast<Eigen::Index>(signatures_.names.size());
    if (catalogue.sum() <= 0) return Estimate{Eigen::VectorXd::Zero(k)};
    if (options_.method == FitMethod::nnls) {
        return Estimate{nnls_gram(gram_, signatures_.matrix.transpose() * catalogue).x};
    }
    return fit_select(catalogue);
}

Estimate Fitter::refit(const Eigen::VectorXd& catalogue, const Estimate& chosen) const {
    const auto k = static_cast<Eigen::Index>(signatures_.names.size());
    if (options_.method == FitMethod::nnls || catalogue.sum() <= 0) return fit(catalogue);
    std::vector<int> use;
    std::vector<double> start;
    for (Eigen::Index j = 0; j < k; ++j) {
        if (chosen.exposures(j) > 0) {
            use.push_back(static_cast<int>(j));
            start.push_back(chosen.exposures(j));
        }
    }
    if (use.empty()) return fit(catalogue);
    const PoissonFit f = poisson_fit(signatures_.matrix, use, sparse_counts(catalogue),
                                     Eigen::Map<Eigen::VectorXd>(start.data(), static_cast<Eigen::Index>(start.size())));
    Estimate e{Eigen::VectorXd::Zero(k)};
    for (size_t j = 0; j < use.size(); ++j) e.exposures(use[j]) = f.exposures(static_cast<Eigen::Index>(j));
    return e;
}

Estimate Fitter::fit_select(const Eigen::VectorXd& catalogue) const {
    const Eigen::MatrixXd& S = signatures_.matrix;
    const SparseCounts c = sparse_counts(catalogue);
    const Penalty penalty{selection_penalty(options_, c.total), &options_.bonus};
    const Model model = stepwise_search(S, c, penalty, candidate_model(S, gram_, catalogue, c));
    Estimate e{Eigen::VectorXd::Zero(S.cols())};
    for (size_t j = 0; j < model.use.size(); ++j) e.exposures(model.use[j]) = model.fit.exposures(static_cast<Eigen::Index>(j));
    return e;
}

}  // namespace somatic::sig
