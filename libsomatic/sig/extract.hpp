// De novo signatures of a cohort: NMF at each K, many restarts, the number
// of signatures chosen by stability and a likelihood criterion.
//
// For each K in [min_k, max_k], `restarts` runs of Poisson NMF (nmf.hpp),
// each from a random start on a resampled cohort (every sample's catalogue
// redrawn from the multinomial with its own frequencies and total, as
// SigProfilerExtractor does, so that the spread of the restarts reflects the
// sampling noise as well as the optimiser's local optima). The restarts'
// signatures are clustered (restart_clusters.hpp); the cluster centroids are
// that K's signatures, and each sample's exposures are their Poisson
// maximum-likelihood fit to the original catalogue.
//
// Choosing K. A K is stable when the mean silhouette of its clusters is at
// least `min_stability` (0.8) and its least stable cluster at least
// `min_cluster_stability` (0.5): restarts on resampled data keep finding the
// same signatures. Among the stable K the one with the lowest BIC,
//     deviance + ln(96 n) x K (95 + n)
// (deviance = 2 D(V || WH) of the consensus fit; K(95 + n) free parameters,
// 95 per signature as a distribution and one exposure per sample), is
// chosen: more signatures must lower the deviance by more than their
// parameters' worth. When no K is stable, the most stable one is.
//
// Cost: restarts x (max_k - min_k + 1) NMF runs, each up to max_iterations
// iterations of ~6 x 96 x K x n flops; memory O(restarts x 96 x K).
// Restarts run in parallel (TBB); restart r of rank K draws from the random
// stream (seed, K, r), so the result is the same at any number of threads.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/sig/nmf.hpp"
#include "libsomatic/sig/signatures.hpp"

namespace somatic::sig {

struct ExtractOptions {
    int min_k = 1;
    int max_k = 8;
    int restarts = 20;
    uint64_t seed = 1;
    int threads = 1;
    bool resample = true;
    double min_stability = 0.8;
    double min_cluster_stability = 0.5;
    NmfOptions nmf;

    // Throws an OptionError naming the field at fault (min_k < 1, max_k <
    // min_k, restarts < 1, min_stability outside [-1, 1],
    // nmf.max_iterations < 1).
    void validate() const;
};

// One K's solution.
struct Rank {
    int k = 0;
    Eigen::MatrixXd signatures;   // 96 x K, columns sum to 1, by total exposure, largest first
    Eigen::MatrixXd exposures;    // K x samples, mutations
    Eigen::VectorXd stability;    // per signature (same order)
    double mean_stability = 0;
    double min_stability = 0;
    double deviance = 0;          // 2 D(V || WH) of the consensus fit
    double bic = 0;
    double mean_cosine = 0;       // mean over samples of cosine(catalogue, reconstruction)
    double best_restart_deviance = 0;  // 2 D of the best restart on its (resampled) data
    bool stable = false;
};

struct Extraction {
    std::vector<Rank> ranks;  // min_k .. max_k
    size_t chosen = 0;        // index into ranks
};

// `catalogue`: 96 x samples counts. Throws an OptionError for options that
// fail validate() or a max_k >= samples or > 96, and an input error for a
// cohort without mutations.
Extraction extract_signatures(const Eigen::MatrixXd& catalogue, const ExtractOptions& options);

// The names of K extracted signatures: SBS96A, SBS96B, ..., SBS96Z, SBS96AA, ...
std::vector<std::string> extracted_names(int k, const std::string& prefix = "SBS96");

// For each column of `extracted`, the reference signature with the highest
// cosine similarity, and that similarity.
struct Nearest {
    std::string name;
    double cosine = 0;
};
std::vector<Nearest> nearest_signatures(const Eigen::MatrixXd& extracted, const SignatureSet& reference);

}  // namespace somatic::sig
