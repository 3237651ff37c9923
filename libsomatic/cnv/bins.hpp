// The bin layout of a copy-number run and the table of per-bin read counts.
//
// Whole genomes are cut into fixed bins (default 1 kb) over the regions to
// process. Exomes and panels use their targets (long targets cut into pieces
// of at most --target-bin-size) plus off-target bins of --off-target-bin-size
// in the gaps between targets, so that the off-target reads still measure
// copy number. Every bin is 0-based half-open; bins never overlap.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

namespace somatic::cnv {

enum class BinKind : uint8_t { wgs, target, off_target };
std::string_view kind_name(BinKind kind);
// Throws an input error (via the caller's message) for an unknown name: returns false.
bool parse_kind(std::string_view text, BinKind& kind);

struct Bin {
    int32_t contig = 0;  // index into BinTable::contigs
    BinKind kind = BinKind::wgs;
    int64_t beg = 0;
    int64_t end = 0;
    bool same_place(const Bin& o) const { return contig == o.contig && beg == o.beg && end == o.end && kind == o.kind; }
};

// The first columns every bin-layout table writes for a bin:
// "chrom\tstart\tend\tkind\t" (contig names from the table's list).
void append_bin_columns(const std::vector<std::string>& contigs, const Bin& bin, std::string& out);

// One sample's bins: the layout, the reference's GC and N content of each
// bin, and the read count.
struct BinTable {
    std::vector<std::string> contigs;  // in genome order
    std::vector<Bin> bins;             // sorted by contig index, then start
    std::vector<double> gc;            // G+C over A+C+G+T; NaN when the bin is all N
    std::vector<double> n_fraction;    // N bases over the bin's length
    std::vector<double> reads;         // reads (fragments) starting in the bin
    std::string sample;                // the sample's name, when known

    size_t size() const { return bins.size(); }
};

struct LayoutOptions {
    int64_t bin_size = 1000;              // WGS bins
    int64_t target_bin_size = 1000;       // longer targets are cut into pieces no longer than this
    int64_t off_target_bin_size = 100000; // off-target bins in the gaps
    int64_t target_padding = 200;         // no off-target bin within this of a target
    int64_t min_off_target_bin = 10000;   // a shorter gap remainder is not a bin
    // Throws a usage error for a bin size below 1.
    void validate() const;
};

// Fixed bins over `regions` (sorted and merged). A region's last piece
// shorter than half a bin joins the bin before it, which is then up to 1.5
// bins long: depth is per base, so a longer bin is measured as well as any,
// while a sliver (a region ending 1 bp past a bin edge) would hold a read or
// two and a GC fraction of a few bases. A region shorter than half a bin is
// one bin. `contigs` gives the genome order for the contig indices.
BinTable make_wgs_layout(const std::vector<Interval>& regions, const ContigDict& contigs, const LayoutOptions& options);

// Target bins (targets sorted and merged first) and off-target bins in the
// gaps, restricted to `regions`.
BinTable make_target_layout(const std::vector<Interval>& targets, const std::vector<Interval>& regions,
                            const ContigDict& contigs, const LayoutOptions& options);

}  // namespace somatic::cnv
