#include "libsomatic/cnv/segment.hpp"
#include "libsomatic/cnv/segment_oracle.hpp"

#include "libsomatic/cnv/prune.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "libsomatic/core/error.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/stats/long_run_variance.hpp"
#include "libsomatic/stats/median.hpp"

namespace somatic::cnv {

void SegmentOptions::validate() const {
    if (!(penalty >= 0)) throw usage_error("penalty must be 0 or more");
    if (min_bins < 1) throw usage_error("min_bins must be at least 1");
    if (threads < 1) throw usage_error("threads must be at least 1");
}

void SegmentInput::reserve(size_t bins) {
    contig.reserve(bins);
    beg.reserve(bins);
    end.reserve(bins);
    log2.reserve(bins);
    noise_class.reserve(bins);
    het_n.reserve(bins);
    het_sum.reserve(bins);
    het_sumsq.reserve(bins);
    het_depth.reserve(bins);
}

void SegmentInput::add_bin(int32_t c, int64_t b, int64_t e, double value, uint8_t noise) {
    contig.push_back(c);
    noise_class.push_back(noise);
    beg.push_back(b);
    end.push_back(e);
    log2.push_back(value);
    het_n.push_back(0);
    het_sum.push_back(0);
    het_sumsq.push_back(0);
    het_depth.push_back(0);
}

void SegmentInput::add_het(size_t i, double baf, double depth) {
    const double m = std::abs(baf - 0.5);
    het_n[i] += 1;
    het_sum[i] += m;
    het_sumsq[i] += m * m;
    het_depth[i] += depth;
    baf_sequence.push_back(baf);
    het_site_depth.push_back(depth);
}

double robust_sd(const std::vector<double>& x, const std::vector<int32_t>& group) {
    std::vector<double> d;
    d.reserve(x.size());
    for (size_t i = 1; i < x.size(); ++i) {
        if (!group.empty() && group[i] != group[i - 1]) continue;
        d.push_back(std::abs(x[i] - x[i - 1]));
    }
    if (d.empty()) return std::nan("");
    const size_t mid = d.size() / 2;
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(mid), d.end());
    return 1.4826 * d[mid] / std::sqrt(2.0);
}

std::vector<std::pair<size_t, size_t>> contig_ranges(const std::vector<int32_t>& contig) {
    std::vector<std::pair<size_t, size_t>> ranges;
    for (size_t lo = 0; lo < contig.size();) {
        size_t hi = lo;
        while (hi < contig.size() && contig[hi] == contig[lo]) ++hi;
        ranges.emplace_back(lo, hi);
        lo = hi;
    }
    return ranges;
}

void smooth_outliers(std::vector<double>& x, const std::vector<int32_t>& contig, double sd) {
    if (!(sd > 0)) return;
    const std::vector<double> original = x;
    std::vector<double> window;  // the outlier's window, sorted (outliers are rare)
    for (const auto& [lo, hi] : contig_ranges(contig)) {
        for (size_t i = lo; i < hi; ++i) {
            const size_t a = i >= lo + kSmoothRegion ? i - kSmoothRegion : lo, b = std::min(hi, i + kSmoothRegion + 1);
            if (b - a < 3) continue;  // fewer than two neighbours: nothing to compare with
            // An outlier lies beyond every neighbour by more than the outlier
            // distance: the neighbour nearest in value is that far away. Any
            // bin with a like neighbour, as each bin of a run of two or more
            // has, is not one.
            double least = std::numeric_limits<double>::infinity(), most = -least;
            for (size_t j = a; j < b; ++j) {
                if (j == i) continue;
                least = std::min(least, original[j]);
                most = std::max(most, original[j]);
            }
            const double v = original[i];
            if (v >= least - kOutlierSd * sd && v <= most + kOutlierSd * sd) continue;
            // Moved to the smoothing distance from the window's median (the
            // bin itself counted: with its neighbours it is the middle value
            // of an odd window in the genome's interior).
            const size_t k = b - a;
            window.assign(original.begin() + static_cast<std::ptrdiff_t>(a),
                          original.begin() + static_cast<std::ptrdiff_t>(b));
            std::sort(window.begin(), window.end());
            const double median = k % 2 ? window[k / 2] : 0.5 * (window[k / 2 - 1] + window[k / 2]);
            x[i] = v > most ? median + kSmoothSd * sd : median - kSmoothSd * sd;
        }
    }
}

namespace {

// Prefix sums over one contig's bins [lo, hi), indexed from 0; `w` is each
// bin's weight, 1 / its class's noise variance.
struct Costs {
    std::vector<double> s0, s1, s2, h0, h1, h2;
    double wb = 0, sdb = 0;
    const SegmentInput& in;
    size_t first_site = 0;  // the index in in.baf_sequence of the contig's first het site

    Costs(const std::vector<double>& x, const std::vector<double>& w, const SegmentInput& in, size_t lo, size_t hi,
          double sdb, size_t first_site = 0)
        : sdb(sdb), in(in), first_site(first_site) {
        const size_t n = hi - lo;
        for (auto* v : {&s0, &s1, &s2, &h0, &h1, &h2}) v->assign(n + 1, 0);
        for (size_t i = 0; i < n; ++i) {
            const double v = x[lo + i], wi = w[lo + i];
            s0[i + 1] = s0[i] + wi;
            s1[i + 1] = s1[i] + wi * v;
            s2[i + 1] = s2[i] + wi * v * v;
            h0[i + 1] = h0[i] + in.het_n[lo + i];
            h1[i + 1] = h1[i] + in.het_sum[lo + i];
            h2[i + 1] = h2[i] + in.het_sumsq[lo + i];
        }
        wb = sdb > 0 ? 1.0 / (sdb * sdb) : 0.0;
    }

    // The likelihood test's statistics of bins [a, b) (prune.hpp); het sites
    // only when the BAF is in the cost.
    StretchStats stretch(size_t a, size_t b) const {
        StretchStats st;
        st.w = s0[b] - s0[a];
        st.wx = s1[b] - s1[a];
        st.wxx = s2[b] - s2[a];
        if (wb > 0 && in.het_site_depth.size() == in.baf_sequence.size()) {
            const auto i0 = first_site + static_cast<size_t>(h0[a]), i1 = first_site + static_cast<size_t>(h0[b]);
            for (size_t i = i0; i < i1; ++i) st.add_het(in.baf_sequence[i], in.het_site_depth[i], sdb);
        }
        return st;
    }

    // The weighted mean log2 of bins [a, b).
    double mean(size_t a, size_t b) const { return (s1[b] - s1[a]) / (s0[b] - s0[a]); }

    // Weighted residual sum of squares (in noise variances) of bins [a, b).
    double operator()(size_t a, size_t b) const {
        const double s = s1[b] - s1[a];
        double c = std::max(0.0, s2[b] - s2[a] - s * s / (s0[b] - s0[a]));
        if (wb > 0) {
            const double h = h0[b] - h0[a];
            if (h > 0) {
                const double t = h1[b] - h1[a];
                c += std::max(0.0, h2[b] - h2[a] - t * t / h) * wb;
            }
        }
        return c;
    }
};

// Binary segmentation with threshold `threshold`: change-point candidates.
void binary_candidates(const Costs& cost, size_t n, size_t m, double threshold, std::vector<size_t>& out) {
    std::vector<std::pair<size_t, size_t>> stack{{0, n}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b - a < 2 * m) continue;
        const double whole = cost(a, b);
        double best = threshold;
        size_t at = 0;
        for (size_t t = a + m; t + m <= b; ++t) {
            const double gain = whole - cost(a, t) - cost(t, b);
            if (gain > best) {
                best = gain;
                at = t;
            }
        }
        if (at == 0) continue;
        out.push_back(at);
        stack.emplace_back(a, at);
        stack.emplace_back(at, b);
    }
}

// Multiscale scan: for windows of w bins each side, the gain of a split at
// every t; the best t of each run above the threshold is a candidate.
void scan_candidates(const Costs& cost, size_t n, size_t m, double threshold, std::vector<size_t>& out) {
    for (size_t w = std::max<size_t>(m, 2); 2 * w <= n && w <= 2048; w *= 2) {
        double run_best = -1;
        size_t run_at = 0;
        for (size_t t = w; t + w <= n; ++t) {
            const double gain = cost(t - w, t + w) - cost(t - w, t) - cost(t, t + w);
            if (gain > threshold) {
                if (gain > run_best) {
                    run_best = gain;
                    run_at = t;
                }
            } else if (run_best >= 0) {
                out.push_back(run_at);
                run_best = -1;
            }
        }
        if (run_best >= 0) out.push_back(run_at);
    }
}

// Optimal partitioning restricted to the candidate starts `c` (sorted, with
// 0 first and n last), with PELT pruning. Returns the chosen starts.
std::vector<size_t> pelt(const Costs& cost, const std::vector<size_t>& c, size_t m, double penalty) {
    const size_t k = c.size();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::vector<double> f(k, kInf);
    std::vector<size_t> prev(k, 0);
    f[0] = -penalty;
    std::vector<size_t> alive{0}, next_alive;
    for (size_t j = 1; j < k; ++j) {
        double best = kInf;
        size_t arg = 0;
        for (size_t i : alive) {
            if (c[j] - c[i] < m) continue;
            const double v = f[i] + cost(c[i], c[j]) + penalty;
            if (v < best) {
                best = v;
                arg = i;
            }
        }
        f[j] = best;
        prev[j] = arg;
        next_alive.clear();
        for (size_t i : alive) {
            // A start that cannot beat j now can never beat it later (costs
            // are additive); starts too close to j are kept for later.
            if (c[j] - c[i] < m || f[i] + cost(c[i], c[j]) <= f[j]) next_alive.push_back(i);
        }
        if (f[j] < kInf) next_alive.push_back(j);
        alive.swap(next_alive);
    }
    std::vector<size_t> starts;
    for (size_t j = k - 1; j > 0; j = prev[j]) starts.push_back(c[prev[j]]);
    std::reverse(starts.begin(), starts.end());
    return starts;
}

// Places each change-point of `starts` (segment starts, 0 first) afresh
// between its neighbours: at the middle of the run of positions, around the
// best one, whose cost is within kSupport of the best (a likelihood support
// interval). A sharp step keeps its best bin; a change seen only in the BAF,
// between two het sites several bins apart, goes to the middle of the gap
// instead of wherever the log2 noise happened to put it.
constexpr double kSupport = 2.0;

void refine_starts(const Costs& cost, size_t n, size_t m, std::vector<size_t>& starts) {
    for (size_t k = 1; k < starts.size(); ++k) {
        const size_t a = starts[k - 1], b = k + 1 < starts.size() ? starts[k + 1] : n;
        if (b - a < 2 * m) continue;
        std::vector<double> c(b - a, std::numeric_limits<double>::infinity());
        size_t best = starts[k];
        for (size_t u = a + m; u + m <= b; ++u) {
            c[u - a] = cost(a, u) + cost(u, b);
            if (c[u - a] < c[best - a]) best = u;
        }
        size_t lo = best, hi = best;
        while (lo > a + m && c[lo - 1 - a] <= c[best - a] + kSupport) --lo;
        while (hi + 1 + m <= b && c[hi + 1 - a] <= c[best - a] + kSupport) ++hi;
        starts[k] = (lo + hi + 1) / 2;
    }
}

// A segment of at most kTransition bins whose mean log2 lies between its two
// neighbours' is the blur of one step (bins that straddle the breakpoint,
// reads that span it), not an event: it joins the neighbour nearer in log2.
constexpr size_t kTransition = 4;

void merge_transitions(const Costs& cost, size_t n, std::vector<size_t>& starts) {
    auto mean = [&](size_t a, size_t b) { return cost.mean(a, b); };
    for (size_t k = 1; k + 1 < starts.size();) {
        const size_t a = starts[k - 1], b = starts[k], c = starts[k + 1], d = k + 2 < starts.size() ? starts[k + 2] : n;
        const double left = mean(a, b), mid = mean(b, c), right = mean(c, d);
        if (c - b <= kTransition && (mid - left) * (right - mid) > 0) {
            starts.erase(starts.begin() + static_cast<std::ptrdiff_t>(std::abs(mid - left) < std::abs(right - mid) ? k + 1 : k));
        } else {
            ++k;
        }
    }
}

// Keeps the change-points of `starts` that pay their penalty in the joint
// likelihood ratio test (prune.hpp).
void prune_starts(const Costs& cost, size_t n, double penalty, std::vector<size_t>& starts) {
    if (starts.size() < 2) return;
    std::vector<StretchStats> stats;
    stats.reserve(starts.size());
    for (size_t k = 0; k < starts.size(); ++k) stats.push_back(cost.stretch(starts[k], k + 1 < starts.size() ? starts[k + 1] : n));
    std::vector<size_t> kept;
    for (size_t k : prune_change_points(std::move(stats), penalty)) kept.push_back(starts[k]);
    starts.swap(kept);
}

std::vector<size_t> segment_contig(const Costs& cost, size_t n, size_t m, double penalty, const SegmentOptions& o) {
    const bool refine = o.refine;
    if (n < 2 * m) return {0};
    std::vector<size_t> cand{0, n};
    binary_candidates(cost, n, m, 0.5 * penalty, cand);
    scan_candidates(cost, n, m, 0.5 * penalty, cand);
    std::sort(cand.begin(), cand.end());
    cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
    // Candidates too near an end cannot start a segment of m bins.
    std::vector<size_t> c;
    for (size_t t : cand) {
        if (t == 0 || t == n || (t >= m && t + m <= n)) c.push_back(t);
    }
    std::vector<size_t> starts = pelt(cost, c, m, penalty);
    if (refine) merge_transitions(cost, n, starts);
    if (o.prune) prune_starts(cost, n, penalty, starts);
    if (refine) refine_starts(cost, n, m, starts);
    return starts;
}

}  // namespace

std::vector<size_t> optimal_partition_exhaustive(const std::vector<double>& x, double sd, double penalty, int min_bins) {
    SegmentInput in;
    for (size_t i = 0; i < x.size(); ++i) in.add_bin(0, static_cast<int64_t>(i), static_cast<int64_t>(i + 1), x[i]);
    const Costs cost(x, std::vector<double>(x.size(), 1.0 / (sd * sd)), in, 0, x.size(), 0);
    std::vector<size_t> all(x.size() + 1);
    for (size_t i = 0; i <= x.size(); ++i) all[i] = i;
    return pelt(cost, all, static_cast<size_t>(std::max(1, min_bins)), penalty);
}

namespace {

// The residuals of the bins of noise class k about their class's mean in
// their segment (the classes of an exome, targets and off-target bins, may
// sit at different levels), in genome order, each with its segment's index.
void class_residuals(const std::vector<double>& x, const std::vector<uint8_t>& noise_class,
                     const std::vector<std::pair<size_t, size_t>>& ranges,
                     const std::vector<std::vector<size_t>>& starts, uint8_t k, std::vector<double>& residual,
                     std::vector<int32_t>& segment_of) {
    residual.clear();
    segment_of.clear();
    int32_t id = 0;
    for (size_t r = 0; r < ranges.size(); ++r) {
        const auto [lo, hi] = ranges[r];
        for (size_t j = 0; j < starts[r].size(); ++j, ++id) {
            const size_t a = lo + starts[r][j], b = j + 1 < starts[r].size() ? lo + starts[r][j + 1] : hi;
            double sum = 0, count = 0;
            for (size_t i = a; i < b; ++i) {
                if (noise_class[i] == k) sum += x[i], count += 1;
            }
            for (size_t i = a; i < b; ++i) {
                if (noise_class[i] != k) continue;
                residual.push_back(x[i] - sum / count);
                segment_of.push_back(id);
            }
        }
    }
}

// The factor of each noise class that turns its per-bin variance sd^2 (from
// first differences) into the long-run variance, F * var(residuals); 1
// where the correlation is not significant. The residuals' variance is
// taken robustly like sd: correlated noise makes first differences smaller
// than the noise itself (by 1 - rho_1), so both parts count.
std::array<double, 2> class_noise_factors(const SegmentInput& in, const std::vector<double>& x,
                                          const std::vector<std::pair<size_t, size_t>>& ranges,
                                          const std::vector<std::vector<size_t>>& starts,
                                          const std::array<double, 2>& sd) {
    std::array<double, 2> factor{1, 1};
    std::vector<double> r;
    std::vector<int32_t> run;
    for (uint8_t k : {uint8_t(0), uint8_t(1)}) {
        const auto members = static_cast<size_t>(std::count(in.noise_class.begin(), in.noise_class.end(), k));
        if (members == 0) continue;
        r.reserve(members);
        run.reserve(members);
        class_residuals(x, in.noise_class, ranges, starts, k, r, run);
        const stats::NoiseCorrelation c = stats::noise_correlation(r, run);
        if (!(c.factor > 1 + 3 * c.standard_error)) continue;
        for (double& v : r) v = std::abs(v);
        const double scale = 1.4826 * stats::upper_median(std::move(r));
        r = {};
        factor[k] = std::max(1.0, c.factor * scale * scale / (sd[k] * sd[k]));
    }
    return factor;
}

}  // namespace

NoiseClasses class_noise(const SegmentInput& in, bool smooth, std::vector<double>& x, std::vector<double>& w) {
    NoiseClasses noise;
    w.assign(in.size(), 0.0);
    for (uint8_t k : {uint8_t(0), uint8_t(1)}) {
        const auto members = static_cast<size_t>(std::count(in.noise_class.begin(), in.noise_class.end(), k));
        if (members == 0) continue;
        std::vector<size_t> at;
        at.reserve(members);
        for (size_t i = 0; i < in.size(); ++i) {
            if (in.noise_class[i] == k) at.push_back(i);
        }
        std::vector<double> xs;
        std::vector<int32_t> cs;
        xs.reserve(members);
        cs.reserve(members);
        for (size_t i : at) xs.push_back(x[i]), cs.push_back(in.contig[i]);
        double sd = robust_sd(xs, cs);
        if (!(sd > 0)) sd = 1e-3;  // constant data: any step is real
        if (smooth) smooth_outliers(xs, cs, sd);
        noise.sd[k] = sd;
        for (size_t j = 0; j < at.size(); ++j) {
            x[at[j]] = xs[j];
            w[at[j]] = 1.0 / (sd * sd);
        }
        if (noise.first < 0) noise.first = k;
    }
    return noise;
}

std::vector<Segment> summarise_segments(const SegmentInput& in, const std::vector<double>& x, const std::vector<double>& w,
                                        const std::vector<std::pair<size_t, size_t>>& ranges,
                                        const std::vector<std::vector<size_t>>& starts) {
    std::vector<Segment> segments;
    for (size_t r = 0; r < ranges.size(); ++r) {
        const auto [lo, hi] = ranges[r];
        for (size_t k = 0; k < starts[r].size(); ++k) {
            Segment s;
            s.first_bin = lo + starts[r][k];
            s.last_bin = k + 1 < starts[r].size() ? lo + starts[r][k + 1] : hi;
            s.contig = in.contig[lo];
            s.beg = in.beg[s.first_bin];
            s.end = in.end[s.last_bin - 1];
            s.n_bins = static_cast<uint32_t>(s.last_bin - s.first_bin);
            double sum = 0, weight = 0, hn = 0, hs = 0, hd = 0;
            for (size_t i = s.first_bin; i < s.last_bin; ++i) {
                sum += w[i] * x[i];
                weight += w[i];
                hn += in.het_n[i];
                hs += in.het_sum[i];
                hd += in.het_depth[i];
            }
            s.log2 = sum / weight;
            s.n_het = static_cast<uint32_t>(hn);
            s.mirrored_baf = hn > 0 ? hs / hn : std::nan("");
            s.het_depth = hn > 0 ? hd / hn : std::nan("");
            segments.push_back(s);
        }
    }
    return segments;
}

namespace {

// What every contig's segmentation shares: the smoothed log2 ratios, the
// contigs' bin ranges, and the cost's settings.
struct SegmentRun {
    const SegmentInput& in;
    const std::vector<double>& x;
    const std::vector<std::pair<size_t, size_t>>& ranges;
    double sd_mirrored;  // the BAF's noise in the cost; 0: log2 alone
    double penalty;
    size_t min_bins;
    const SegmentOptions& options;
    std::vector<size_t> sites_before;  // het sites before each range

    // The segment starts of every contig, under bin weights `w`.
    void segment_all(const std::vector<double>& w, std::vector<std::vector<size_t>>& starts) const {
        parallel_for_index(options.threads, ranges.size(), [&](size_t r) {
            const auto [lo, hi] = ranges[r];
            const Costs cost(x, w, in, lo, hi, sd_mirrored, sites_before[r]);
            starts[r] = segment_contig(cost, hi - lo, min_bins, penalty, options);
        });
    }
};

// Correlated noise: while a noise class's long-run variance factor F grows
// by more than 5% (at most 3 passes), divide its bins' weights by F and
// segment again. Returns F of each class; `w` becomes the weights used
// when any F is above 1 (segment means then weigh each class by its
// long-run variance).
std::array<double, 2> refit_for_correlated_noise(const SegmentRun& run, const std::array<double, 2>& class_sd,
                                                 std::vector<double>& w, std::vector<std::vector<size_t>>& starts) {
    std::array<double, 2> factor{1, 1};
    std::vector<double> wf;
    constexpr int kMaxPasses = 3;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        const std::array<double, 2> next = class_noise_factors(run.in, run.x, run.ranges, starts, class_sd);
        if (!(next[0] > factor[0] * 1.05 || next[1] > factor[1] * 1.05)) break;
        factor = {std::max(factor[0], next[0]), std::max(factor[1], next[1])};
        wf.resize(w.size());
        for (size_t i = 0; i < w.size(); ++i) wf[i] = w[i] / factor[run.in.noise_class[i]];
        run.segment_all(wf, starts);
    }
    if (factor != std::array<double, 2>{1, 1}) w = wf;
    return factor;
}

}  // namespace

Segmentation segment(const SegmentInput& in, const SegmentOptions& o) {
    if (in.size() == 0) throw input_error({}, "there are no bins to segment");
    Segmentation result;
    // Each noise class's sd, from first differences between consecutive bins
    // of the class within a contig; outliers are smoothed within the class.
    std::vector<double> x = in.log2, w;
    const NoiseClasses noise = class_noise(in, o.smooth_outliers, x, w);
    result.log2_sd = noise.first >= 0 ? noise.sd[static_cast<size_t>(noise.first)] : 0;
    result.baf_sd = robust_sd(in.baf_sequence);
    // The noise of the mirrored BAF, for the cost: the unfolded per-site sd.
    // (The sd of mirrored values measured where the BAF is balanced is
    // smaller, folded at 0, and would overstate every imbalanced stretch.)
    double sd_mirrored = result.baf_sd;
    if (!o.use_baf || !(sd_mirrored > 0)) sd_mirrored = 0;
    result.penalty = o.penalty * std::log(static_cast<double>(std::max<size_t>(in.size(), 3)));

    // The penalised optimum of every contig, then again under the noise's
    // long-run variance when it is correlated.
    const auto ranges = contig_ranges(in.contig);
    SegmentRun run{in, x, ranges, sd_mirrored, result.penalty, static_cast<size_t>(std::max(1, o.min_bins)), o, {}};
    for (size_t r = 0, sites = 0; r < ranges.size(); ++r) {
        run.sites_before.push_back(sites);
        for (size_t i = ranges[r].first; i < ranges[r].second; ++i) sites += in.het_n[i];
    }
    std::vector<std::vector<size_t>> starts(ranges.size());
    run.segment_all(w, starts);
    if (o.correlated_noise) {
        const std::array<double, 2> factor = refit_for_correlated_noise(run, noise.sd, w, starts);
        if (noise.first >= 0) result.log2_noise_factor = factor[static_cast<size_t>(noise.first)];
    }

    // Means of the unsmoothed values: smoothing only keeps a lone spike from
    // drawing change-points; the bins it moved still count as they were.
    result.segments = summarise_segments(in, in.log2, w, ranges, starts);
    return result;
}

}  // namespace somatic::cnv
