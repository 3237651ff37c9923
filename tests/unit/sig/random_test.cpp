#include "libsomatic/sig/random.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace somatic::sig;

TEST_CASE("a stream is reproducible and streams differ") {
    Rng a(42, 7), b(42, 7), c(42, 8), d(43, 7);
    const uint64_t x = a.next();
    CHECK(x == b.next());
    CHECK(x != c.next());
    CHECK(x != d.next());
}

TEST_CASE("binomial draws have the right mean and variance, in both algorithms") {
    Rng rng(1, 0);
    for (const auto& [n, p] : {std::pair<int64_t, double>{20, 0.1}, {1000, 0.3}, {100000, 0.02}, {50, 0.9}}) {
        const int draws = 20000;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < draws; ++i) {
            const double k = static_cast<double>(binomial(rng, n, p));
            REQUIRE(k >= 0);
            REQUIRE(k <= static_cast<double>(n));
            sum += k;
            sum2 += k * k;
        }
        const double mean = sum / draws, var = sum2 / draws - mean * mean;
        const double want_mean = static_cast<double>(n) * p, want_var = want_mean * (1 - p);
        CHECK(std::fabs(mean - want_mean) < 5 * std::sqrt(want_var / draws));
        CHECK(var == doctest::Approx(want_var).epsilon(0.05));
    }
}

TEST_CASE("a multinomial draw keeps the total and leaves empty categories empty") {
    Rng rng(9, 1);
    Eigen::VectorXd p(5);
    p << 3, 0, 1, 0, 6;
    for (int i = 0; i < 100; ++i) {
        const Eigen::VectorXd x = multinomial(rng, 1234, p);
        CHECK(x.sum() == 1234);
        CHECK(x(1) == 0);
        CHECK(x(3) == 0);
    }
}
