#include "libsomatic/msi/length_test.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <numeric>

namespace somatic::msi {

LengthTest compare_lengths(const LengthCounts& tumour, const LengthCounts& normal, int min_column) {
    // Columns: each common length, then the rare ones pooled.
    std::map<int, std::pair<double, double>> lengths;
    for (const auto& [len, n] : tumour) lengths[len].first += n;
    for (const auto& [len, n] : normal) lengths[len].second += n;
    std::vector<std::pair<double, double>> columns;
    std::pair<double, double> rare{0.0, 0.0};
    for (const auto& [len, c] : lengths) {
        if (c.first + c.second >= min_column) columns.push_back(c);
        else {
            rare.first += c.first;
            rare.second += c.second;
        }
    }
    if (rare.first + rare.second > 0) columns.push_back(rare);
    double t = 0.0, n = 0.0;
    for (const auto& c : columns) {
        t += c.first;
        n += c.second;
    }
    LengthTest out;
    if (columns.size() < 2 || t == 0.0 || n == 0.0) return out;
    const double total = t + n;
    for (const auto& c : columns) {
        const double col = c.first + c.second;
        const double et = t * col / total, en = n * col / total;
        out.statistic += (c.first - et) * (c.first - et) / et + (c.second - en) * (c.second - en) / en;
    }
    out.df = static_cast<int>(columns.size()) - 1;
    const boost::math::chi_squared_distribution<double> law(out.df);
    out.p_value = out.statistic > 0.0 ? boost::math::cdf(boost::math::complement(law, out.statistic)) : 1.0;
    return out;
}

std::vector<double> benjamini_hochberg(const std::vector<double>& p) {
    const size_t m = p.size();
    std::vector<size_t> order(m);
    std::iota(order.begin(), order.end(), size_t{0});
    // Largest p first; ties in input order, so the result does not depend on the sort.
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
    std::vector<double> q(m);
    double running = 1.0;
    for (size_t r = 0; r < m; ++r) {
        const size_t i = order[r];
        const double rank = static_cast<double>(m - r);  // rank from the smallest p
        running = std::min(running, p[i] * static_cast<double>(m) / rank);
        q[i] = running;
    }
    return q;
}

}  // namespace somatic::msi
