#include "libsomatic/sig/restart_clusters.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace somatic::sig;

TEST_CASE("min_cost_assignment finds the cheapest permutation") {
    Eigen::MatrixXd c(3, 3);
    c << 4, 1, 3,
         2, 0, 5,
         3, 4, 2;
    // Permutations: 012: 4+0+2=6; 021: 4+5+4=13; 102: 1+2+2=5; 120: 1+5+3=9;
    // 201: 3+2+4=9; 210: 3+0+3=6. Minimum: 102.
    CHECK(min_cost_assignment(c) == std::vector<int>{1, 0, 2});
    Eigen::MatrixXd one(1, 1);
    one << 7;
    CHECK(min_cost_assignment(one) == std::vector<int>{0});
}

TEST_CASE("restart clusters: matching and silhouettes computed by hand") {
    // Restart 0: A = (1, 0), B = (0, 1). Restart 1 lists its columns the other
    // way round: B' = (0, 1), A' = (1, 0.5).
    // Cosine distances: d(A, A') = 1 - 1/sqrt(1.25) = 0.1055728,
    // d(A', B) = 1 - 0.5/sqrt(1.25) = 0.5527864, d(A, B) = 1, d(B, B') = 0.
    // Silhouettes s = (b - a) / max(a, b):
    //   A:  a = 0.1055728, b = (1 + 1)/2 = 1            -> 0.8944272
    //   A': a = 0.1055728, b = (0.5527864 + 0.5527864)/2 -> 0.8090170
    //   B, B': a = 0, b > 0                               -> 1
    Eigen::MatrixXd r0(2, 2), r1(2, 2);
    r0 << 1, 0, 0, 1;
    r1 << 0, 1, 1, 0.5;
    const auto cl = cluster_restarts({r0, r1}, 0);
    CHECK(cl.members[0] == std::vector<int>{0, 1});
    CHECK(cl.members[1] == std::vector<int>{1, 0});
    CHECK(cl.stability(0) == doctest::Approx((0.8944272 + 0.8090170) / 2).epsilon(1e-6));
    CHECK(cl.stability(1) == doctest::Approx(1));
    CHECK(cl.mean_stability == doctest::Approx((0.8944272 + 0.8090170 + 2) / 4).epsilon(1e-6));
    CHECK(cl.min_stability == doctest::Approx((0.8944272 + 0.8090170) / 2).epsilon(1e-6));
    // Centroids: means of the members normalised to sum 1: A's is
    // ((1,0) + (2/3,1/3)) / 2 = (5/6, 1/6).
    CHECK(cl.centroids(0, 0) == doctest::Approx(5.0 / 6));
    CHECK(cl.centroids(1, 1) == doctest::Approx(1));
}

TEST_CASE("restart clusters: one signature is stable by convention") {
    Eigen::MatrixXd a(2, 1), b(2, 1);
    a << 1, 0;
    b << 0, 1;
    const auto cl = cluster_restarts({a, b}, 0);
    CHECK(cl.mean_stability == 1);
}
