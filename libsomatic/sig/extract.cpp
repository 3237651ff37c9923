#include "libsomatic/sig/option_error.hpp"
#include "libsomatic/sig/extract.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/fit.hpp"
#include "libsomatic/sig/poisson_fit.hpp"
#include "libsomatic/sig/random.hpp"
#include "libsomatic/sig/restart_clusters.hpp"
#include "libsomatic/parallel/region_engine.hpp"

namespace somatic::sig {

std::vector<std::string> extracted_names(int k, const std::string& prefix) {
    std::vector<std::string> names;
    for (int i = 0; i < k; ++i) {
        std::string letters;
        for (int x = i + 1; x > 0; x = (x - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (x - 1) % 26));
        names.push_back(prefix + letters);
    }
    return names;
}

std::vector<Nearest> nearest_signatures(const Eigen::MatrixXd& extracted, const SignatureSet& reference) {
    std::vector<Nearest> out;
    for (Eigen::Index j = 0; j < extracted.cols(); ++j) {
        Nearest best{"", -1};
        for (size_t r = 0; r < reference.names.size(); ++r) {
            const double c = cosine_similarity(extracted.col(j), reference.matrix.col(static_cast<Eigen::Index>(r)));
            if (c > best.cosine) best = {reference.names[r], c};
        }
        out.push_back(best);
    }
    return out;
}

namespace {

struct Run {
    Eigen::MatrixXd W;
    double divergence = 0;
};

Run one_restart(const Eigen::MatrixXd& V, int k, int r, const ExtractOptions& o) {
    Rng rng(o.seed, (static_cast<uint64_t>(k) << 32) | static_cast<uint64_t>(r));
    Eigen::MatrixXd data = V;
    if (o.resample) {
        for (Eigen::Index s = 0; s < V.cols(); ++s) {
            const auto n = static_cast<int64_t>(std::llround(V.col(s).sum()));
            if (n > 0) data.col(s) = multinomial(rng, n, V.col(s));
        }
    }
    NmfResult f = nmf_kl_random(data, k, rng, o.nmf);
    return {std::move(f.W), f.divergence};
}

// Each sample's Poisson MLE exposures to the columns of W.
Eigen::MatrixXd fit_exposures(const Eigen::MatrixXd& V, const Eigen::MatrixXd& W) {
    const auto k = W.cols();
    std::vector<int> all(static_cast<size_t>(k));
    std::iota(all.begin(), all.end(), 0);
    Eigen::MatrixXd H = Eigen::MatrixXd::Zero(k, V.cols());
    for (Eigen::Index s = 0; s < V.cols(); ++s) {
        const SparseCounts c = sparse_counts(V.col(s));
        if (c.total <= 0) continue;
        const Eigen::VectorXd start = Eigen::VectorXd::Constant(k, c.total / static_cast<double>(k));
        H.col(s) = poisson_fit(W, all, c, start, 1e-10, 500).exposures;
    }
    return H;
}

Rank summarise(const Eigen::MatrixXd& V, int k, const std::vector<Run>& runs) {
    size_t best = 0;
    for (size_t r = 1; r < runs.size(); ++r) {
        if (runs[r].divergence < runs[best].divergence) best = r;
    }
    std::vector<Eigen::MatrixXd> sigs;
    for (const auto& run : runs) sigs.push_back(run.W);
    const RestartClusters cl = cluster_restarts(sigs, best);
    Eigen::MatrixXd H = fit_exposures(V, cl.centroids);

    // Largest total exposure first.
    std::vector<int> order(static_cast<size_t>(k));
    std::iota(order.begin(), order.end(), 0);
    const Eigen::VectorXd totals = H.rowwise().sum();
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return totals(a) > totals(b); });
    Rank rank;
    rank.k = k;
    rank.signatures.resize(V.rows(), k);
    rank.exposures.resize(k, V.cols());
    rank.stability.resize(k);
    for (int j = 0; j < k; ++j) {
        rank.signatures.col(j) = cl.centroids.col(order[static_cast<size_t>(j)]);
        rank.exposures.row(j) = H.row(order[static_cast<size_t>(j)]);
        rank.stability(j) = cl.stability(order[static_cast<size_t>(j)]);
    }
    rank.mean_stability = cl.mean_stability;
    rank.min_stability = cl.min_stability;
    const Eigen::MatrixXd mu = rank.signatures * rank.exposures;
    rank.deviance = 2 * kl_divergence(V, mu);
    const double n = static_cast<double>(V.cols());
    rank.bic = rank.deviance + std::log(static_cast<double>(V.rows()) * n) * k * (static_cast<double>(V.rows()) - 1 + n);
    double cos = 0;
    for (Eigen::Index s = 0; s < V.cols(); ++s) cos += cosine_similarity(V.col(s), mu.col(s));
    rank.mean_cosine = cos / n;
    rank.best_restart_deviance = 2 * runs[best].divergence;
    return rank;
}

}  // namespace

void ExtractOptions::validate() const {
    if (min_k < 1) throw OptionError("min_k", "must be at least 1");
    if (max_k < min_k) throw OptionError("max_k", "must be at least min_k");
    if (restarts < 1) throw OptionError("restarts", "must be at least 1");
    if (!(min_stability >= -1 && min_stability <= 1)) throw OptionError("min_stability", "must be between -1 and 1");
    if (nmf.max_iterations < 1) throw OptionError("nmf.max_iterations", "must be at least 1");
}

Extraction extract_signatures(const Eigen::MatrixXd& V, const ExtractOptions& o) {
    const auto samples = static_cast<int>(V.cols());
    o.validate();
    if (o.max_k >= samples || o.max_k > V.rows()) {
        throw OptionError("max_k", std::to_string(o.max_k) + " is too large for " + std::to_string(samples) + " samples",
                          "K must be below the number of samples (and at most the number of channels); extraction needs a cohort");
    }
    if (V.sum() <= 0) throw input_error("", "the catalogue has no mutations", {}, "extraction needs mutation counts");

    const int n_k = o.max_k - o.min_k + 1;
    const size_t jobs = static_cast<size_t>(n_k) * static_cast<size_t>(o.restarts);
    std::vector<Run> runs(jobs);
    parallel_for_index(o.threads, jobs, [&](size_t i) {
        const int k = o.min_k + static_cast<int>(i / static_cast<size_t>(o.restarts));
        const int r = static_cast<int>(i % static_cast<size_t>(o.restarts));
        runs[i] = one_restart(V, k, r, o);
    });
    Extraction e;
    for (int ki = 0; ki < n_k; ++ki) {
        const auto first = runs.begin() + static_cast<std::ptrdiff_t>(ki) * o.restarts;
        e.ranks.push_back(summarise(V, o.min_k + ki, std::vector<Run>(first, first + o.restarts)));
    }
    bool any = false;
    for (size_t i = 0; i < e.ranks.size(); ++i) {
        Rank& r = e.ranks[i];
        r.stable = r.mean_stability >= o.min_stability && r.min_stability >= o.min_cluster_stability;
        if (r.stable && (!any || r.bic < e.ranks[e.chosen].bic)) {
            e.chosen = i;
            any = true;
        }
    }
    if (!any) {
        for (size_t i = 1; i < e.ranks.size(); ++i) {
            if (e.ranks[i].mean_stability > e.ranks[e.chosen].mean_stability) e.chosen = i;
        }
    }
    return e;
}

}  // namespace somatic::sig
