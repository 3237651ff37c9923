// The stepwise selection of `Fitter`'s method "select" (fit.hpp), one
// function per step so that each can be tested alone:
//   candidate_model  the NNLS support, then its Poisson MLE;
//   backward_step    drop signatures while the cheapest removal costs less
//                    than its penalty;
//   forward_step     add the outside signature whose refit gains most, if it
//                    beats its penalty;
//   swap_step        replace one signature by an outside one when that lowers
//                    the penalised deviance;
//   stepwise_search  the three moves in rounds until none applies.
// Every move lowers the penalised deviance (objective), so the search ends.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <vector>

#include "libsomatic/sig/poisson_fit.hpp"

namespace somatic::sig {

// A set of signatures (columns of S) and their Poisson MLE.
struct Model {
    std::vector<int> use;
    PoissonFit fit;
};

// The penalty of each signature: the common one less its bonus (the prior
// log odds of a commonly active signature, in deviance units), at least 0.
struct Penalty {
    double base = 0;
    const std::vector<double>* bonus = nullptr;
    double of(int j) const {
        if (!bonus || bonus->empty()) return base;
        return std::max(0.0, base - (*bonus)[static_cast<size_t>(j)]);
    }
};

// The Poisson MLE of `use`, from `start`.
Model fit_model(const Eigen::MatrixXd& S, std::vector<int> use, const SparseCounts& c, const Eigen::VectorXd& start);

// The penalised deviance (up to a constant) that the search minimises.
double objective(const Model& m, const Penalty& penalty);

// The search's first model: the support of the NNLS of the counts on all
// signatures (`gram` = S'S), refitted by Poisson MLE, zero exposures dropped.
Model candidate_model(const Eigen::MatrixXd& S, const Eigen::MatrixXd& gram, const Eigen::VectorXd& catalogue,
                      const SparseCounts& counts);

// The moves. Each updates `model` and `in` (1 for the signatures in the
// model) and returns whether it changed the model.
bool backward_step(const Eigen::MatrixXd& S, const SparseCounts& counts, const Penalty& penalty, Model& model,
                   std::vector<char>& in);
bool forward_step(const Eigen::MatrixXd& S, const SparseCounts& counts, const Penalty& penalty, Model& model,
                  std::vector<char>& in);
bool swap_step(const Eigen::MatrixXd& S, const SparseCounts& counts, const Penalty& penalty, Model& model,
               std::vector<char>& in);

// Rounds of backward, forward and (when neither changed anything) swap
// steps from `start`, until a round changes nothing (at most 4 x the number
// of signatures rounds).
Model stepwise_search(const Eigen::MatrixXd& S, const SparseCounts& counts, const Penalty& penalty, Model start);

}  // namespace somatic::sig
