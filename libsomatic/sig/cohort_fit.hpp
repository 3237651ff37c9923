// Fitting a cohort: every sample's exposures, summary figures and bootstrap
// intervals, samples in parallel (TBB), results in input order.
//
// Bootstrap: each replicate draws a catalogue of the same size from the
// multinomial with the observed channel frequencies and fits it again: by
// default only the exposures of the signatures the sample's fit selected
// (fast: ~20 us a replicate; the intervals are conditional on that
// selection), or with BootstrapMode::select the whole fit, selection
// included, so that the intervals and the presence column also carry the
// uncertainty of which signatures are active (~100 times slower). Sample i's
// replicates use the random stream (seed, i): the numbers do not depend on
// --threads.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/fit.hpp"

namespace somatic::sig {

enum class BootstrapMode { refit, select };

struct CohortOptions {
    BootstrapMode bootstrap_mode = BootstrapMode::refit;
    int threads = 1;
    int bootstrap = 0;  // replicates; 0: none
    uint64_t seed = 1;
    double ci_low = 0.025;
    double ci_high = 0.975;
    // Empirical Bayes over the cohort (fit_cohort): each signature's bonus
    // comes from how often the cohort's fits select it (cohort_prior_bonus).
    bool cohort_prior = false;

    // Throws an OptionError naming the field at fault.
    void validate() const;
};

struct SampleFit {
    std::string sample;
    Eigen::VectorXd exposures;      // counts, one per signature
    double mutations = 0;
    double cosine = 0;              // of the catalogue and its reconstruction; NaN when no mutation
    double unexplained = 0;         // sum |c - mu| / (2 N); NaN when no mutation
    double expected_unexplained = 0;  // its expectation were mu the truth; NaN when no mutation
    // With bootstrap: per signature, the percentiles of the replicates'
    // exposures (counts) and the share of replicates in which it is non-zero.
    Eigen::VectorXd low, high, presence;
};

// Unexplained: the share of a sample's N mutations that sit in channels in
// excess of the reconstruction mu, sum_i |c_i - mu_i| / (2 N) (the total
// variation distance between the catalogue and the reconstruction, when mu
// sums to N). It is 0 only for a perfect match, and even a perfect model
// leaves sampling noise: at N = 250 over 96 channels about a quarter of the
// mutations "move". So each sample also gets the expected value of that same
// figure were mu the truth and c a multinomial draw of N from it:
//     sum_i E|X_i - N p_i| / (2 N),  X_i ~ Binomial(N, p_i),  p = mu / sum(mu),
// with de Moivre's closed form E|X - Np| = 2 m C(N, m) p^m (1 - p)^(N - m + 1),
// m = floor(Np) + 1. Unexplained well above it means the signatures miss
// something; close to it, the rest is noise.
double unexplained_share(const Eigen::VectorXd& catalogue, const Eigen::VectorXd& reconstruction);
double expected_unexplained_share(const Eigen::VectorXd& reconstruction, double mutations);

// Fills mutations, cosine and the two Unexplained figures of `r`.
void summarise_fit(SampleFit& r, const Eigen::VectorXd& catalogue, const Eigen::VectorXd& reconstruction);

// Cohort prior: the bonus (deviance units, as FitOptions::bonus) of each
// signature from how many of the cohort's n samples select it. Signature j's
// prevalence is estimated with a Laplace (Beta(1, 1)) prior,
// p_j = (selected_j + 1) / (n + 2), and the prevalence an average signature
// has, the one the common penalty stands for, is
// p0 = (mean selected per sample + 1) / (K + 2), K signatures. The bonus is
// twice the log prior odds of j against that average signature,
// 2 (logit p_j - logit p0): positive for signatures the cohort often has,
// negative (a larger penalty) for those it never selects.
std::vector<double> cohort_prior_bonus(const std::vector<int>& selected, int samples);

// With options.cohort_prior and at least 2 samples with mutations: the
// cohort is fitted with the fitter's own options, then again with the bonus
// of cohort_prior_bonus from the previous fits' selections, until the
// selections stop changing (at most kCohortPriorRounds refits). The last
// round is the one reported. Each round's fits are deterministic, so the
// result does not depend on the thread count.
constexpr int kCohortPriorRounds = 5;
// The constant part of the selection penalty under the cohort prior, unless
// the options set one: the prior's per-signature log odds take over part of
// what the constant 6 of a lone fit stands for (a guard against the many
// signatures tried). Tuned on seeds 2000+N of single-cancer-type cohorts
// (bench/sig/README.md): 3 against 6 lowered the published fitting error at
// 100 mutations from 0.244 to 0.227 and at 2,000 from 0.0437 to 0.0426.
constexpr double kCohortPriorPenaltyConstant = 3.0;

// `options` as the cohort prior's rounds use them: the penalty constant
// kCohortPriorPenaltyConstant where the options leave the default.
FitOptions cohort_prior_fit_options(FitOptions options);

std::vector<SampleFit> fit_cohort(const ChannelTable& catalogue, const Fitter& fitter, const CohortOptions& options);

// The percentile `q` (0..1) of `values` by linear interpolation between
// order statistics (R's type 7). `values` is sorted in place.
double percentile(std::vector<double>& values, double q);

}  // namespace somatic::sig
