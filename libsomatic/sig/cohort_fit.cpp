#include "libsomatic/sig/cohort_fit.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "libsomatic/sig/random.hpp"

namespace somatic::sig {

double percentile(std::vector<double>& v, double q) {
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const double h = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

namespace {

SampleFit fit_sample(const Eigen::VectorXd& c, const std::string& name, size_t index, const Fitter& fitter,
                     const CohortOptions& o) {
    const auto& S = fitter.signatures().matrix;
    const auto k = static_cast<Eigen::Index>(fitter.signatures().names.size());
    SampleFit r;
    r.sample = name;
    r.mutations = c.sum();
    const Estimate point = fitter.fit(c);
    r.exposures = point.exposures;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (r.mutations <= 0) {
        r.cosine = r.unexplained = nan;
    } else {
        const Eigen::VectorXd mu = S * r.exposures;
        r.cosine = cosine_similarity(c, mu);
        r.unexplained = (c - mu).cwiseAbs().sum() / (2 * r.mutations);
    }
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

std::vector<SampleFit> fit_cohort(const ChannelTable& catalogue, const Fitter& fitter, const CohortOptions& o) {
    const size_t n = catalogue.columns.size();
    std::vector<SampleFit> out(n);
    tbb::task_arena arena(std::max(1, o.threads));
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 1), [&](const tbb::blocked_range<size_t>& range) {
            for (size_t i = range.begin(); i != range.end(); ++i) {
                out[i] = fit_sample(catalogue.values.col(static_cast<Eigen::Index>(i)), catalogue.columns[i], i, fitter, o);
            }
        });
    });
    return out;
}

}  // namespace somatic::sig
