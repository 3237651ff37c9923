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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/het_sites.hpp"
#include "libsomatic/cnv/ratio.hpp"
#include "libsomatic/cnv/segment.hpp"
#include "libsomatic/io/table_reader.hpp"

namespace somatic::cnv {

struct Log2TableOptions {
    std::string column;          // the value column's name; empty: automatic
    double position_scale = 1;   // multiply positions by this (1000 for tables in kb)
    bool sort = false;           // sort rows by contig (first appearance) and start instead of requiring it
};

SegmentInput read_log2_table(const std::string& path, const Log2TableOptions& options = {});

// The steps of read_log2_table, each tested alone.
//
// The columns: chrom, start, end (-1: none, one position per probe), the
// log2 value, baf and kind (-1: none).
struct Log2Columns {
    int chrom = -1, start = -1, end = -1, value = -1, baf = -1;
    int kind = -1;  // this tool's "kind", or CNVkit's "gene" (Background / Antitarget: off-target)
};
// The columns from the table's first line that is not a ## line (split into
// `fields`): its header, when it is one (true: the line is used up), or
// else the headerless layout its width implies (false: the line is data).
bool log2_columns(const std::vector<std::string_view>& fields, std::string_view line, const Log2TableOptions& options,
                  const TableLocus& at, Log2Columns& columns);

struct Log2Row {
    int32_t contig = -1;
    int64_t beg = 0, end = 0;
    double value = 0, baf = 0;  // NaN: missing
    uint8_t noise = 0;          // 1: an off-target bin
};
// A data row's log2 value (NaN when missing) and its coordinates, scaled;
// throws for a row too short for the columns or a field that is not a number.
Log2Row parse_log2_row(const std::vector<std::string_view>& fields, const Log2Columns& columns,
                       const Log2TableOptions& options, const TableLocus& at);
// The rest of a row whose value is not missing: its kind and its BAF
// (checked to lie in [0, 1]).
void parse_log2_extras(const std::vector<std::string_view>& fields, const Log2Columns& columns, const TableLocus& at,
                       Log2Row& row);

// The rows gathered into a SegmentInput: in order as they come (an
// unsorted table is an error), or with options.sort gathered and sorted by
// contig (first appearance) and start at finish().
class Log2Rows {
public:
    Log2Rows(std::string name, const Log2TableOptions& options);
    void reserve(size_t rows);
    void add_header_line(std::string_view line);  // keeps ##sex= and ##normal_x_ratio=
    // parse_log2_row, the contig placed, then (value not missing) parse_log2_extras.
    void add(const std::vector<std::string_view>& fields, const Log2Columns& columns, const Log2TableOptions& options,
             const TableLocus& at);
    size_t data_rows() const { return data_rows_; }
    // Throws for a table without data rows or with every value missing;
    // warns of the rows skipped for a missing value.
    SegmentInput finish();

private:
    std::string name_;
    bool sort_;
    SegmentInput in_;
    OrderCheck order_;
    std::vector<std::string> sorted_contigs_;  // with sort: by first appearance
    std::vector<Log2Row> rows_;                // with sort: until finish()
    size_t data_rows_ = 0, missing_ = 0;
};

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
