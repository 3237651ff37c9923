#include "libsomatic/cnv/purity_fit.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "libsomatic/cnv/subclonal.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic::cnv {

namespace {
constexpr double kMinLog2 = -5.0;
constexpr double kInf = std::numeric_limits<double>::infinity();

double clamp_log2(double v) { return std::max(v, kMinLog2); }

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

std::vector<double> grid(double lo, double hi, double step, double fixed) {
    if (!std::isnan(fixed)) return {fixed};
    std::vector<double> g;
    const int n = static_cast<int>(std::floor((hi - lo) / step + 1e-9));
    for (int i = 0; i <= n; ++i) g.push_back(lo + step * i);
    return g;
}

// call_segment without the segment's BAF estimate, which depends on no
// purity or ploidy: what the fit's search needs at each grid point.
SegmentCall call_state(const FitSegment& s, double p, double q, double log2_sd, const FitResult& fit,
                       const FitOptions& o);

bool baf_usable(const FitSegment& s, const FitResult& fit, const FitOptions& o) {
    return !std::isnan(fit.baf_sd) && fit.baf_sd > 0 && uses_baf(s, o);
}

}  // namespace

double site_sd(const FitSegment& s, const FitResult& fit) {
    double sd = fit.baf_sd;
    if (!std::isnan(s.het_depth) && s.het_depth > 0 && !std::isnan(fit.median_het_depth) && fit.median_het_depth > 0) {
        sd *= std::sqrt(fit.median_het_depth / s.het_depth);
    }
    return std::max(sd, 1e-3);
}

double z2_log2(const FitSegment& s, double expected, double log2_sd, const FitOptions& o) {
    const double var = log2_sd * log2_sd / std::max<uint32_t>(1, s.n_bins) + o.log2_tolerance * o.log2_tolerance;
    const double d = clamp_log2(s.log2) - clamp_log2(expected);
    return d * d / var;
}

double z2_baf(const FitSegment& s, double expected_baf_value, double sd, const FitOptions& o) {
    const double delta = std::abs(expected_baf_value - 0.5);
    // The folded mean once for both moments: this runs for every state of
    // every segment at every grid point and mixture fraction.
    const double mean = folded_mean(delta, sd);
    const double var = folded_variance(delta, sd, mean) / s.n_het + o.baf_tolerance * o.baf_tolerance;
    const double d = s.mirrored_baf - mean;
    return d * d / var;
}

bool uses_baf(const FitSegment& s, const FitOptions& o) {
    return o.use_baf && s.normal_cn == 2 && s.n_het > 0 && !std::isnan(s.mirrored_baf);
}

void FitOptions::validate() const {
    if (!std::isnan(purity) && !(purity > 0 && purity <= 1)) throw usage_error("purity must be in (0, 1]");
    if (!std::isnan(ploidy) && !(ploidy > 0)) throw usage_error("ploidy must be above 0");
    if (!(purity_min > 0 && purity_min <= purity_max && purity_max <= 1)) {
        throw usage_error("purity_min/purity_max must satisfy 0 < min <= max <= 1");
    }
    if (!(ploidy_min > 0 && ploidy_min <= ploidy_max)) {
        throw usage_error("ploidy_min must be above 0 and at most ploidy_max");
    }
    if (max_cn < 1 || max_cn > 50) throw usage_error("max_cn must be between 1 and 50");
    if (max_focal_cn < 1 || max_focal_cn > 50) throw usage_error("max_focal_cn must be between 1 and 50");
    if (focal_length < 0) throw usage_error("focal_length must be 0 or more");
    if (!(event_penalty >= 0)) throw usage_error("event_penalty must be 0 or more");
    if (!(doubling_penalty >= 0)) throw usage_error("doubling_penalty must be 0 or more");
    if (!(subclonal_penalty >= 0)) throw usage_error("subclonal_penalty must be 0 or more");
    if (!(snv_margin >= 0)) throw usage_error("snv_margin must be 0 or more");
}

namespace {
// The fewest events that reach `now` copies of one allele (or one normal
// copy) after a doubling: from 1 copy to x before it (|x - 1|), doubled to
// 2x, then to `now` after it (|now - 2x|).
int doubled_allele_events(int now, int ground) {
    int best = std::abs(now - 2 * ground);  // x = ground: nothing before the doubling
    for (int x = 0; 2 * x <= now + 2; ++x) best = std::min(best, std::abs(x - ground) + std::abs(now - 2 * x));
    return best;
}
}  // namespace

int state_events(int normal_cn, int total, int major, int minor, bool doubled) {
    if (total < 0 || normal_cn <= 0) return 0;
    if (!doubled) {
        if (normal_cn == 1) return std::abs(total - 1);
        if (major >= 0 && minor >= 0) return std::abs(major - 1) + std::abs(minor - 1);
        return std::abs(total - 2);
    }
    if (normal_cn == 1) return doubled_allele_events(total, 1);
    if (major >= 0 && minor >= 0) return doubled_allele_events(major, 1) + doubled_allele_events(minor, 1);
    return doubled_allele_events(total, 2);
}

int segment_max_cn(const FitSegment& s, const FitOptions& o) {
    if (s.length > 0 && s.length < o.focal_length) return highest_cn(o);
    return std::max(1, o.max_cn);
}

int highest_cn(const FitOptions& o) { return std::max({1, o.max_cn, o.max_focal_cn}); }

double expected_log2(double purity, double ploidy, int cn, int normal_cn) {
    const double num = purity * cn + normal_cn * (1 - purity);
    const double den = (normal_cn / 2.0) * (purity * ploidy + 2 * (1 - purity));
    if (num <= 0) return kMinLog2;
    return clamp_log2(std::log2(num / den));
}

double expected_baf(double purity, int minor, int cn) {
    const double den = purity * cn + 2 * (1 - purity);
    if (den <= 0) return 0.5;
    return (purity * minor + (1 - purity)) / den;
}

double folded_mean(double delta, double s) {
    if (s <= 0) return std::abs(delta);
    return s * std::sqrt(2.0 / M_PI) * std::exp(-delta * delta / (2 * s * s)) + delta * (1 - 2 * normal_cdf(-delta / s));
}

double folded_variance(double delta, double s) { return folded_variance(delta, s, folded_mean(delta, s)); }

double folded_variance(double delta, double s, double m) { return std::max(1e-12, delta * delta + s * s - m * m); }

double unfold(double mean, double s) {
    if (mean <= folded_mean(0, s)) return 0;
    double lo = 0, hi = std::max(mean, 0.5);
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (folded_mean(mid, s) < mean ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

double median_het_depth(const std::vector<FitSegment>& segs) {
    std::vector<double> depths;
    for (const auto& s : segs) {
        if (!std::isnan(s.het_depth) && s.n_het > 0) depths.insert(depths.end(), std::min<uint32_t>(s.n_het, 1000), s.het_depth);
    }
    if (depths.empty()) return NAN;
    std::nth_element(depths.begin(), depths.begin() + static_cast<std::ptrdiff_t>(depths.size() / 2), depths.end());
    return depths[depths.size() / 2];
}

std::vector<size_t> fitted_segments(const std::vector<FitSegment>& segs) {
    std::vector<size_t> used;
    for (size_t i = 0; i < segs.size(); ++i) {
        if (segs[i].normal_cn > 0 && segs[i].n_bins > 0) used.push_back(i);
    }
    return used;
}

std::vector<double> best_baf_terms(const std::vector<FitSegment>& segs, const std::vector<size_t>& used, double p,
                                   const FitResult& fit, const FitOptions& o) {
    const int max_cn = highest_cn(o);
    const bool baf_known = !std::isnan(fit.baf_sd) && fit.baf_sd > 0;
    std::vector<double> best_baf(used.size() * static_cast<size_t>(max_cn + 1));
    for (size_t k = 0; k < used.size(); ++k) {
        const FitSegment& s = segs[used[k]];
        const bool with_baf = baf_known && uses_baf(s, o);
        const double sd = with_baf ? site_sd(s, fit) : 0;
        for (int cn = 0; cn <= segment_max_cn(s, o); ++cn) {
            double b = 0;
            if (with_baf) {
                b = kInf;
                for (int minor = 0; 2 * minor <= cn; ++minor) b = std::min(b, z2_baf(s, expected_baf(p, minor, cn), sd, o));
            }
            best_baf[k * static_cast<size_t>(max_cn + 1) + static_cast<size_t>(cn)] = b;
        }
    }
    return best_baf;
}

double grid_score(const std::vector<FitSegment>& segs, const std::vector<size_t>& used, const std::vector<double>& best_baf,
                  double p, double q, double log2_sd, const FitOptions& o) {
    const int max_cn = highest_cn(o);
    // Expected log2 by normal copy number (1, 2) and total copy number,
    // clamped as z2_log2 clamps it.
    std::vector<double> el(static_cast<size_t>(max_cn + 1) * 3);
    for (int n0 = 1; n0 <= 2; ++n0) {
        for (int cn = 0; cn <= max_cn; ++cn) {
            el[static_cast<size_t>(n0 * (max_cn + 1) + cn)] = clamp_log2(expected_log2(p, q, cn, n0));
        }
    }
    double total = 0;
    for (size_t k = 0; k < used.size(); ++k) {
        const FitSegment& s = segs[used[k]];
        // z2_log2 over the copy numbers, its per-segment terms computed once
        // (this loop runs for every grid point: the fit's hot path).
        const double var = log2_sd * log2_sd / std::max<uint32_t>(1, s.n_bins) + o.log2_tolerance * o.log2_tolerance;
        const double observed = clamp_log2(s.log2);
        const double* expected = &el[static_cast<size_t>(s.normal_cn * (max_cn + 1))];
        const double* baf = &best_baf[k * static_cast<size_t>(max_cn + 1)];
        double best = kInf;
        const int ceiling = segment_max_cn(s, o);
        for (int cn = 0; cn <= ceiling; ++cn) {
            const double d = observed - expected[cn];
            best = std::min(best, d * d / var + baf[cn]);
        }
        total += s.n_bins * std::min(0.5 * best, o.cap);
    }
    return total;
}

std::vector<size_t> grid_minima(const std::vector<double>& score, size_t np, size_t nq) {
    std::vector<size_t> minima;
    for (size_t pi = 0; pi < np; ++pi) {
        for (size_t qi = 0; qi < nq; ++qi) {
            const size_t idx = pi * nq + qi;
            bool is_min = true;
            for (int dp = -1; dp <= 1 && is_min; ++dp) {
                for (int dq = -1; dq <= 1 && is_min; ++dq) {
                    if (!dp && !dq) continue;
                    const long a = static_cast<long>(pi) + dp, b = static_cast<long>(qi) + dq;
                    if (a < 0 || b < 0 || a >= static_cast<long>(np) || b >= static_cast<long>(nq)) continue;
                    const size_t j = static_cast<size_t>(a) * nq + static_cast<size_t>(b);
                    if (score[j] < score[idx] || (score[j] == score[idx] && j < idx)) is_min = false;
                }
            }
            if (is_min) minima.push_back(idx);
        }
    }
    std::sort(minima.begin(), minima.end(), [&](size_t a, size_t b) { return score[a] < score[b] || (score[a] == score[b] && a < b); });
    return minima;
}

size_t descend(size_t idx, size_t np, size_t nq, const std::function<double(size_t)>& score) {
    for (;;) {
        const size_t pi = idx / nq, qi = idx % nq;
        size_t next = idx;
        double best = score(idx);
        for (int dp = -1; dp <= 1; ++dp) {
            for (int dq = -1; dq <= 1; ++dq) {
                const long a = static_cast<long>(pi) + dp, b = static_cast<long>(qi) + dq;
                if ((!dp && !dq) || a < 0 || b < 0 || a >= static_cast<long>(np) || b >= static_cast<long>(nq)) continue;
                const size_t j = static_cast<size_t>(a) * nq + static_cast<size_t>(b);
                const double v = score(j);
                if (v < best) best = v, next = j;
            }
        }
        if (next == idx) return idx;
        idx = next;
    }
}

void describe_solution(Solution& s, const std::vector<FitSegment>& segs, const std::vector<size_t>& used, double log2_sd,
                       const FitResult& fit, const FitOptions& o) {
    std::vector<SegmentCall> calls;
    calls.reserve(used.size());
    double cn_sum = 0, len_sum = 0, doubled = 0, auto_len = 0, odd = 0, allelic_len = 0, odd_allele = 0;
    for (size_t k : used) {
        calls.push_back(call_state(segs[k], s.purity, s.ploidy, log2_sd, fit, o));
        const SegmentCall& c = calls.back();
        const double len = static_cast<double>(std::max<int64_t>(1, segs[k].length));
        cn_sum += len * c.total;
        len_sum += len;
        if (c.total % 2) odd += len;
        if (segs[k].normal_cn == 2) {
            auto_len += len;
            const int major = c.major >= 0 ? c.major : c.total - c.total / 2;
            if (major >= 2) doubled += len;
            if (c.major >= 0) {
                allelic_len += len;
                if (c.major % 2 || c.minor % 2) odd_allele += len;
            }
        }
    }
    s.called_ploidy = len_sum > 0 ? cn_sum / len_sum : NAN;
    s.genome_doubled = auto_len > 0 && doubled > 0.5 * auto_len;
    s.odd_fraction = len_sum > 0 ? odd / len_sum : 0;
    s.odd_allele_fraction = allelic_len > 0 ? odd_allele / allelic_len : 0;
    // Events per bin, the bins weighing as in the misfit.
    double events = 0, bins = 0, mixture_gain = 0;
    for (size_t i = 0; i < used.size(); ++i) {
        const FitSegment& f = segs[used[i]];
        events += f.n_bins * state_events(f.normal_cn, calls[i].total, calls[i].major, calls[i].minor, s.genome_doubled);
        // A mixture: one more event, and its misfit in place of the clonal one.
        // Either of its states may be the clone's (the background is reported
        // as the state of most tumour cells): the cheaper one is counted.
        if (!std::isnan(calls[i].cell_fraction)) {
            const int background = state_events(f.normal_cn, calls[i].total, calls[i].major, calls[i].minor, s.genome_doubled);
            const int subclone =
                state_events(f.normal_cn, calls[i].sub_total, calls[i].sub_major, calls[i].sub_minor, s.genome_doubled);
            events += f.n_bins * (1 + std::min(background, subclone) - background);
            mixture_gain += f.n_bins * (calls[i].clonal_cost - calls[i].cost);
        }
        bins += f.n_bins;
    }
    s.events = bins > 0 ? events / bins : 0;
    if (bins > 0) s.misfit -= mixture_gain / bins;
    s.prior = o.event_penalty * s.events + (s.genome_doubled ? o.doubling_penalty : 0);
    s.score = s.misfit + s.prior;
}

void prefer_parsimony(std::vector<Solution>& solutions, const FitOptions& o) {
    if (solutions.empty()) return;
    const double best = solutions.front().score;
    size_t chosen = 0;
    for (size_t i = 1; i < solutions.size(); ++i) {
        const auto& s = solutions[i];
        if (s.score <= best * (1 + o.parsimony) + o.parsimony_margin && s.called_ploidy < solutions[chosen].called_ploidy - 0.5) {
            chosen = i;
        }
    }
    std::rotate(solutions.begin(), solutions.begin() + static_cast<std::ptrdiff_t>(chosen),
                solutions.begin() + static_cast<std::ptrdiff_t>(chosen + 1));
    if (solutions.size() > o.solutions) solutions.resize(o.solutions);
}

void weigh_snv_evidence(std::vector<Solution>& solutions, const FitOptions& o) {
    if (solutions.empty() || std::isnan(solutions.front().snv_log_likelihood)) return;
    double best_score = kInf;
    for (const auto& s : solutions) best_score = std::min(best_score, s.score);
    size_t chosen = 0;
    for (size_t i = 1; i < solutions.size(); ++i) {
        const auto& s = solutions[i];
        if (std::isnan(s.snv_log_likelihood) || s.score > best_score * (1 + o.snv_window) + o.snv_window_margin) continue;
        if (s.snv_log_likelihood > solutions[chosen].snv_log_likelihood + (chosen == 0 ? o.snv_margin : 0)) chosen = i;
    }
    std::rotate(solutions.begin(), solutions.begin() + static_cast<std::ptrdiff_t>(chosen),
                solutions.begin() + static_cast<std::ptrdiff_t>(chosen + 1));
}

FitResult fit_purity_ploidy(const std::vector<FitSegment>& segs, double log2_sd, double baf_sd, const FitOptions& o) {
    FitResult result;
    result.baf_sd = baf_sd;
    result.median_het_depth = median_het_depth(segs);
    const std::vector<size_t> used = fitted_segments(segs);
    if (used.empty()) throw input_error({}, "no segment on an autosome or sex chromosome to fit purity and ploidy on");

    // The score of every (purity, ploidy) of the grid.
    const std::vector<double> purities = grid(o.purity_min, o.purity_max, o.purity_step, o.purity);
    const std::vector<double> ploidies = grid(o.ploidy_min, o.ploidy_max, o.ploidy_step, o.ploidy);
    const size_t np = purities.size(), nq = ploidies.size();
    std::vector<double> score(np * nq, 0.0);
    for (size_t pi = 0; pi < np; ++pi) {
        // The BAF term of each segment at each total CN: independent of ploidy.
        const std::vector<double> best_baf = best_baf_terms(segs, used, purities[pi], result, o);
        for (size_t qi = 0; qi < nq; ++qi) {
            score[pi * nq + qi] = grid_score(segs, used, best_baf, purities[pi], ploidies[qi], log2_sd, o);
        }
    }

    // The grid's local minima of the clonal misfit, best first, each moved
    // to the local minimum of the full score near it.
    double total_weight = 0;
    for (size_t k : used) total_weight += segs[k].n_bins;
    std::unordered_map<size_t, Solution> described;
    const auto full = [&](size_t idx) -> const Solution& {
        auto it = described.find(idx);
        if (it != described.end()) return it->second;
        Solution s;
        s.purity = purities[idx / nq];
        s.ploidy = ploidies[idx % nq];
        s.misfit = score[idx] / total_weight;  // per bin, comparable between runs
        describe_solution(s, segs, used, log2_sd, result, o);
        return described.emplace(idx, s).first->second;
    };
    // Many minima: with a high max_cn, high-ploidy ones that fit the
    // clonal states well rank before a true one whose mixtures the grid
    // does not see. The best of them by full score are moved downhill.
    std::vector<size_t> minima = grid_minima(score, np, nq);
    minima.resize(std::min(minima.size(), std::max<size_t>(o.solutions, 1) * 16));
    std::stable_sort(minima.begin(), minima.end(), [&](size_t a, size_t b) { return full(a).score < full(b).score; });
    std::vector<size_t> reached;
    for (size_t rank = 0; rank < minima.size(); ++rank) {
        const size_t at = rank < std::max<size_t>(o.solutions, 1) * 2
                              ? descend(minima[rank], np, nq, [&](size_t i) { return full(i).score; })
                              : minima[rank];
        if (std::find(reached.begin(), reached.end(), at) != reached.end()) continue;
        reached.push_back(at);
        result.solutions.push_back(full(at));
    }
    // Ranked by misfit plus prior (stable: the grid's order breaks ties).
    std::stable_sort(result.solutions.begin(), result.solutions.end(),
                     [](const Solution& a, const Solution& b) { return a.score < b.score; });
    prefer_parsimony(result.solutions, o);
    return result;
}

SegmentCall call_segment(const FitSegment& s, double p, double q, double log2_sd, const FitResult& fit,
                         const FitOptions& o) {
    SegmentCall c = call_state(s, p, q, log2_sd, fit, o);
    if (baf_usable(s, fit, o)) c.baf = 0.5 - unfold(s.mirrored_baf, site_sd(s, fit));
    return c;
}

namespace {

SegmentCall call_state(const FitSegment& s, double p, double q, double log2_sd, const FitResult& fit,
                       const FitOptions& o) {
    SegmentCall c;
    if (s.normal_cn <= 0) return c;
    const bool with_baf = baf_usable(s, fit, o);
    const double sd = with_baf ? site_sd(s, fit) : 0;
    double best = kInf;
    for (int cn = 0; cn <= segment_max_cn(s, o); ++cn) {
        const double zl = z2_log2(s, expected_log2(p, q, cn, s.normal_cn), log2_sd, o);
        if (!with_baf) {
            if (zl < best) {
                best = zl;
                c.total = cn;
                c.z_log2 = std::sqrt(zl);
                c.z_baf = 0;
            }
            continue;
        }
        for (int minor = 0; 2 * minor <= cn; ++minor) {
            const double zb = z2_baf(s, expected_baf(p, minor, cn), sd, o);
            if (zl + zb < best) {
                best = zl + zb;
                c.total = cn;
                c.minor = minor;
                c.major = cn - minor;
                c.z_log2 = std::sqrt(zl);
                c.z_baf = std::sqrt(zb);
            }
        }
    }
    if (s.normal_cn == 1) {  // hemizygous in the normal: one allele
        c.major = c.total;
        c.minor = 0;
    }
    const double ratio = std::exp2(s.log2) * (s.normal_cn / 2.0) * (p * q + 2 * (1 - p));
    c.cn_float = std::max(0.0, (ratio - s.normal_cn * (1 - p)) / p);
    c.loh = s.normal_cn == 2 && c.minor == 0 && c.total > 0;
    c.clonal_cost = c.cost = std::min(o.cap, 0.5 * best);
    // Any segment with BAF may be a mixture of two states, when the mixture
    // pays its event and parameters: not only those no integer state
    // explains within 3 sd, since a solution with more states (a doubled
    // one) has a wrong one closer to every mixture.
    // A mixture costs at least mixture_penalty beyond its misfit: below that
    // the search cannot change the call.
    if (o.subclonal && with_baf && c.clonal_cost > mixture_penalty(s, o)) {
        Mixture m = best_mixture(s, p, q, log2_sd, fit, o);
        if (m.cell_fraction > 0.5) {  // reported as the state of most tumour cells
            std::swap(m.total_b, m.total_s);
            std::swap(m.major_b, m.major_s);
            std::swap(m.minor_b, m.minor_s);
            m.cell_fraction = 1 - m.cell_fraction;
        }
        const double parameters = mixture_penalty(s, o) - o.event_penalty;
        const double mixed = std::min(o.cap, 0.5 * (m.z2_log2 + m.z2_baf)) + parameters;
        if (m.total_b >= 0 && mixed + o.event_penalty < c.clonal_cost) {
            // Alleles are tracked through the mixture; reported major first.
            if (m.major_b < m.minor_b) std::swap(m.major_b, m.minor_b);
            if (m.major_s < m.minor_s) std::swap(m.major_s, m.minor_s);
            c.total = m.total_b, c.major = m.major_b, c.minor = m.minor_b;
            c.sub_total = m.total_s, c.sub_major = m.major_s, c.sub_minor = m.minor_s;
            c.cell_fraction = m.cell_fraction;
            c.z_log2 = std::sqrt(m.z2_log2);
            c.z_baf = std::sqrt(m.z2_baf);
            c.cost = mixed;
            c.loh = c.minor == 0 && c.total > 0;
        }
    }
    // A mixture, or no integer state within 3 sd (sampling noise plus tolerance).
    c.subclonal = !std::isnan(c.cell_fraction) || c.z_log2 > 3 || c.z_baf > 3;
    return c;
}

}  // namespace

}  // namespace somatic::cnv
