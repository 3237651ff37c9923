// Stage 4: joint segmentation of log2 ratios and B-allele fractions.
//
// The model: piecewise-constant means of the log2 ratio of the bins and of
// the mirrored BAF |BAF - 0.5| of the het sites inside them (mirroring
// removes the unknown phase). The cost of a segment is the residual sum of
// squares of each signal divided by its noise variance, so the two add up on
// one scale (bins of a noisier class, off-target bins of an exome, weigh
// less: each class has its own log2 noise sd, and a segment's mean is then
// the weighted mean); a segmentation's cost is the sum over segments plus a penalty
// beta * log(n) per segment (n = number of bins). The noise sd of each
// signal is estimated robustly as MAD(first differences) / sqrt(2), which
// ignores the steps themselves: of the log2 ratios, and of the raw (not
// mirrored) BAF of the het sites in genome order. The raw BAF's sd is
// inflated when most of the genome is allelically imbalanced (the phase
// flips from site to site): BAF changes are then found less readily.
//
// Why penalised change-points and not CBS: the penalised cost is exact and
// global (one optimum for the whole contig, not a sequence of greedy
// tests with permutation p-values), it takes two signals at once by adding
// their costs, and it is fast. The optimum is found by PELT (optimal
// partitioning with pruning) over a candidate set of change-points rather
// than over every bin: PELT alone is quadratic on long segments without
// change. The candidates are the union of (1) binary segmentation with half
// the penalty and (2) a multiscale scan (every bin's gain from a split
// between windows of 2^k bins on either side, local maxima above half the
// penalty), which together hold every change the full optimum could place,
// up to a few bins. Cost: O(n log n) for the candidates, then PELT on K
// candidates (near-linear in K with pruning). Memory: O(n).
//
// Three steps follow the optimum. Short segments that are only the blur of a
// step are merged into a neighbour (SegmentOptions::refine); each
// change-point is tested again by a penalised likelihood ratio under the
// allele counts' binomial likelihood, and removed unless it pays its penalty
// (SegmentOptions::prune, prune.hpp: the mirrored-BAF cost of the search
// over-splits stretches of shallow het sites); and each change-point is
// placed at the middle of its likelihood support interval (refine). A
// BAF-only change between two het sites several bins apart then lands in the
// middle of the gap rather than where the log2 noise happened to put it.
//
// Correlated noise. Real coverage wiggles over many bins (GC and
// replication-timing waves, capture efficiency of neighbouring targets), so
// neighbouring bins' errors are correlated and a stretch of n bins carries
// less than n bins' worth of information: the variance of its mean is
// F * sd^2 / n, F the ratio of the noise's long-run variance to its variance.
// A cost that assumes F = 1 takes the wiggle for change (CNVkit's real exome
// example: 96 change-points where CBS draws 44). So after the first optimum
// F is estimated from the residuals about the segment means, per noise
// class, with Bartlett weights over Newey and West's number of lags; where it
// is above 1 by more than 3 standard errors of independent noise, the bins'
// weights are divided by it and the segmentation is run again (up to 3 more
// times, while F still grows by more than 5%). Independent noise, as in
// simulated reads, keeps F = 1 and the first optimum.
//
// Single-bin outliers are first moved toward their neighbours, as DNAcopy's
// smooth.CNA does: a bin is an outlier when it lies more than 4 sd beyond
// every one of its neighbours within 2 bins on either side (above the
// highest plus 4 sd, or below the lowest minus 4 sd); it is then set 2 sd
// from the median of that window (itself included), on its own side. Each
// bin of a run of two or more at one level has a neighbour like itself, so
// short events (a deletion of a few bins) are left alone; only lone spikes
// move. The smoothed values serve the search for change-points and the
// noise's correlation only: a segment's mean is taken from the unsmoothed
// values.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace somatic::cnv {

// What segmentation reads: bins in genome order with their log2 ratio, and
// for each bin the het sites inside it (as sums of mirrored BAF).
struct SegmentInput {
    std::vector<std::string> contigs;
    std::vector<int32_t> contig;
    std::vector<int64_t> beg, end;
    std::vector<double> log2;
    // The bin's noise class (0: whole-genome or target bins, 1: off-target
    // bins), each with its own noise sd: off-target bins are far noisier.
    std::vector<uint8_t> noise_class;
    // Het sites per bin: count, sum and sum of squares of |BAF - 0.5|, and
    // the sum of their tumour depths.
    std::vector<uint32_t> het_n;
    std::vector<double> het_sum, het_sumsq, het_depth;
    // Every het site's BAF in genome order, for the noise estimate, and its
    // tumour depth (0: unknown), for the change-points' likelihood test.
    std::vector<double> baf_sequence, het_site_depth;
    std::vector<std::string> header;  // "##key=value" lines to carry along

    size_t size() const { return log2.size(); }
    void reserve(size_t bins);
    void add_bin(int32_t c, int64_t b, int64_t e, double value, uint8_t noise_class = 0);
    // Adds one het site's BAF (0-1) to bin i.
    void add_het(size_t i, double baf, double depth);
};

struct SegmentOptions {
    double penalty = 2.0;  // beta: the penalty per segment is beta * log(n)
    int min_bins = 3;      // the shortest segment, in bins
    bool smooth_outliers = true;
    bool use_baf = true;
    // After the optimum: segments of at most 4 bins whose mean log2 lies
    // between their neighbours' (the blur of one step) join the nearer
    // neighbour, and each change-point moves to the middle of its support
    // interval (the positions between its neighbours whose cost is within 2
    // of the best). Off: the plain penalised optimum.
    bool refine = true;
    // After the optimum: every change-point must pay its penalty in the
    // joint log2 + allele-count likelihood (prune.hpp), or it is removed.
    bool prune = true;
    // Estimate the noise's correlation between neighbouring bins and weigh
    // bins by the long-run variance (see above). Off: F = 1.
    bool correlated_noise = true;
    int threads = 1;
    // Throws a usage error unless penalty >= 0, min_bins >= 1 and threads >= 1.
    void validate() const;
};

struct Segment {
    int32_t contig = 0;
    int64_t beg = 0, end = 0;
    size_t first_bin = 0, last_bin = 0;  // [first, last)
    uint32_t n_bins = 0;
    double log2 = 0;         // mean log2 ratio
    uint32_t n_het = 0;
    double mirrored_baf = 0; // mean |BAF - 0.5| of its het sites (NaN without)
    double het_depth = 0;    // mean tumour depth at its het sites (NaN without)
};

struct Segmentation {
    std::vector<Segment> segments;
    double log2_sd = 0;  // the per-bin noise sd of log2 (of noise class 0 when present)
    // F of the same class: the long-run variance of the log2 noise over its
    // variance (1 for independent noise); a segment mean of n bins has
    // variance log2_noise_factor * log2_sd^2 / n.
    double log2_noise_factor = 1;
    double baf_sd = 0;   // the per-site noise sd of BAF (NaN without het sites)
    double penalty = 0;  // the penalty per segment used
};

// Robust noise sd of a sequence: 1.4826 * median |x[i+1] - x[i]| / sqrt(2),
// differences taken only within runs where `group` is constant (or over the
// whole sequence when `group` is empty). NaN with fewer than 2 values.
double robust_sd(const std::vector<double>& x, const std::vector<int32_t>& group = {});

// Smooths single-bin outliers in place (see above), within each contig; sd
// is the noise sd the distances are measured in.
constexpr size_t kSmoothRegion = 2;  // neighbours on each side
constexpr double kOutlierSd = 4;     // an outlier is this many sd beyond the nearest neighbour
constexpr double kSmoothSd = 2;      // ... and is moved to this many sd from the window's median
void smooth_outliers(std::vector<double>& x, const std::vector<int32_t>& contig, double sd);

// Segments every contig. Throws an input error for an empty input.
Segmentation segment(const SegmentInput& input, const SegmentOptions& options);

// The steps of segment() that are statistics of their own.
//
// Each noise class's robust sd of `x` (first differences within a contig
// between the class's bins; 1e-3 for constant data), with the class's
// single-bin outliers smoothed in `x` when `smooth`; `w` receives every bin's weight,
// 1 / its class's sd^2. `first` is the lowest class present (-1: none), whose
// sd is the segmentation's log2_sd.
struct NoiseClasses {
    std::array<double, 2> sd{1, 1};
    int first = -1;
};
NoiseClasses class_noise(const SegmentInput& input, bool smooth, std::vector<double>& x, std::vector<double>& w);
// The [first, last) bin range of each run of equal contig indices.
std::vector<std::pair<size_t, size_t>> contig_ranges(const std::vector<int32_t>& contig);
// The segments of each range from its starts (relative to the range, 0
// first): weighted mean log2 of `x` under `w` (segment() passes the
// unsmoothed log2 ratios), het counts, mean mirrored BAF and het depth.
std::vector<Segment> summarise_segments(const SegmentInput& input, const std::vector<double>& x,
                                        const std::vector<double>& w,
                                        const std::vector<std::pair<size_t, size_t>>& ranges,
                                        const std::vector<std::vector<size_t>>& starts);

}  // namespace somatic::cnv
