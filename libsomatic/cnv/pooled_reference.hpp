// A pooled copy-number reference: what each bin's depth should be, learnt
// from many normals (CNVkit's `reference`), for exomes and panels whose
// matched normal is too shallow to be a depth reference alone, or absent.
//
// Each normal's depth is corrected as the ratio stage corrects a sample's
// (corrected_depth: per base, over its GC curve per bin kind, over its
// median on the autosomes), then divided by its normal copy number over 2
// (its sex inferred from its own chrX depth), so every normal speaks of one
// diploid genome. Per bin, over the normals:
//   log2   = the median of log2(relative depth): the expected depth;
//   spread = 1.4826 * the median absolute deviation from it (a robust sd,
//            in log2 units);
//   reads  = the median read count.
// A bin is unusable when its expected depth is below min_depth or above
// max_depth times the typical one (the ratio stage's normal-depth filter,
// for the same reasons: poorly mappable or collapsed repeats), when the
// normals' median holds fewer than min_reads reads (no measurement), or when
// the spread is above max_spread: at 0.5 in log2 the normals disagree by
// about 41 % at one sd, more than a one-copy gain at 80 % purity
// (log2 1.4 = 0.49), so a tumour's ratio there says nothing a segment
// can use.
//
// The table, written with io/table_writer:
//   ##somatic-cnv pooled reference
//   ##source=somatic-cnv VERSION           (left out with --no-version)
//   ##normals=N
//   ##normal=NAME                          (one per normal, in order)
//   ##contig=<ID=chr1,length=248956422>    (the reference's contigs)
//   #chrom start end kind gc log2 spread reads usable
// Cost: memory O(bins x normals) while building (one count per bin and
// normal), time one streamed pass over each normal (bin_counts).
#pragma once

#include <string>
#include <vector>

#include "libsomatic/cnv/bins.hpp"
#include "libsomatic/core/contigs.hpp"

namespace somatic::cnv {

struct PoolOptions {
    double max_n_fraction = 0.5;  // bins with more N bases are unusable
    double min_depth = 0.3;       // expected depth below this fraction of the typical: unusable
    double max_depth = 3.0;       // ... or above this multiple of it
    double max_spread = 0.5;      // robust sd of the normals' log2 above this: unusable
    double min_reads = 1;         // the normals' median reads below this: unusable
    bool gc_correct = true;
    // Throws a usage error unless 0 <= min_depth <= max_depth, max_spread > 0
    // and min_reads >= 0.
    void validate() const;
};

struct PooledReference {
    std::vector<std::string> contigs;  // of the bins, in genome order
    ContigDict assembly;               // the reference's names and lengths (empty when unknown)
    std::vector<Bin> bins;
    std::vector<double> gc;
    std::vector<double> log2;    // expected log2 relative depth of a diploid genome; NaN: no normal measured it
    std::vector<double> spread;  // robust sd of the normals' log2 (NaN with no normal)
    std::vector<double> reads;   // the normals' median read count
    std::vector<char> usable;
    std::vector<std::string> normals;  // their names, in order
    std::string version;               // the tool version that built it; empty: not recorded

    size_t size() const { return bins.size(); }
    size_t usable_count() const;
};

// The median of `values` (the mean of the middle two for an even count; NaN
// when empty) and 1.4826 times the median absolute deviation from it.
double median(std::vector<double> values);
double robust_spread(const std::vector<double>& values);

// Builds the reference from the normals' bins tables (one layout, as
// count_bins gives it). `names` name each table in errors and the header.
// Throws an input error when the tables' layouts differ.
PooledReference build_pooled_reference(const std::vector<BinTable>& normals, const std::vector<std::string>& names,
                                       const PoolOptions& options);

void format_pooled_reference(const PooledReference& ref, std::string& out);
void write_pooled_reference(const PooledReference& ref, const std::string& path);
// Throws an input error naming the file and line for anything malformed.
PooledReference read_pooled_reference(const std::string& path);

// Checks that `bins` (a sample's bins table, from `bins_file`) has the
// reference's layout: the same number of bins, each at the same place, and
// the same GC content (one reference FASTA; not compared without
// `compare_gc`, for a bare layout). Throws an input error naming `ref_file`
// and the first differing bin.
void check_reference_layout(const PooledReference& ref, const std::string& ref_file, const BinTable& bins,
                            const std::string& bins_file, bool compare_gc = true);

// Checks that the reference was built on the assembly of `fasta` (the
// contigs of its bins exist there with the same lengths). Throws an input
// error naming `ref_file`; nothing to check when the reference records no
// contigs.
void check_reference_assembly(const PooledReference& ref, const std::string& ref_file, const ContigDict& fasta,
                              const std::string& fasta_file);

}  // namespace somatic::cnv
