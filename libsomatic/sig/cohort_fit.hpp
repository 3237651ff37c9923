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
    // With bootstrap: per signature, the percentiles of the replicates'
    // exposures (counts) and the share of replicates in which it is non-zero.
    Eigen::VectorXd low, high, presence;
};

std::vector<SampleFit> fit_cohort(const ChannelTable& catalogue, const Fitter& fitter, const CohortOptions& options);

// The percentile `q` (0..1) of `values` by linear interpolation between
// order statistics (R's type 7). `values` is sorted in place.
double percentile(std::vector<double>& values, double q);

}  // namespace somatic::sig
