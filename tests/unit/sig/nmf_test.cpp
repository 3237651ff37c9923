#include "libsomatic/sig/nmf.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "libsomatic/sig/fit.hpp"
#include "libsomatic/sig/random.hpp"

using namespace somatic::sig;

TEST_CASE("NMF: one multiplicative update, computed by hand") {
    // V = [1 3; 3 1], W = [.5; .5], H = [2 2]: WH is all ones, so
    // H <- H .* (W' V) / sum(W) = [2 2] .* [2 2] = [4 4]; then WH is all 2s,
    // V ./ WH = [.5 1.5; 1.5 .5], (V ./ WH) H' = [8; 8], sum(H) = 8: W stays.
    Eigen::MatrixXd V(2, 2), W(2, 1), H(1, 2);
    V << 1, 3, 3, 1;
    W << 0.5, 0.5;
    H << 2, 2;
    nmf_update(V, W, H);
    CHECK(H(0, 0) == doctest::Approx(4));
    CHECK(H(0, 1) == doctest::Approx(4));
    CHECK(W(0, 0) == doctest::Approx(0.5));
    CHECK(W(1, 0) == doctest::Approx(0.5));
    // D = sum v log(v / 2) - v + 2 = 2 (log 0.5 + 3 log 1.5) = 1.0464962...
    CHECK(kl_divergence(V, W * H) == doctest::Approx(2 * (std::log(0.5) + 3 * std::log(1.5))).epsilon(1e-12));
    // 0 log 0 = 0: a zero count adds only its mean.
    Eigen::MatrixXd Z(1, 1), M(1, 1);
    Z << 0;
    M << 2.5;
    CHECK(kl_divergence(Z, M) == doctest::Approx(2.5));
}

TEST_CASE("NMF: the divergence never increases") {
    Rng rng(3, 0);
    Eigen::MatrixXd V(6, 5);
    for (Eigen::Index i = 0; i < V.size(); ++i) V(i) = std::floor(10 * rng.uniform());
    Eigen::MatrixXd W = Eigen::MatrixXd::Constant(6, 2, 0.5), H = Eigen::MatrixXd::Constant(2, 5, 1.0);
    W(0, 0) = 0.9;
    H(1, 3) = 2;
    double last = kl_divergence(V, W * H);
    for (int it = 0; it < 200; ++it) {
        nmf_update(V, W, H);
        const double d = kl_divergence(V, W * H);
        CHECK(d <= last + 1e-12 * std::abs(last));
        last = d;
    }
}

TEST_CASE("NMF: an exact factorisation with disjoint signatures is recovered") {
    // Signature 0 lives on channels 0-47, signature 1 on 48-95: the
    // factorisation is unique up to order and scale.
    Eigen::MatrixXd W0 = Eigen::MatrixXd::Zero(96, 2);
    for (int i = 0; i < 48; ++i) {
        W0(i, 0) = 1 + i % 5;
        W0(48 + i, 1) = 1 + (i * 7) % 3;
    }
    W0.col(0) /= W0.col(0).sum();
    W0.col(1) /= W0.col(1).sum();
    Eigen::MatrixXd H0(2, 6);
    H0 << 100, 20, 0, 300, 50, 80, 10, 200, 150, 0, 60, 5;
    const Eigen::MatrixXd V = W0 * H0;
    Rng rng(11, 0);
    NmfOptions o;
    o.max_iterations = 20000;
    o.tolerance = 1e-14;
    const NmfResult f = nmf_kl_random(V, 2, rng, o);
    CHECK(f.divergence < 1e-6);
    const int a = cosine_similarity(f.W.col(0), W0.col(0)) > 0.5 ? 0 : 1;  // which column is signature 0
    for (int j = 0; j < 2; ++j) {
        const int mine = j == 0 ? a : 1 - a;
        CHECK(cosine_similarity(f.W.col(mine), W0.col(j)) > 0.99999);
        CHECK(f.W.col(mine).sum() == doctest::Approx(1));
        for (int s = 0; s < 6; ++s) CHECK(f.H(mine, s) == doctest::Approx(H0(j, s)).epsilon(1e-3).scale(1));
    }
}
