// Exposures of one catalogue to a set of reference signatures.
//
// Method "select" (the default): 
//   1. NNLS of the counts on all signatures gives the candidate set (its
//      support) and a starting point;
//   2. the exposures are the Poisson maximum-likelihood ones (poisson_fit);
//   3. a stepwise search minimises the penalised deviance D + penalty x |S|
//      over signature sets S: backward, the signature whose removal raises
//      the deviance least is dropped while that rise is below the penalty;
//      forward, an outside signature is added when it lowers the deviance by
//      more than the penalty; swap, one signature is replaced by an outside
//      one when that lowers the penalised deviance. Until no move applies.
//      Each move lowers the penalised deviance, so the search ends. Moves
//      are screened cheaply (Wald statistics for removals, one-variable
//      Newton gains for additions) and the best 3 of each are refitted
//      exactly. Each step is a function of selection.hpp.
//   The penalty is in deviance units (2 x log likelihood ratio): a signature
//   must explain the data better by a likelihood ratio of exp(penalty/2).
//   penalty = a + b ln(N) with N the number of mutations: a BIC-like ln N
//   plus a constant for the many signatures tried; a = 6, b = 1, tuned on
//   synthetic cohorts (bench/sig/README.md).
//   A common signature (by default SBS1 and SBS5, the clock-like
//   signatures active in nearly every tumour) has its penalty lowered by its
//   bonus (at least 0 remains): the bonus is twice the log prior odds that
//   it is active. With 11 (tuned), SBS1 and SBS5 enter at 100 mutations
//   almost as freely as an unpenalised fit would let them; it matters only
//   at low counts, where the data alone cannot tell a flat signature from
//   noise.
// Method "nnls": plain NNLS on all signatures, as MutationalPatterns'
//   fit_to_signatures; exposures are the NNLS coefficients.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "libsomatic/sig/poisson_fit.hpp"
#include "libsomatic/sig/signatures.hpp"

namespace somatic::sig {

enum class FitMethod { select, nnls };

// The selection penalty's parts, tuned on synthetic cohorts (bench/sig/run
// --tune): see bench/sig/README.md.
constexpr double kPenaltyConstant = 6.0;
constexpr double kPenaltyPerLogN = 1.0;
// A common signature's bonus, tuned on synthetic cohorts of another seed
// than the reported one (bench/sig/README.md).
constexpr double kCommonBonus = 11;

struct FitOptions {
    FitMethod method = FitMethod::select;
    // The penalty's constant part and its part per log(mutations), in
    // deviance units; -1: the default (kPenaltyConstant, or under a cohort
    // prior kCohortPriorPenaltyConstant; kPenaltyPerLogN).
    double penalty_constant = -1;
    double penalty_per_log_n = -1;
    // Signatures active in nearly every tumour, whose penalty is lowered by
    // common_bonus; names the signature set lacks are ignored.
    std::vector<std::string> common{"SBS1", "SBS5"};
    double common_bonus = kCommonBonus;
    // Per signature (empty: common_bonus for those in `common`, 0 for the
    // rest): deviance units taken off its penalty, the prior log odds (x 2)
    // that it is active. The cohort prior sets it from the cohort's fits.
    std::vector<double> bonus;

    // Throws an OptionError (option_error.hpp) naming the field at fault.
    void validate() const;
};

// Each signature's bonus under `options`: its `bonus` when given, else
// common_bonus for the signatures named in `common`, 0 for the others.
std::vector<double> signature_bonus(const FitOptions& options, const std::vector<std::string>& names);

// The penalty for a catalogue of `mutations` mutations.
double selection_penalty(const FitOptions& options, double mutations);

struct Estimate {
    Eigen::VectorXd exposures;  // one per signature, in counts
};

class Fitter {
public:
    Fitter(const SignatureSet& signatures, const FitOptions& options);
    const SignatureSet& signatures() const { return signatures_; }
    const FitOptions& options() const { return options_; }

    // Exposures of `catalogue` (96 counts). Thread-safe (const).
    Estimate fit(const Eigen::VectorXd& catalogue) const;

    // Exposures of `catalogue` to the signatures that `chosen` gives a
    // non-zero exposure, without a new selection (method nnls: a full NNLS).
    // The bootstrap's fast mode.
    Estimate refit(const Eigen::VectorXd& catalogue, const Estimate& chosen) const;

private:
    Estimate fit_select(const Eigen::VectorXd& catalogue) const;
    const SignatureSet& signatures_;
    FitOptions options_;
    Eigen::MatrixXd gram_;  // S'S, shared by all samples
};

// Cosine similarity of two vectors; 0 when either is zero.
double cosine_similarity(const Eigen::VectorXd& a, const Eigen::VectorXd& b);

}  // namespace somatic::sig
