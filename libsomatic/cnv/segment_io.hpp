// What the segmentation stage reads and writes.
//
// Input: a table of log2 ratios from this tool (`somatic-cnv ratio`) or
// from elsewhere, recognised by its header:
//   * `#chrom start end ... log2 ...` (this tool's ratio table);
//   * CNVkit .cnr/.cns: `chromosome start end gene depth log2 weight`;
//   * array CGH tables such as DNAcopy's Coriell data:
//     `Clone Chromosome Position Coriell.05296 Coriell.13330` (one position
//     per probe: the probe is [pos, pos+1));
//   * no header: `chrom start end log2 [baf]`, or `chrom pos log2`.
// Header names are matched without case: chrom|chromosome|chr|contig|
// seqnames; start|loc.start|position|pos|maploc; end|loc.end; log2|log2ratio|
// log2_ratio|logratio|lrr; baf. The value column can be named with
// --column; by default it is the log2 column, or else the first column after
// the coordinates that is not an identifier or annotation. Rows whose value
// is missing (NA, NaN, ".", empty) are skipped and counted; an infinite
// value is an error. Rows must be sorted: each contig in one block, starts
// ascending; or, with `sort`, they are sorted here (array tables often list
// probes out of order), contigs in their order of first appearance.
//
// Output: the segments table
//   ##somatic-cnv segments
//   ##log2_sd=, ##baf_sd=, ##penalty=, and the input's ##sex= lines
//   #chrom start end n_bins log2 n_het mirrored_baf het_depth
#pragma once

#include <string>
#include <vector>

#include "libsomatic/cnv/het_sites.hpp"
#include "libsomatic/cnv/ratio.hpp"
#include "libsomatic/cnv/segment.hpp"

namespace somatic::cnv {

struct Log2TableOptions {
    std::string column;          // the value column's name; empty: automatic
    double position_scale = 1;   // multiply positions by this (1000 for tables in kb)
    bool sort = false;           // sort rows by contig (first appearance) and start instead of requiring it
};

SegmentInput read_log2_table(const std::string& path, const Log2TableOptions& options = {});

SegmentInput input_from_ratios(const RatioTable& ratios);

// Puts each het site with tumour reads into the bin that contains it, or
// else the nearest bin before it on its contig (the first bin when it lies
// before all of them); sites on contigs without bins are left out. Returns
// how many sites were placed.
size_t attach_het_sites(SegmentInput& input, const HetTable& hets);

struct SegmentTable {
    std::vector<std::string> contigs;
    std::vector<Segment> segments;
    double log2_sd = 0, baf_sd = 0, penalty = 0;
    double log2_noise_factor = 1;  // 1 in tables written before it was
    std::vector<std::string> header;  // other ## lines (##sex=...)
};

SegmentTable to_table(const Segmentation& s, const SegmentInput& input);
void format_segment_table(const SegmentTable& table, std::string& out);
void write_segment_table(const SegmentTable& table, const std::string& path);
SegmentTable read_segment_table(const std::string& path);

// The value of a "##key=value" line among `header`, or "".
std::string header_value(const std::vector<std::string>& header, const std::string& key);

}  // namespace somatic::cnv
