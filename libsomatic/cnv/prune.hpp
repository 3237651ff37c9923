// Stage 4, last step: every change-point earns its place in the joint log2 +
// BAF likelihood, or goes.
//
// The segmentation's search cost scores the BAF as squared deviations of
// the mirrored BAF |BAF - 0.5| from its segment mean, with one noise sd for
// every het site. That is fast and additive, but it is not the likelihood of
// the allele counts: a site seen in 8 reads is as noisy as 0.18 in BAF and
// one seen in 80 reads 0.056, yet both get the genome's one sd; and folding
// at 0.5 makes balanced stretches look tighter than they are. Stretches of
// shallow het sites, or of sites of different depth, then pay for a split
// that the allele counts do not support (the bench's 5 Mb pair with the het
// sites of every other 250 kb block thinned to 8 reads: 7 extra
// change-points where no copy number changes; bench/RESULTS.md).
//
// So after the search each change-point is tested again, by a penalised
// likelihood ratio of its two neighbouring segments against their union:
//   gain = log2 part + BAF part, in units of -2 log likelihood, kept when
//   gain > penalty (the search's beta * log n).
// The log2 part is the weighted residual sum of squares that the search
// uses (a Gaussian likelihood under the bins' noise weights). The BAF part
// is the likelihood of each het site's allele counts: with k of d reads
// carrying the B allele and an unknown phase, and the segment's allelic
// imbalance delta (|BAF - 0.5| of the tumour-normal mix),
//   L(site | delta) = 1/2 Bin(k; d, 1/2 - delta) + 1/2 Bin(k; d, 1/2 + delta),
// maximised over delta per segment (a grid of 0.005 refined by a parabola).
// Without a depth (BAF columns read from a table) the site's BAF is taken
// as the same mixture of two normals with the search's BAF sd. The weakest
// change-point that fails its penalty goes first, and its neighbours are
// tested again, until every one pays (backward elimination).
//
// Cost: O(sites x grid) for the per-segment likelihood curves, then
// O(K^2) for K change-points (each removal rescans the gains).
#pragma once

#include <cstddef>
#include <vector>

namespace somatic::cnv {

// The grid of imbalances delta on which a segment's BAF log likelihood is
// kept: 0, 0.005, ..., 0.495.
constexpr size_t kImbalanceGrid = 100;
double imbalance_at(size_t g);

// The log likelihood of one het site's BAF given the imbalance delta (up to
// a constant that does not depend on delta). depth > 0: the binomial
// mixture above with k = round(baf * depth) of d = round(depth) reads;
// depth 0: 1/2 N(baf; 1/2 - delta, sd^2) + 1/2 N(baf; 1/2 + delta, sd^2).
double het_site_loglik(double baf, double depth, double delta, double sd);

// Additive sufficient statistics of a stretch of bins: the weighted sums of
// the log2 ratio (w = 1 / noise variance) and the BAF log likelihood curve of
// its het sites over the imbalance grid (empty: no het site).
struct StretchStats {
    double w = 0, wx = 0, wxx = 0;
    std::vector<double> baf_loglik;

    void add_bin(double x, double weight);
    void add_het(double baf, double depth, double sd);
    void add(const StretchStats& other);
    // The weighted residual sum of squares of the log2 ratios about their mean.
    double log2_rss() const;
    // The BAF log likelihood at its best imbalance (0 without het sites).
    double baf_max_loglik() const;
};

// -2 log of the likelihood ratio of two stretches with their own means and
// imbalances against one stretch with a common mean and imbalance (>= 0).
double split_gain(const StretchStats& left, const StretchStats& right);

// Backward elimination: given the stats of consecutive segments, removes
// the change-point of least gain while that gain is at most `penalty`, and
// tests its neighbours again. Returns, for each kept segment, the index of
// its first segment in the input (0 first).
std::vector<size_t> prune_change_points(std::vector<StretchStats> segments, double penalty);

}  // namespace somatic::cnv
