#include "libsomatic/sig/fit.hpp"

#include <doctest/doctest.h>

#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/random.hpp"

using namespace somatic::sig;

namespace {
// Four signatures, each mostly on its own quarter of the channels (with a
// floor elsewhere, as real signatures have).
SignatureSet quarters(double floor = 0.001) {
    SignatureSet s;
    s.names = {"A", "B", "C", "D"};
    s.matrix = Eigen::MatrixXd::Constant(kChannels, 4, floor);
    for (int j = 0; j < 4; ++j) {
        s.matrix.col(j).segment(24 * j, 24).setConstant(1.0 / 24);
        s.matrix.col(j) /= s.matrix.col(j).sum();
    }
    return s;
}
}  // namespace

TEST_CASE("selection keeps the signatures the data supports and drops a trace") {
    const auto sigs = quarters();
    Fitter fitter(sigs, {});
    Rng rng(3, 0);
    Eigen::VectorXd p(4);
    p << 0.6, 0.4, 0, 0;
    Eigen::VectorXd c = multinomial(rng, 1000, sigs.matrix * p);
    c(80) += 1;  // one stray mutation in D's channels
    const auto e = fitter.fit(c).exposures;
    CHECK(e(0) > 500);
    CHECK(e(1) > 300);
    CHECK(e(2) == 0);
    CHECK(e(3) == 0);  // 1 mutation does not pay the penalty of a signature
    CHECK(e(0) / e(1) == doctest::Approx(0.6 / 0.4).epsilon(0.25));
    CHECK(e.sum() == doctest::Approx(1001).epsilon(1e-6));  // the MLE explains every mutation
}

TEST_CASE("method nnls is plain NNLS; zero catalogue gives zeros") {
    const auto sigs = quarters(0);
    FitOptions o;
    o.method = FitMethod::nnls;
    Fitter fitter(sigs, o);
    Eigen::VectorXd c = Eigen::VectorXd::Zero(kChannels);
    c(0) = 24;
    c(80) = 1;
    const auto e = fitter.fit(c).exposures;
    CHECK(e(0) == doctest::Approx(24).epsilon(1e-9));
    CHECK(e(3) == doctest::Approx(1).epsilon(1e-9));
    CHECK(Fitter(sigs, {}).fit(Eigen::VectorXd::Zero(kChannels)).exposures.isZero());
}

TEST_CASE("the penalty grows with log N") {
    FitOptions o;
    CHECK(selection_penalty(o, 100) < selection_penalty(o, 10000));
    o.penalty_constant = 2;
    o.penalty_per_log_n = 0;
    CHECK(selection_penalty(o, 1e6) == 2);
}
