// Clustering the signatures of many NMF restarts at one K, and their
// stability.
//
// Every restart gives K signatures. They are clustered into K clusters under
// the constraint that each restart puts exactly one signature into each
// cluster (as in SigProfilerExtractor): starting from one restart's
// signatures as centroids, each restart is matched to the centroids by the
// assignment that minimises the total cosine distance (the Hungarian
// method), the centroids become the means of their members, and this repeats
// until no assignment changes.
//
// Stability is the silhouette with cosine distance: for a signature, a is its
// mean distance to the other members of its cluster, b the smallest mean
// distance to another cluster's members, s = (b - a) / max(a, b). A cluster's
// stability is its members' mean s; near 1 when every restart finds the same
// signature, near 0 or below when restarts split the data in different ways
// (the sign of too large a K). With K = 1 there is nothing to tell apart and
// the stability is 1 by convention; with one restart it is 0.
#pragma once

#include <Eigen/Dense>
#include <vector>

namespace somatic::sig {

// The permutation p minimising sum_i cost(i, p[i]) of a square matrix
// (Hungarian method, O(K^3)).
std::vector<int> min_cost_assignment(const Eigen::MatrixXd& cost);

struct RestartClusters {
    Eigen::MatrixXd centroids;                // 96 x K, columns sum to 1
    std::vector<std::vector<int>> members;    // [restart][column] -> cluster
    Eigen::VectorXd stability;                // per cluster: mean silhouette
    double mean_stability = 0;                // over all signatures
    double min_stability = 0;                 // the least stable cluster
};

// `signatures[r]` is restart r's 96 x K matrix; `seed_restart` the one whose
// signatures start the centroids (the best fit).
RestartClusters cluster_restarts(const std::vector<Eigen::MatrixXd>& signatures, size_t seed_restart);

// 1 - cosine similarity.
double cosine_distance(const Eigen::VectorXd& a, const Eigen::VectorXd& b);

}  // namespace somatic::sig
