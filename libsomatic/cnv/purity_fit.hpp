// Stage 5: purity and ploidy.
//
// The model of a segment of total copy number CN = major + minor in a tumour
// of purity p and ploidy psi (average copy number), where the normal cells
// hold n0 copies (2 on autosomes and a female's chrX; 1 on a male's X and Y):
//   expected log2 = log2((p*CN + n0*(1-p)) / (n0/2) / (p*psi + 2*(1-p)))
//   expected BAF  = (p*minor + (1-p)) / (p*CN + 2*(1-p))     (n0 = 2 only)
// The observed mirrored BAF of a segment is the mean of |BAF - 0.5| over its
// het sites; with per-site noise sd s its expectation is the mean of a
// folded normal, E|N(delta, s^2)| with delta = |expected BAF - 0.5|, which
// is above 0 even for a balanced segment.
//
// Each segment's fit to a state is z^2 = (observed - expected)^2 / variance
// for log2 (variance log2_sd^2 / n_bins + tolerance^2) plus the same for
// the mirrored BAF (variance of the folded normal / n_het + tolerance^2);
// the tolerances absorb what the noise model leaves out (GC residue,
// reference bias). A segment's score is min over states of z^2 / 2, capped
// (a subclonal or artefactual segment costs a bounded amount, it does not
// drag the fit), times its weight (its number of bins). The score of (p,
// psi) is the sum over segments; the grid is purity 0.10-1.00 by 0.01 and
// ploidy 1.5-6.0 by 0.02. The states of a segment reach segment_max_cn.
// Solutions are the grid's local minima, the best of them moved downhill
// on the full score (descend: mixtures and prior included), best first by
// misfit plus prior (below). A whole-genome-doubled fit (every
// state doubled, purity p/(2-p)) explains the data exactly as well as the
// undoubled one; the prior, not a margin, decides between them (the
// options' parsimony margin, 0 by default, still brings the lowest ploidy
// forward among solutions within it).
//
// The prior: a parsimony penalty of event_penalty per copy-number event per
// bin, added to the per-bin misfit, and doubling_penalty per bin for a
// doubled genome. A solution's events are, for each bin, the fewest allele
// copies gained or lost that reach its state: from 1+1, |major - 1| +
// |minor - 1| (|total - 2| without BAF, |total - 1| for a segment of one
// normal copy); in a doubled genome each allele went from 1 copy to x
// before the doubling and from 2x to its count after it, |x - 1| + |n - 2x|
// at the best x, so that a doubled solution's states cost what its
// undoubled twin's cost (4+2 is one gain before the doubling, 2+1 one loss
// after it) and the two differ by the doubling's own penalty and by what
// only one of them explains: an odd allele count after a doubling is one
// clonal event there and a subclonal mixture (one event, two parameters,
// and a cell fraction that happens to be 1/2) in the twin. This is a log
// prior of -event_penalty per event per bin on the same scale as the
// misfit (-log likelihood per bin), like ASCAT's and PURPLE's ploidy
// penalties: a fit that needs more events must explain the data clearly
// better.
// Evidence reported per solution (Solution's fields): misfit, events,
// prior, the length fractions at odd total copy number and with an odd
// allele count (states a doubled solution's undoubled twin cannot halve),
// and, given somatic SNVs, their log-likelihood (snv_evidence.hpp,
// weigh_snv_evidence). A segment with BAF may be a mixture of two states
// (subclonal.hpp), which counts in the misfit (with its cell fraction's
// subclonal_penalty) and as one more event.
// Cost: O(purities x (segments x states + ploidies x segments x CN)).
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include "libsomatic/cnv/genome.hpp"

namespace somatic::cnv {

struct FitSegment {
    int normal_cn = 2;     // n0; 0 leaves the segment out of the fit
    uint32_t n_bins = 0;
    double log2 = 0;
    uint32_t n_het = 0;
    double mirrored_baf = NAN;
    double het_depth = NAN;  // mean tumour depth at the het sites (NaN: unknown)
    int64_t length = 0;
};

struct FitOptions {
    double purity_min = 0.10, purity_max = 1.0, purity_step = 0.01;
    double ploidy_min = 1.5, ploidy_max = 6.0, ploidy_step = 0.02;
    // The highest total copy number of a segment of focal_length or more,
    // and of a shorter one (a focal amplification) (see segment_max_cn).
    int max_cn = 8;
    int max_focal_cn = 20;
    int64_t focal_length = 10'000'000;
    double log2_tolerance = 0.05;
    double baf_tolerance = 0.02;
    double cap = 12.5;              // the largest score of one segment (z = 5)
    // A relative score margin within which the lower ploidy wins, plus this
    // much per bin (0: the prior alone ranks).
    double parsimony = 0.0;
    double parsimony_margin = 0.0;
    // The window of score, relative to the best plus this much per bin,
    // within which the somatic SNVs arbitrate (below).
    double snv_window = 0.10;
    double snv_window_margin = 0.02;
    double purity = NAN;            // fixed purity (NaN: fit)
    double ploidy = NAN;            // fixed ploidy (NaN: fit)
    bool use_baf = true;
    bool subclonal = true;          // let a segment be a mixture of two states (subclonal.hpp)
    double event_penalty = 0.25;    // the prior's cost per copy-number event per bin (0: none)
    double doubling_penalty = 0.04; // the prior's cost per bin of a whole-genome doubling (0: none)
    double subclonal_penalty = 0.75; // a mixture's cost per bin for its cell fraction (subclonal.hpp)
    // The somatic SNVs' log-likelihood ratio by which a solution whose
    // misfit is within the parsimony margin of the best overrides the
    // ranking (3: odds of 20 to 1).
    double snv_margin = 3.0;
    size_t solutions = 4;           // how many solutions to report
    // Throws a usage error unless a fixed purity is in (0, 1], a fixed ploidy is
    // above 0, 0 < purity_min <= purity_max <= 1, 0 < ploidy_min <= ploidy_max
    // max_cn and max_focal_cn are 1 to 50, focal_length is 0 or more, and
    // event_penalty is 0 or more.
    void validate() const;
};

struct Solution {
    double purity = 0;
    double ploidy = 0;          // the grid's psi
    double score = 0;           // misfit plus prior, per bin: what ranks solutions
    double called_ploidy = 0;   // length-weighted mean called CN of the fitted segments
    bool genome_doubled = false;
    // The evidence behind the score.
    double misfit = 0;          // the data's score alone, per bin
    double events = 0;          // copy-number events per bin (see above)
    double prior = 0;           // event_penalty * events (+ doubling_penalty when doubled)
    double odd_fraction = 0;    // of the called length: odd total copy number
    double odd_allele_fraction = 0;  // of the allele-specific called length: an odd major or minor
    // Somatic SNVs (snv_evidence.hpp), when given: how many were scored and
    // the sum of their log-likelihoods under this solution's states.
    size_t snv_count = 0;
    double snv_log_likelihood = NAN;
};

struct FitResult {
    std::vector<Solution> solutions;  // the chosen one first
    double baf_sd = NAN;              // the per-site BAF noise used
    double median_het_depth = NAN;
};

// The highest total copy number the fit gives a segment: max_cn, or, for a
// segment of known length shorter than focal_length, max(max_cn,
// max_focal_cn). A prior on the copy-number landscape: high-level
// amplifications are focal (megabases, as the oncogene amplicons of MYC,
// ERBB2, EGFR), and a state above max_cn over a chromosome arm is rarer than
// a fit at another purity and ploidy that explains the arm with fewer
// copies. Without the focal allowance a doubled genome cannot reach its
// amplifications (twice its undoubled twin's copies), and with one ceiling
// of 20 for all segments a low-purity, high-ploidy lattice fits broad
// segments of real data at 10 and 11 copies (bench/RESULTS.md).
int segment_max_cn(const FitSegment& segment, const FitOptions& options);
// The highest of both ceilings: the size of the fit's per-state tables.
int highest_cn(const FitOptions& options);

double expected_log2(double purity, double ploidy, int cn, int normal_cn);
double expected_baf(double purity, int minor, int cn);
// E|X| for X ~ N(delta, s^2).
double folded_mean(double delta, double s);
double folded_variance(double delta, double s);
// The same, given m = folded_mean(delta, s).
double folded_variance(double delta, double s, double m);
// The delta whose folded mean is `mean` (0 when mean is below folded_mean(0, s)).
double unfold(double mean, double s);

// A segment's per-site BAF noise: the genome's, scaled by its het depth
// (at least 1e-3).
double site_sd(const FitSegment& segment, const FitResult& fit);
// z^2 of a segment's mean log2 against an expected value (both floored at
// -5; variance log2_sd^2 / n_bins + log2_tolerance^2).
double z2_log2(const FitSegment& segment, double expected, double log2_sd, const FitOptions& options);
// z^2 of a segment's mirrored BAF against the folded mean of an expected BAF
// (variance: folded variance / n_het + baf_tolerance^2).
double z2_baf(const FitSegment& segment, double expected_baf, double site_sd, const FitOptions& options);
// Whether the fit uses the segment's BAF (use_baf, two normal copies, het sites).
bool uses_baf(const FitSegment& segment, const FitOptions& options);

FitResult fit_purity_ploidy(const std::vector<FitSegment>& segments, double log2_sd, double baf_sd,
                            const FitOptions& options);

// The steps of fit_purity_ploidy, in order.
//
// The median tumour depth at the het sites, each segment counted once per
// het site (at most 1000 times); NaN without het sites.
double median_het_depth(const std::vector<FitSegment>& segments);
// The indices of the segments the fit uses: normal_cn above 0 and some bins.
std::vector<size_t> fitted_segments(const std::vector<FitSegment>& segments);
// At purity p, for each used segment k and total copy number cn (0 to
// highest_cn), the least BAF z^2 over the minor copy numbers, at
// [k * (highest_cn + 1) + cn]; 0 for a segment without BAF (or when fit.baf_sd
// is unknown). Independent of ploidy. `fit` gives baf_sd and median_het_depth.
std::vector<double> best_baf_terms(const std::vector<FitSegment>& segments, const std::vector<size_t>& used, double p,
                                   const FitResult& fit, const FitOptions& options);
// The score of (p, q): the sum over used segments of n_bins * min(cap,
// min over cn up to segment_max_cn of (log2 z^2 + best_baf) / 2).
double grid_score(const std::vector<FitSegment>& segments, const std::vector<size_t>& used,
                  const std::vector<double>& best_baf, double p, double q, double log2_sd, const FitOptions& options);
// The local minima of a purity-major grid of scores (np purities x nq
// ploidies; 8 neighbours, ties to the lower index), best first.
std::vector<size_t> grid_minima(const std::vector<double>& score, size_t np, size_t nq);
// From grid point idx (purity-major, np x nq), steps to the lowest of its
// 8 neighbours while that is lower than where it stands (ties stay); the
// point where it stops. The fit's grid minimises the clonal misfit, which is
// fast; this moves each of its minima to the nearby minimum of the full
// score, mixtures and prior included, which ranks the solutions.
size_t descend(size_t idx, size_t np, size_t nq, const std::function<double(size_t)>& score);
// Fills a solution's called ploidy (length-weighted mean called CN of the
// used segments), genome doubling (a major CN of 2 or more over more than
// half the autosomal length), its events, odd fractions, and its prior and
// score from its misfit (which must be set).
void describe_solution(Solution& solution, const std::vector<FitSegment>& segments, const std::vector<size_t>& used,
                       double log2_sd, const FitResult& fit, const FitOptions& options);
// Moves to the front the solution of lowest called ploidy (by more than 0.5)
// among those within parsimony (+ parsimony_margin) of the best score, then
// keeps the first options.solutions.
void prefer_parsimony(std::vector<Solution>& solutions, const FitOptions& options);

// Somatic SNV evidence (filled in by the caller): among the solutions whose
// score (misfit plus prior) is within snv_window (+ snv_window_margin) of
// the best score (the
// near-twins, such as a doubled genome and its undoubled twin), the one
// whose SNVs are likeliest moves to the front when its log-likelihood beats
// the front's by more than snv_margin: decisive data override the prior.
// Nothing moves when the solutions have no SNV evidence.
void weigh_snv_evidence(std::vector<Solution>& solutions, const FitOptions& options);

// The fewest copy-number events that reach one called state in a
// solution (doubled or not), as above; 0 for a segment not called.
int state_events(int normal_cn, int total, int major, int minor, bool doubled);

// The call for one segment at a chosen purity and ploidy.
struct SegmentCall {
    int total = -1;             // -1: not called (normal_cn 0)
    int major = -1, minor = -1; // -1: unknown (no het sites, or hemizygous)
    double cn_float = NAN;      // the copy number the log2 alone implies
    double baf = NAN;           // the tumour's minor allele fraction, noise removed
    bool loh = false;
    bool subclonal = false;     // a mixture (below), or no integer state within 3 sd
    double z_log2 = 0, z_baf = 0;  // of the chosen explanation, clonal or mixture
    // A mixture (subclonal.hpp): total/major/minor above are the clonal
    // background, these the state of a fraction cell_fraction of the
    // tumour cells (NaN and -1: clonal).
    double cell_fraction = NAN;
    int sub_total = -1, sub_major = -1, sub_minor = -1;
    // Per bin: the clonal state's capped misfit, and what the call costs in
    // the score's misfit (the mixture's capped misfit plus its parameters'
    // BIC cost; its extra event is counted with the events).
    double clonal_cost = 0, cost = 0;
};

SegmentCall call_segment(const FitSegment& s, double purity, double ploidy, double log2_sd, const FitResult& fit,
                         const FitOptions& options);

}  // namespace somatic::cnv
