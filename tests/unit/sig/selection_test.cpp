#include "libsomatic/sig/selection.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "libsomatic/sig/channels.hpp"

using namespace somatic::sig;

namespace {

// The example worked by hand in fit_test.cpp: F flat (1/96), H on channels
// 0-47 (1/48); counts 3 on channels 0-47 and 2 on 48-95 (N = 240). {F, H}
// fits perfectly (F = 192, H = 48) and saves 9.665 deviance units over
// {F}, less than the penalty 6 + ln 240 = 11.48 unless H has a bonus.
struct Flat {
    Eigen::MatrixXd S = Eigen::MatrixXd::Zero(kChannels, 2);
    Eigen::VectorXd catalogue = Eigen::VectorXd(kChannels);
    SparseCounts c;
    double base = 6 + std::log(240.0);
    Flat() {
        S.col(0).setConstant(1.0 / 96);
        S.col(1).head(48).setConstant(1.0 / 48);
        catalogue.head(48).setConstant(3);
        catalogue.tail(48).setConstant(2);
        c = sparse_counts(catalogue);
    }
    Model fitted(std::vector<int> use) const {
        return fit_model(S, use, c, Eigen::VectorXd::Constant(static_cast<Eigen::Index>(use.size()), c.total / use.size()));
    }
};

std::vector<int> sorted(std::vector<int> v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

TEST_CASE("candidates: the NNLS support, refitted by Poisson MLE") {
    const Flat f;
    const Model m = candidate_model(f.S, f.S.transpose() * f.S, f.catalogue, f.c);
    REQUIRE(m.use == std::vector<int>{0, 1});
    CHECK(m.fit.exposures(0) == doctest::Approx(192).epsilon(1e-6));
    CHECK(m.fit.exposures(1) == doctest::Approx(48).epsilon(1e-6));
}

TEST_CASE("backward: a signature that saves less than its penalty is dropped") {
    const Flat f;
    Model m = f.fitted({0, 1});
    std::vector<char> in{1, 1};
    CHECK(backward_step(f.S, f.c, Penalty{f.base, nullptr}, m, in));
    CHECK(m.use == std::vector<int>{0});
    CHECK(in == std::vector<char>{1, 0});
    CHECK(m.fit.exposures(0) == doctest::Approx(240).epsilon(1e-6));

    const std::vector<double> bonus{0, 11};
    Model kept = f.fitted({0, 1});
    std::vector<char> in2{1, 1};
    CHECK_FALSE(backward_step(f.S, f.c, Penalty{f.base, &bonus}, kept, in2));
    CHECK(kept.use == std::vector<int>{0, 1});
}

TEST_CASE("forward: an outside signature enters only when it beats its penalty") {
    const Flat f;
    Model m = f.fitted({0});
    std::vector<char> in{1, 0};
    CHECK_FALSE(forward_step(f.S, f.c, Penalty{f.base, nullptr}, m, in));
    CHECK(m.use == std::vector<int>{0});
    const std::vector<double> bonus{0, 11};
    CHECK(forward_step(f.S, f.c, Penalty{f.base, &bonus}, m, in));
    CHECK(m.use == std::vector<int>{0, 1});
    CHECK(in == std::vector<char>{1, 1});
}

TEST_CASE("swap: one signature replaced by an outside one when the penalised deviance falls") {
    // X mostly on channels 0-31, Y on 32-63, Z on 64-95, W on 0-63 (each
    // with a floor elsewhere, as real signatures have); counts 4 on every
    // channel, which {Z, W} explains best. From {X, Z}, a swap of X for W
    // gets there in one move.
    Eigen::MatrixXd S = Eigen::MatrixXd::Constant(kChannels, 4, 0.001);
    S.col(0).segment(0, 32).setConstant(1.0 / 32);
    S.col(1).segment(32, 32).setConstant(1.0 / 32);
    S.col(2).segment(64, 32).setConstant(1.0 / 32);
    S.col(3).segment(0, 64).setConstant(1.0 / 64);
    for (int j = 0; j < 4; ++j) S.col(j) /= S.col(j).sum();
    const SparseCounts c = sparse_counts(Eigen::VectorXd::Constant(kChannels, 4));
    const Penalty penalty{6 + std::log(c.total), nullptr};
    Model m = fit_model(S, {0, 2}, c, Eigen::VectorXd::Constant(2, c.total / 2));
    std::vector<char> in{1, 0, 1, 0};
    const double before = objective(m, penalty);
    CHECK(swap_step(S, c, penalty, m, in));
    CHECK(sorted(m.use) == std::vector<int>{2, 3});
    CHECK(in == std::vector<char>{0, 0, 1, 1});
    CHECK(objective(m, penalty) < before);
    CHECK_FALSE(swap_step(S, c, penalty, m, in));  // nothing better left
    Model single = fit_model(S, {3}, c, Eigen::VectorXd::Constant(1, c.total));
    CHECK_FALSE(swap_step(S, c, penalty, single, in));  // a lone signature is not swapped
}

TEST_CASE("the search: rounds of moves until none applies") {
    const Flat f;
    const Model start = candidate_model(f.S, f.S.transpose() * f.S, f.catalogue, f.c);
    CHECK(stepwise_search(f.S, f.c, Penalty{f.base, nullptr}, start).use == std::vector<int>{0});
    const std::vector<double> bonus{0, 11};
    CHECK(sorted(stepwise_search(f.S, f.c, Penalty{f.base, &bonus}, start).use) == std::vector<int>{0, 1});
}
