#include "libsomatic/cnv/gc_correct.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace somatic::cnv;

TEST_CASE("loess reproduces a straight line exactly") {
    std::vector<double> x, y, w;
    for (int i = 0; i < 30; ++i) {
        x.push_back(i / 29.0);
        y.push_back(3 - 2 * x.back());
        w.push_back(1 + i % 3);
    }
    const auto fit = loess(x, y, w, {0.0, 0.25, 0.5, 1.0}, 0.3);
    CHECK(fit[0] == doctest::Approx(3.0).epsilon(1e-9));
    CHECK(fit[1] == doctest::Approx(2.5).epsilon(1e-9));
    CHECK(fit[2] == doctest::Approx(2.0).epsilon(1e-9));
    CHECK(fit[3] == doctest::Approx(1.0).epsilon(1e-9));
}

TEST_CASE("the GC fit recovers a known depth curve under Poisson noise and copy-number outliers") {
    // Depth(gc) = 100 * (1 + 1.5 (gc - 0.45) - 12 (gc - 0.45)^2), a typical hump.
    auto truth = [](double gc) { return 100 * (1 + 1.5 * (gc - 0.45) - 12 * (gc - 0.45) * (gc - 0.45)); };
    std::mt19937 rng(7);
    std::normal_distribution<double> gc_dist(0.42, 0.06);
    std::vector<double> gc, depth;
    std::vector<char> use;
    for (int i = 0; i < 50000; ++i) {
        const double g = std::clamp(gc_dist(rng), 0.25, 0.65);
        double mean = truth(g);
        if (i % 10 == 0) mean *= 1.5;  // 10% of bins gained: the median ignores them
        std::poisson_distribution<int> p(mean);
        gc.push_back(g);
        depth.push_back(p(rng));
        use.push_back(1);
    }
    const GcCurve curve = fit_gc_curve(gc, depth, use);
    REQUIRE(!curve.empty());
    for (double g : {0.32, 0.36, 0.40, 0.44, 0.48, 0.52}) {
        // Median of Poisson(lambda) with 10% at 1.5 lambda: within 3% of lambda.
        CHECK(curve.at(g) == doctest::Approx(truth(g)).epsilon(0.03));
    }
    // Flat beyond the fitted range, never negative.
    CHECK(curve.at(0.0) == doctest::Approx(curve.gc().front() == 0 ? curve.depth().front() : curve.at(curve.gc().front())));
    CHECK(curve.at(1.0) > 0);
    CHECK(std::isnan(curve.at(std::nan(""))));
}

TEST_CASE("too few strata give no curve") {
    std::vector<double> gc{0.4, 0.4, 0.4, 0.4, 0.4, 0.4}, depth{1, 2, 3, 4, 5, 6};
    std::vector<char> use(6, 1);
    CHECK(fit_gc_curve(gc, depth, use).empty());
}
