#include "libsomatic/stats/log_gamma.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using namespace somatic::stats;

TEST_CASE("log gamma, beta and binomial coefficients by hand") {
    CHECK(log_gamma(5) == doctest::Approx(std::log(24.0)));                    // 4! = 24
    CHECK(log_gamma(0.5) == doctest::Approx(0.5 * std::log(std::numbers::pi)));  // Γ(1/2) = √π
    CHECK(log_beta(2, 3) == doctest::Approx(std::log(1.0 / 12)));              // 1! 2! / 4!
    CHECK(log_choose(10, 3) == doctest::Approx(std::log(120.0)));
    CHECK(log_choose(7, 0) == doctest::Approx(0.0));
}
