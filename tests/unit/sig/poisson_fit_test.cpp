#include "libsomatic/sig/poisson_fit.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "libsomatic/sig/channels.hpp"

using namespace somatic::sig;

namespace {
// Signature 0 lives on channels 0-47, signature 1 on 48-95 (disjoint), and
// signature 2 is flat.
Eigen::MatrixXd three() {
    Eigen::MatrixXd S = Eigen::MatrixXd::Zero(kChannels, 3);
    S.col(0).head(48).setConstant(1.0 / 48);
    S.col(1).tail(48).setConstant(1.0 / 48);
    S.col(2).setConstant(1.0 / 96);
    return S;
}
}  // namespace

TEST_CASE("Poisson MLE: disjoint signatures take exactly their channels' counts") {
    const auto S = three();
    Eigen::VectorXd c = Eigen::VectorXd::Zero(kChannels);
    c(3) = 30;
    c(10) = 10;
    c(60) = 25;
    const auto f = poisson_fit(S, {0, 1}, sparse_counts(c), Eigen::VectorXd::Ones(2));
    CHECK(f.exposures(0) == doctest::Approx(40).epsilon(1e-8));
    CHECK(f.exposures(1) == doctest::Approx(25).epsilon(1e-8));
    // log L = sum c log mu - sum mu, mu = 40/48 on the first half, 25/48 on the second.
    const double ll = 40 * std::log(40.0 / 48) + 25 * std::log(25.0 / 48) - 65;
    CHECK(f.loglik == doctest::Approx(ll).epsilon(1e-10));
}

TEST_CASE("Poisson MLE: a useless signature goes to zero and exposures sum to N") {
    const auto S = three();
    Eigen::VectorXd c = Eigen::VectorXd::Zero(kChannels);
    for (int i = 0; i < 48; ++i) c(i) = 2;  // exactly signature 0's shape
    const auto f = poisson_fit(S, {0, 1, 2}, sparse_counts(c), Eigen::VectorXd::Ones(3));
    CHECK(f.exposures.sum() == doctest::Approx(96).epsilon(1e-9));
    CHECK(f.exposures(0) == doctest::Approx(96).epsilon(1e-6));
    CHECK(f.exposures(1) == doctest::Approx(0).epsilon(1e-6));
    CHECK(f.exposures(2) < 1e-4);
}

TEST_CASE("Poisson MLE: no mutations, no signatures") {
    const auto S = three();
    const Eigen::VectorXd c = Eigen::VectorXd::Zero(kChannels);
    const auto f = poisson_fit(S, {0, 2}, sparse_counts(c), Eigen::VectorXd::Ones(2));
    CHECK(f.exposures.isZero());
    CHECK(f.loglik == 0);
}
