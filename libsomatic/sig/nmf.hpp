// Non-negative matrix factorisation under the Poisson model: V ~ Poisson(WH)
// with W (96 x K) and H (K x samples) non-negative. Maximising the Poisson
// likelihood is minimising the generalised Kullback-Leibler divergence
//
//     D(V || WH) = sum_ij  v_ij log(v_ij / (WH)_ij) - v_ij + (WH)_ij
//
// (0 log 0 = 0), which Lee and Seung's multiplicative updates (NIPS 2000)
// never increase:
//
//     H <- H .* (W' (V ./ WH)) ./ (W' 1)
//     W <- W .* ((V ./ WH) H') ./ (1 H')
//
// Each update is the EM step of the Poisson model with the other factor
// fixed, so entries stay non-negative and D falls monotonically. After the
// run W's columns are scaled to sum to 1 (signatures) and H's rows by the
// same factors (exposures in mutations); WH is unchanged.
//
// Cost: three 96 x K x n products per iteration; memory O((96 + n) K).
#pragma once

#include <Eigen/Dense>
#include <cstdint>

namespace somatic::sig {

class Rng;

// D(V || WH), as above.
double kl_divergence(const Eigen::MatrixXd& V, const Eigen::MatrixXd& WH);

// One multiplicative update of H, then of W.
void nmf_update(const Eigen::MatrixXd& V, Eigen::MatrixXd& W, Eigen::MatrixXd& H);

struct NmfOptions {
    int max_iterations = 5000;
    // Stop when D fell by less than this fraction of itself over the last
    // `check_every` iterations.
    double tolerance = 1e-7;
    int check_every = 10;
};

struct NmfResult {
    Eigen::MatrixXd W;  // 96 x K, columns sum to 1
    Eigen::MatrixXd H;  // K x n, mutations per signature and sample
    double divergence = 0;
    int iterations = 0;
};

// Runs the updates from W, H until converged, then normalises W's columns.
NmfResult nmf_kl(const Eigen::MatrixXd& V, Eigen::MatrixXd W, Eigen::MatrixXd H, const NmfOptions& options);

// A random start: W uniform in (0, 1], columns scaled to sum to 1; H uniform
// in (0, 1], scaled so that each sample's exposures sum to its mutations.
NmfResult nmf_kl_random(const Eigen::MatrixXd& V, int k, Rng& rng, const NmfOptions& options);

}  // namespace somatic::sig
