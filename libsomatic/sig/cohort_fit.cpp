#include "libsomatic/sig/option_error.hpp"
#include "libsomatic/sig/cohort_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "libsomatic/sig/random.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/stats/log_gamma.hpp"

namespace somatic::sig {

double percentile(std::vector<double>& v, double q) {
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const double h = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double unexplained_share(const Eigen::VectorXd& c, const Eigen::VectorXd& mu) {
    const double n = c.sum();
    return n > 0 ? (c - mu).cwiseAbs().sum() / (2 * n) : std::numeric_limits<double>::quiet_NaN();
}

namespace {

// E|X - n p| for X ~ Binomial(n, p), de Moivre's formula.
double binomial_mean_absolute_deviation(int64_t n, double p) {
    if (n <= 0 || p <= 0 || p >= 1) return 0;
    const auto m = static_cast<int64_t>(std::floor(static_cast<double>(n) * p)) + 1;
    if (m > n) return 0;  // p so close to 1 that floor(np) = n: X = n almost surely
    const double dn = static_cast<double>(n), dm = static_cast<double>(m);
    const double log_choose = stats::log_choose(dn, dm);
    return 2 * dm * std::exp(log_choose + dm * std::log(p) + (dn - dm + 1) * std::log1p(-p));
}

}  // namespace

double expected_unexplained_share(const Eigen::VectorXd& mu, double mutations) {
    const double total = mu.sum();
    const auto n = static_cast<int64_t>(std::llround(mutations));
    if (n <= 0 || total <= 0) return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    for (Eigen::Index i = 0; i < mu.size(); ++i) sum += binomial_mean_absolute_deviation(n, mu(i) / total);
    return sum / (2 * static_cast<double>(n));
}

void summarise_fit(SampleFit& r, const Eigen::VectorXd& c, const Eigen::VectorXd& mu) {
    r.mutations = c.sum();
    if (r.mutations <= 0) {
        r.cosine = r.unexplained = r.expected_unexplained = std::numeric_limits<double>::quiet_NaN();
        return;
    }
    r.cosine = cosine_similarity(c, mu);
    r.unexplained = unexplained_share(c, mu);
    r.expected_unexplained = expected_unexplained_share(mu, r.mutations);
}

namespace {

SampleFit fit_sample(const Eigen::VectorXd& c, const std::string& name, size_t index, const Fitter& fitter,
                     const CohortOptions& o) {
    const auto& S = fitter.signatures().matrix;
    const auto k = static_cast<Eigen::Index>(fitter.signatures().names.size());
    SampleFit r;
    r.sample = name;
    const Estimate point = fitter.fit(c);
    r.exposures = point.exposures;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    summarise_fit(r, c, S * r.exposures);
    if (o.bootstrap <= 0) return r;
    r.low = r.high = r.presence = Eigen::VectorXd::Zero(k);
    if (r.mutations <= 0) {
        r.low.setConstant(nan);
        r.high.setConstant(nan);
        r.presence.setConstant(nan);
        return r;
    }
    Rng rng(o.seed, index);
    const auto n = static_cast<int64_t>(std::llround(r.mutations));
    Eigen::MatrixXd reps(k, o.bootstrap);
    for (int b = 0; b < o.bootstrap; ++b) {
        const Eigen::VectorXd resampled = multinomial(rng, n, c);
        reps.col(b) = o.bootstrap_mode == BootstrapMode::select ? fitter.fit(resampled).exposures
                                                                : fitter.refit(resampled, point).exposures;
    }
    std::vector<double> v(static_cast<size_t>(o.bootstrap));
    for (Eigen::Index j = 0; j < k; ++j) {
        int nonzero = 0;
        for (int b = 0; b < o.bootstrap; ++b) {
            v[static_cast<size_t>(b)] = reps(j, b);
            if (reps(j, b) > 0) ++nonzero;
        }
        r.presence(j) = static_cast<double>(nonzero) / o.bootstrap;
        r.low(j) = percentile(v, o.ci_low);
        r.high(j) = percentile(v, o.ci_high);
    }
    return r;
}

}  // namespace

void CohortOptions::validate() const {
    if (bootstrap < 0) throw OptionError("bootstrap", "must be >= 0");
}

std::vector<double> cohort_prior_bonus(const std::vector<int>& selected, int samples) {
    const double n = samples, k = static_cast<double>(selected.size());
    double total = 0;
    for (int s : selected) total += s;
    const auto logit = [](double p) { return std::log(p / (1 - p)); };
    const double p0 = (total / std::max(n, 1.0) + 1) / (k + 2);
    std::vector<double> bonus(selected.size());
    for (size_t j = 0; j < selected.size(); ++j) bonus[j] = 2 * (logit((selected[j] + 1) / (n + 2)) - logit(p0));
    return bonus;
}

FitOptions cohort_prior_fit_options(FitOptions options) {
    if (options.penalty_constant < 0) options.penalty_constant = kCohortPriorPenaltyConstant;
    return options;
}

namespace {

std::vector<SampleFit> fit_each(const ChannelTable& catalogue, const Fitter& fitter, const CohortOptions& o) {
    const size_t n = catalogue.columns.size();
    std::vector<SampleFit> out(n);
    parallel_for_index(o.threads, n, [&](size_t i) {
        out[i] = fit_sample(catalogue.values.col(static_cast<Eigen::Index>(i)), catalogue.columns[i], i, fitter, o);
    });
    return out;
}

// How many samples select each signature; `chosen` gets the selections
// themselves (sample-major), to tell when a round changed nothing.
std::vector<int> selection_counts(const std::vector<SampleFit>& fits, size_t k, std::vector<char>& chosen) {
    std::vector<int> count(k, 0);
    chosen.assign(fits.size() * k, 0);
    for (size_t i = 0; i < fits.size(); ++i) {
        if (fits[i].mutations <= 0) continue;
        for (size_t j = 0; j < k; ++j) {
            if (fits[i].exposures(static_cast<Eigen::Index>(j)) > 0) {
                ++count[j];
                chosen[i * k + j] = 1;
            }
        }
    }
    return count;
}

}  // namespace

std::vector<SampleFit> fit_cohort(const ChannelTable& catalogue, const Fitter& fitter, const CohortOptions& o) {
    int with_mutations = 0;
    for (Eigen::Index i = 0; i < catalogue.values.cols(); ++i) with_mutations += catalogue.values.col(i).sum() > 0;
    if (!o.cohort_prior || with_mutations < 2 || fitter.options().method != FitMethod::select) {
        return fit_each(catalogue, fitter, o);
    }
    const size_t k = fitter.signatures().names.size();
    CohortOptions point = o;
    point.bootstrap = 0;
    FitOptions fo = cohort_prior_fit_options(fitter.options());
    std::vector<char> chosen, previous;
    std::vector<int> count = selection_counts(fit_each(catalogue, Fitter(fitter.signatures(), fo), point), k, chosen);
    for (int round = 0;; ++round) {
        fo.bonus = cohort_prior_bonus(count, with_mutations);
        const Fitter prior(fitter.signatures(), fo);
        previous = chosen;
        std::vector<SampleFit> fits = fit_each(catalogue, prior, point);
        count = selection_counts(fits, k, chosen);
        if (chosen == previous || round + 1 == kCohortPriorRounds) {
            return o.bootstrap > 0 ? fit_each(catalogue, prior, o) : fits;
        }
    }
}

}  // namespace somatic::sig
