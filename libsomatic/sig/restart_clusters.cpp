#include "libsomatic/sig/restart_clusters.hpp"

#include <algorithm>
#include <limits>

#include "libsomatic/sig/fit.hpp"

namespace somatic::sig {

double cosine_distance(const Eigen::VectorXd& a, const Eigen::VectorXd& b) { return 1.0 - cosine_similarity(a, b); }

std::vector<int> min_cost_assignment(const Eigen::MatrixXd& cost) {
    // Shortest augmenting paths with row and column potentials u, v; rows and
    // columns are numbered from 1, column 0 is the path's virtual start.
    const auto n = static_cast<int>(cost.rows());
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0), v(n + 1, 0);
    std::vector<int> row_of(n + 1, 0), prev(n + 1, 0);  // row matched to column j; path back-links
    for (int i = 1; i <= n; ++i) {
        row_of[0] = i;
        int j0 = 0;
        std::vector<double> slack(n + 1, inf);
        std::vector<char> used(n + 1, 0);
        do {
            used[j0] = 1;
            const int i0 = row_of[j0];
            double delta = inf;
            int j1 = 0;
            for (int j = 1; j <= n; ++j) {
                if (used[j]) continue;
                const double reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
                if (reduced < slack[j]) {
                    slack[j] = reduced;
                    prev[j] = j0;
                }
                if (slack[j] < delta) {
                    delta = slack[j];
                    j1 = j;
                }
            }
            for (int j = 0; j <= n; ++j) {
                if (used[j]) {
                    u[row_of[j]] += delta;
                    v[j] -= delta;
                } else {
                    slack[j] -= delta;
                }
            }
            j0 = j1;
        } while (row_of[j0] != 0);
        do {  // flip the augmenting path
            const int j1 = prev[j0];
            row_of[j0] = row_of[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<int> p(static_cast<size_t>(n));
    for (int j = 1; j <= n; ++j) p[static_cast<size_t>(row_of[j] - 1)] = j - 1;
    return p;
}

namespace {

Eigen::MatrixXd centroids_of(const std::vector<Eigen::MatrixXd>& sigs, const std::vector<std::vector<int>>& members,
                             Eigen::Index k) {
    Eigen::MatrixXd c = Eigen::MatrixXd::Zero(sigs.front().rows(), k);
    for (size_t r = 0; r < sigs.size(); ++r) {
        for (Eigen::Index j = 0; j < k; ++j) {
            c.col(members[r][static_cast<size_t>(j)]) += sigs[r].col(j) / std::max(sigs[r].col(j).sum(), 1e-300);
        }
    }
    for (Eigen::Index j = 0; j < k; ++j) {
        const double s = c.col(j).sum();
        if (s > 0) c.col(j) /= s;
    }
    return c;
}

void silhouettes(const std::vector<Eigen::MatrixXd>& sigs, RestartClusters& out, Eigen::Index k) {
    const size_t runs = sigs.size();
    out.stability = Eigen::VectorXd::Zero(k);
    if (k == 1) {
        out.stability.setOnes();
        out.mean_stability = out.min_stability = 1;
        return;
    }
    if (runs < 2) {
        out.mean_stability = out.min_stability = 0;
        return;
    }
    // Points: (restart, column); label: its cluster.
    std::vector<Eigen::VectorXd> pts;
    std::vector<int> label;
    for (size_t r = 0; r < runs; ++r) {
        for (Eigen::Index j = 0; j < k; ++j) {
            pts.push_back(sigs[r].col(j));
            label.push_back(out.members[r][static_cast<size_t>(j)]);
        }
    }
    const size_t n = pts.size();
    Eigen::MatrixXd d(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    for (size_t a = 0; a < n; ++a) {
        d(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(a)) = 0;
        for (size_t b = a + 1; b < n; ++b) {
            const double x = std::max(0.0, cosine_distance(pts[a], pts[b]));
            d(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) = d(static_cast<Eigen::Index>(b), static_cast<Eigen::Index>(a)) = x;
        }
    }
    double total = 0;
    for (size_t a = 0; a < n; ++a) {
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(k);  // per cluster: sum of distances (each has `runs` members)
        for (size_t b = 0; b < n; ++b) sum(label[b]) += d(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
        const double within = sum(label[a]) / static_cast<double>(runs - 1);
        double between = std::numeric_limits<double>::infinity();
        for (Eigen::Index c = 0; c < k; ++c) {
            if (c != label[a]) between = std::min(between, sum(c) / static_cast<double>(runs));
        }
        const double den = std::max(within, between);
        const double s = den > 0 ? (between - within) / den : 0.0;
        out.stability(label[a]) += s / static_cast<double>(runs);
        total += s;
    }
    out.mean_stability = total / static_cast<double>(n);
    out.min_stability = out.stability.minCoeff();
}

}  // namespace

RestartClusters cluster_restarts(const std::vector<Eigen::MatrixXd>& sigs, size_t seed_restart) {
    RestartClusters out;
    const Eigen::Index k = sigs.front().cols();
    Eigen::MatrixXd centroids = sigs[seed_restart];
    for (Eigen::Index j = 0; j < k; ++j) centroids.col(j) /= std::max(centroids.col(j).sum(), 1e-300);
    std::vector<std::vector<int>> members(sigs.size());
    for (int round = 0; round < 100; ++round) {
        bool changed = false;
        for (size_t r = 0; r < sigs.size(); ++r) {
            Eigen::MatrixXd cost(k, k);
            for (Eigen::Index a = 0; a < k; ++a) {
                for (Eigen::Index b = 0; b < k; ++b) cost(a, b) = cosine_distance(sigs[r].col(a), centroids.col(b));
            }
            auto p = min_cost_assignment(cost);
            if (p != members[r]) changed = true;
            members[r] = std::move(p);
        }
        centroids = centroids_of(sigs, members, k);
        if (!changed) break;
    }
    out.centroids = centroids;
    out.members = std::move(members);
    silhouettes(sigs, out, k);
    return out;
}

}  // namespace somatic::sig
