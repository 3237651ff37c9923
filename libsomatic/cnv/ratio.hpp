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
#pragma once

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

    size_t size() const { return bins.size(); }
};

// Throws an input error when the two tables do not have the same bins
// (naming `tumour_file`/`normal_file`), or were made on references that
// differ (their GC content disagrees), or when no bin survives the filters.
RatioTable compute_ratios(const BinTable& tumour, const BinTable& normal, const RatioOptions& options,
                          const std::string& tumour_file = "tumour bins", const std::string& normal_file = "normal bins");

// The ratio table as text:
//   ##somatic-cnv ratio table
//   ##sex=female  (##normal_x_ratio=0.98)
//   #chrom start end kind gc tumour normal log2
void format_ratio_table(const RatioTable& table, std::string& out);
void write_ratio_table(const RatioTable& table, const std::string& path);

}  // namespace somatic::cnv
