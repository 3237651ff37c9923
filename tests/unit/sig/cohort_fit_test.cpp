#include "libsomatic/sig/cohort_fit.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/random.hpp"

using namespace somatic::sig;

namespace {
SignatureSet three() {
    SignatureSet s;
    s.names = {"X", "Y", "Z"};
    s.matrix = Eigen::MatrixXd::Zero(kChannels, 3);
    Rng rng(5, 5);
    for (int j = 0; j < 3; ++j) {
        for (int c = 0; c < kChannels; ++c) s.matrix(c, j) = rng.uniform() * (c % 3 == j ? 4 : 1);
        s.matrix.col(j) /= s.matrix.col(j).sum();
    }
    return s;
}

ChannelTable cohort(const SignatureSet& s, int n) {
    ChannelTable t;
    t.values.resize(kChannels, n);
    Rng rng(11, 0);
    for (int i = 0; i < n; ++i) {
        t.columns.push_back("s" + std::to_string(i));
        Eigen::VectorXd w(3);
        w << rng.uniform(), rng.uniform(), 0.1;
        t.values.col(i) = multinomial(rng, 50 + 40 * i, s.matrix * w);
    }
    t.values.col(2).setZero();  // a sample without mutations
    return t;
}

bool same(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    if (a.size() != b.size()) return false;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        if (!(a(i) == b(i) || (std::isnan(a(i)) && std::isnan(b(i))))) return false;
    }
    return true;
}
}  // namespace

TEST_CASE("bootstrap: same seed, same intervals, at 1 and 4 threads, in both modes") {
    const auto sigs = three();
    const auto cat = cohort(sigs, 12);
    Fitter fitter(sigs, {});
    for (auto mode : {BootstrapMode::refit, BootstrapMode::select}) {
        CohortOptions o;
        o.bootstrap = 30;
        o.seed = 7;
        o.bootstrap_mode = mode;
        o.threads = 1;
        const auto a = fit_cohort(cat, fitter, o);
        o.threads = 4;
        const auto b = fit_cohort(cat, fitter, o);
        const auto c = fit_cohort(cat, fitter, o);
        o.seed = 8;
        const auto d = fit_cohort(cat, fitter, o);
        REQUIRE(a.size() == 12);
        bool differs = false;
        for (size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].sample == b[i].sample);
            CHECK(same(a[i].exposures, b[i].exposures));
            CHECK(same(a[i].low, b[i].low));
            CHECK(same(a[i].high, b[i].high));
            CHECK(same(a[i].presence, b[i].presence));
            CHECK(same(b[i].high, c[i].high));
            if (!same(a[i].high, d[i].high)) differs = true;
        }
        CHECK(differs);  // another seed, other replicates
    }
}

TEST_CASE("intervals bracket the estimate; a sample without mutations gets zeros and NA") {
    const auto sigs = three();
    const auto cat = cohort(sigs, 6);
    Fitter fitter(sigs, {});
    CohortOptions o;
    o.bootstrap = 50;
    const auto fits = fit_cohort(cat, fitter, o);
    for (size_t i = 0; i < fits.size(); ++i) {
        const auto& f = fits[i];
        if (i == 2) {
            CHECK(f.mutations == 0);
            CHECK(f.exposures.isZero());
            CHECK(std::isnan(f.cosine));
            CHECK(std::isnan(f.unexplained));
            continue;
        }
        if (f.mutations >= 300) CHECK(f.cosine > 0.8);
        CHECK(f.unexplained >= 0);
        CHECK(f.unexplained <= 1);
        for (Eigen::Index j = 0; j < 3; ++j) {
            CHECK(f.low(j) <= f.high(j));
            if (f.exposures(j) > 0) CHECK(f.presence(j) > 0);
        }
    }
}

TEST_CASE("percentile interpolates between order statistics (R type 7)") {
    std::vector<double> v{4, 1, 3, 2};
    CHECK(percentile(v, 0) == 1);
    CHECK(percentile(v, 1) == 4);
    CHECK(percentile(v, 0.5) == doctest::Approx(2.5));
    CHECK(percentile(v, 0.025) == doctest::Approx(1.075));
}

TEST_CASE("Unexplained and its expectation under the reconstruction, by hand") {
    // c = (2, 0), mu = (1, 1): (|2 - 1| + |0 - 1|) / (2 x 2) = 0.5.
    Eigen::VectorXd c(2), mu(2);
    c << 2, 0;
    mu << 1, 1;
    CHECK(unexplained_share(c, mu) == doctest::Approx(0.5));
    // N = 2, p = (1/2, 1/2): X ~ Bin(2, 1/2), |X - 1| is 1 with probability
    // 1/2, so E sum |X_i - 1| = 1 and the expected share is 1 / 4.
    CHECK(expected_unexplained_share(mu, 2) == doctest::Approx(0.25));
    // N = 3, p = (1/3, 2/3): E|X - 1| = 1 x P(0) + 1 x P(2) + 2 x P(3)
    // = 8/27 + 6/27 + 2/27 = 16/27, the same for the other channel; the
    // share is (32/27) / 6 = 16/81.
    mu << 1, 2;
    CHECK(expected_unexplained_share(mu, 3) == doctest::Approx(16.0 / 81).epsilon(1e-12));
    // A channel with p = 0 or 1 never deviates.
    Eigen::VectorXd one(3);
    one << 0, 5, 0;
    CHECK(expected_unexplained_share(one, 5) == 0);
    SampleFit f;
    summarise_fit(f, c, c);
    CHECK(f.cosine == doctest::Approx(1));
    CHECK(f.unexplained == 0);
    CHECK(f.mutations == 2);
}

TEST_CASE("cohort prior: the bonus is twice the log odds against the average signature, by hand") {
    // Two signatures, two samples: the first selected by both, the second by
    // none. Mean selected per sample 1, so p0 = (1 + 1) / (2 + 2) = 1/2
    // (logit 0); p = 3/4 and 1/4, logits +-ln 3.
    const auto b = cohort_prior_bonus({2, 0}, 2);
    REQUIRE(b.size() == 2);
    CHECK(b[0] == doctest::Approx(2 * std::log(3.0)));
    CHECK(b[1] == doctest::Approx(-2 * std::log(3.0)));
    // A signature at the average prevalence gets no bonus.
    const auto even = cohort_prior_bonus({1, 1}, 2);
    CHECK(even[0] == doctest::Approx(0).epsilon(1e-12));
}

TEST_CASE("cohort prior: its own penalty constant unless the options set one") {
    FitOptions defaults;
    CHECK(cohort_prior_fit_options(defaults).penalty_constant == kCohortPriorPenaltyConstant);
    CHECK(selection_penalty(cohort_prior_fit_options(defaults), 100) ==
          doctest::Approx(kCohortPriorPenaltyConstant + std::log(100.0)));
    FitOptions set;
    set.penalty_constant = 5;
    CHECK(cohort_prior_fit_options(set).penalty_constant == 5);
    // The cohort fit is the same as one given that constant explicitly (30
    // samples: in the first 8 or 20, 3 and 6 select the same signatures).
    const auto sigs = three();
    const auto cat = cohort(sigs, 30);
    CohortOptions o;
    o.cohort_prior = true;
    FitOptions three_explicit;
    three_explicit.penalty_constant = kCohortPriorPenaltyConstant;
    const auto a = fit_cohort(cat, Fitter(sigs, {}), o);
    const auto b = fit_cohort(cat, Fitter(sigs, three_explicit), o);
    for (size_t i = 0; i < a.size(); ++i) CHECK(same(a[i].exposures, b[i].exposures));
    // ... and not the same as with the plain fit's constant, or the check
    // above could not tell whether the default took effect.
    FitOptions six;
    six.penalty_constant = 6;
    const auto c = fit_cohort(cat, Fitter(sigs, six), o);
    bool differs = false;
    for (size_t i = 0; i < a.size(); ++i) differs = differs || !same(a[i].exposures, c[i].exposures);
    CHECK(differs);
}

TEST_CASE("cohort prior: same result at 1 and 4 threads; one sample fits as without it") {
    const auto sigs = three();
    const auto cat = cohort(sigs, 8);
    Fitter fitter(sigs, {});
    CohortOptions o;
    o.cohort_prior = true;
    o.threads = 1;
    const auto a = fit_cohort(cat, fitter, o);
    o.threads = 4;
    const auto b = fit_cohort(cat, fitter, o);
    REQUIRE(a.size() == 8);
    for (size_t i = 0; i < a.size(); ++i) CHECK(same(a[i].exposures, b[i].exposures));
    ChannelTable single;
    single.columns = {"s1"};
    single.values = cat.values.col(1);
    CohortOptions plain;
    const auto with = fit_cohort(single, fitter, o);
    const auto without = fit_cohort(single, fitter, plain);
    CHECK(same(with[0].exposures, without[0].exposures));
}
