#include "libsomatic/sig/fit.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/option_error.hpp"
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

// The hand-worked case of the bonus tests: a flat signature (first) and one
// on the first 48 channels (second), and a catalogue of 3 mutations in each
// of those 48 channels and 2 in each of the others.
SignatureSet flat_and_half(const std::string& flat, const std::string& half) {
    SignatureSet s;
    s.names = {flat, half};
    s.matrix = Eigen::MatrixXd::Zero(kChannels, 2);
    s.matrix.col(0).setConstant(1.0 / 96);
    s.matrix.col(1).head(48).setConstant(1.0 / 48);
    return s;
}

Eigen::VectorXd three_and_two() {
    Eigen::VectorXd c(kChannels);
    c.head(48).setConstant(3);
    c.tail(48).setConstant(2);
    return c;
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

TEST_CASE("a common signature's bonus lowers its penalty, by hand") {
    // Signature F is flat (1/96), H lives on channels 0-47 (1/48). Counts:
    // 3 on each of channels 0-47, 2 on each of 48-95; N = 240.
    // {F}: mu = 2.5 everywhere. {F, H}: mu = 3 and 2, a perfect fit, with
    // F = 192 and H = 48. The deviance H saves is
    //   2 x 48 x (3 ln(3/2.5) + 2 ln(2/2.5)) = 9.665,
    // below the penalty 6 + ln 240 = 11.48, so H is dropped; with a bonus of
    // 11 its penalty is 0.48 and it stays.
    const SignatureSet s = flat_and_half("F", "H");
    const Eigen::VectorXd c = three_and_two();
    CHECK(2 * 48 * (3 * std::log(3 / 2.5) + 2 * std::log(2 / 2.5)) == doctest::Approx(9.665).epsilon(1e-3));
    const Fitter plain(s, {});
    const auto a = plain.fit(c);
    CHECK(a.exposures(0) == doctest::Approx(240));
    CHECK(a.exposures(1) == 0);
    FitOptions o;
    o.bonus = {0, 11};
    const Fitter favoured(s, o);
    const auto b = favoured.fit(c);
    CHECK(b.exposures(0) == doctest::Approx(192).epsilon(1e-6));
    CHECK(b.exposures(1) == doctest::Approx(48).epsilon(1e-6));
}

TEST_CASE("the default fit favours SBS1 and SBS5, as somatic-sig does") {
    FitOptions o;
    CHECK(o.common == std::vector<std::string>{"SBS1", "SBS5"});
    CHECK(o.common_bonus == kCommonBonus);
    CHECK(signature_bonus(o, {"SBS2", "SBS5", "SBS1"}) == std::vector<double>{0, kCommonBonus, kCommonBonus});
    o.common.clear();
    CHECK(signature_bonus(o, {"SBS1"}) == std::vector<double>{0});
    o.bonus = {3};  // given per signature: taken as it is
    CHECK(signature_bonus(o, {"SBS1"}) == std::vector<double>{3});
    // The same by hand as above, F renamed SBS5 and H renamed SBS1: H stays
    // without any option set.
    const SignatureSet s = flat_and_half("SBS5", "SBS1");
    const Eigen::VectorXd c = three_and_two();
    const Fitter fitter(s, {});
    CHECK(fitter.fit(c).exposures(1) == doctest::Approx(48).epsilon(1e-6));
}

TEST_CASE("fit options are checked in their own field names") {
    FitOptions o;
    CHECK_NOTHROW(o.validate());  // -1: the defaults
    o.penalty_constant = -2;
    CHECK_THROWS_WITH_AS(o.validate(), "penalty_constant must be a number >= 0", OptionError);
    o = {};
    o.penalty_per_log_n = std::nan("");
    CHECK_THROWS_WITH_AS(o.validate(), "penalty_per_log_n must be a number >= 0", OptionError);
    o = {};
    o.common_bonus = -1;
    CHECK_THROWS_WITH_AS(o.validate(), "common_bonus must be a number >= 0", OptionError);
}
