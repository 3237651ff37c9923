// Stage 2: from the tumour's and the normal's bins to GC-corrected,
// normalised log2 ratios.
//
// For each sample: depth per base of each bin, divided by the sample's GC
// curve (fitted on autosomal bins, separately for each bin kind), then by
// its median over autosomal bins. Bins with too many N bases, no GC value,
// or a normal depth far from what the normal's copy number predicts (poorly
// mappable or collapsed repeats) are dropped. The log2 ratio of tumour over
// normal is then shifted so that the mean linear ratio over the kept bins is
// 1: log2 0 is the tumour's average copy number (its ploidy), which is the
// reference the purity/ploidy model's expected log2 uses. With the diploid
// normal as denominator a tumour with no copy-number change is 0 everywhere.
//
// The normal's depth is a noisy denominator: at half the tumour's depth its
// counting noise is most of the log2 ratio's. What the normal is for is its
// bin-to-bin systematic variation (mappability, capture), which the tumour
// shares; its counting noise is not shared. So the denominator is the
// normal's depth shrunk toward its local mean (+-250 kept bins of the same
// contig and kind) by the weight w = 1 - (counting variance / observed
// variance), both relative and measured over the whole genome (the observed
// one robustly, from first differences). w is near 0 when the normal varies
// no more than its read counts explain (the denominator is then the smooth
// local depth), near 1 when systematic variation dominates (the normal is
// used bin by bin). The window is wide so that its own noise is negligible
// and a step in the normal (tumour cells in it, a germline change) leaks
// little into its neighbours; germline changes much shorter than the window
// are left in the tumour's ratio in proportion to 1 - w.
//
// Where the data are: a bin whose normal has fewer than min_normal_reads
// reads (default 1) has no ratio to give, whatever the tumour holds, and is
// dropped before anything is measured: the GC curves and the medians that
// define each sample's expected depth are taken over the bins that hold the
// normal's reads. A slice, a capture or a contig with long unsequenced
// stretches is then normalised by the depth of its covered bins, not by the
// empty ones (which would make every empty bin look normal and every covered
// bin look too deep). The floor is one read, not more: the normal's counting
// noise is what the shrinkage above removes, and dropping bins because their
// own count fell below the typical one would pick bins by their noise and
// bias the normal upward. Counting noise is bounded at the level of the run
// instead: when the normal's median count over the kept bins is below
// low_depth_reads (20 reads: a bin's log2 then has counting noise of about
// 1 / (ln 2 sqrt 20) = 0.32 from each sample, the size of a one-copy change
// at 50% purity) the stage warns and gives the bin size that would reach it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/cnv/bins.hpp"
#include "libsomatic/cnv/genome.hpp"

namespace somatic::cnv {

struct RatioOptions {
    double max_n_fraction = 0.5;     // drop bins with more N bases than this
    double min_normal_depth = 0.3;   // drop bins whose normal depth is below this fraction of the expected
    double max_normal_depth = 3.0;   // ... or above this multiple of it
    bool gc_correct = true;
    Sex sex = Sex::unknown;          // unknown: infer from the normal's chrX depth
    int normal_radius = 250;          // the local mean's half-window, in kept bins; 0: no shrinkage
    double min_normal_reads = 1;     // drop bins whose normal has fewer reads (see above)
    double low_depth_reads = 20;     // warn when the normal's median reads per kept bin is below this
    // Throws a usage error unless 0 <= min_normal_depth <= max_normal_depth and
    // normal_radius >= 0.
    void validate() const;
};

struct RatioTable {
    std::vector<std::string> contigs;
    std::vector<Bin> bins;           // kept bins only
    std::vector<double> gc;
    std::vector<double> tumour;      // corrected relative depth (median 1 on autosomes)
    std::vector<double> normal;
    std::vector<double> log2;
    Sex sex = Sex::unknown;          // the sex used (given or inferred)
    double x_ratio = 0;              // the normal's chrX/autosome depth (NaN when not measured)
    size_t dropped = 0;              // bins dropped
    double normal_weight = 1;        // w above (1: the normal bin by bin)
    double normal_reads = 0;         // the normal's median reads per kept bin
    size_t pool_normals = 0;         // >0: the expected depth is a pooled reference's, of this many normals

    size_t size() const { return bins.size(); }
};

// Throws an input error when the two tables do not have the same bins
// (naming `tumour_file`/`normal_file`), or were made on references that
// differ (their GC content disagrees), or when no bin survives the filters.
RatioTable compute_ratios(const BinTable& tumour, const BinTable& normal, const RatioOptions& options,
                          const std::string& tumour_file = "tumour bins", const std::string& normal_file = "normal bins");

// The class of each bin's contig (autosome, X, Y, other).
std::vector<ContigClass> bin_contig_classes(const BinTable& table);

// r.sex and r.x_ratio: `given` unless unknown, else the sex `sexed`'s depth
// per base on chrX against the autosomes says (the normal's, or the
// tumour's when there is none). Shared by the ratio stage and the pooled
// reference's ratio.
void set_sex(RatioTable& r, const std::vector<ContigClass>& bin_class, const BinTable& sexed, Sex given);

// Each bin's depth per base ((reads + 0.5) / length), divided by the
// sample's GC curve fitted per bin kind on the kept autosomal bins of that
// kind (on every kept bin of the kind when none is autosomal), then by its
// median over those bins: 1 is the sample's typical depth (a kind with no
// kept bin is left unscaled). Throws an input error naming `file` when that
// median is zero. Shared by the ratio stage and the pooled reference.
std::vector<double> corrected_depth(const BinTable& table, const std::vector<char>& keep,
                                    const std::vector<ContigClass>& bin_class, bool gc_correct, const std::string& file);

// The bin size that would give a median of `target` normal reads per bin,
// from `bin_size` bins holding a median of `median_reads`: bin_size times
// target / median_reads, rounded up to a multiple of 1000 (of 100 below
// 1000). 0 when median_reads is not positive.
int64_t bin_size_for_reads(int64_t bin_size, double median_reads, double target);

// Shrinks `depth` (relative depth per kept bin) in place toward its mean over
// +-radius bins of the same `group` (a run of equal values), by the weight
// w = max(0, 1 - v_count / v_observed): v_count is the median of 1 / reads,
// v_observed the squared robust sd of depth / local mean within groups.
// Returns w; 1 (nothing changed) when radius is 0 or there are too few bins.
double shrink_to_local_mean(std::vector<double>& depth, const std::vector<double>& reads,
                            const std::vector<int32_t>& group, int radius);

// The ratio table as text:
//   ##somatic-cnv ratio table
//   ##sex=female  (##normal_x_ratio=0.98)
//   ##normal_weight=0.05
//   ##pooled_reference_normals=N   (with a pooled reference: normal is its expected depth)
//   #chrom start end kind gc tumour normal log2
void format_ratio_table(const RatioTable& table, std::string& out);
void write_ratio_table(const RatioTable& table, const std::string& path);

}  // namespace somatic::cnv
