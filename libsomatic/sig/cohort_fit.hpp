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

std::vector<SampleFit> fit_cohort(const ChannelTable& catalogue, const Fitter& fitter, const CohortOptions& options);

// The percentile `q` (0..1) of `values` by linear interpolation between
// order statistics (R's type 7). `values` is sorted in place.
double percentile(std::vector<double>& values, double q);

}  // namespace somatic::sig
