// Reading and writing the bins table, the output of `somatic-cnv bins`:
//
//   ##somatic-cnv bins table
//   ##sample=NAME
//   #chrom  start  end  kind  gc  n_fraction  reads
//
// one line per bin, 0-based half-open, in genome order. gc is NA for a bin
// that is all N. Reading checks the column names, the order (each contig in
// one block, bins ascending and not overlapping) and every number.
#pragma once

#include <string>

#include "libsomatic/cnv/bins.hpp"

namespace somatic::cnv {

// Appends to `out` the text of the table (header and lines).
void format_bin_table(const BinTable& table, std::string& out, bool with_sample_line = true);
void write_bin_table(const BinTable& table, const std::string& path);

// Throws an input error naming the file and line for anything malformed,
// for an empty table, for NaN or infinite values and for negative counts.
BinTable read_bin_table(const std::string& path);

// Checks that bins come in genome order: each contig in one block, and
// within it starts ascending with no overlap. Throws an input error naming
// `file` and the first offending line (`line_of[i]` is bin i's line number);
// without `allow_overlap`, a row at the same start as the previous one is
// named a duplicate, with both lines, since sorting cannot mend it.
class OrderCheck {
public:
    explicit OrderCheck(std::string file) : file_(std::move(file)) {}
    // Returns the contig's index in order of first appearance.
    int32_t add(std::string_view contig, int64_t beg, int64_t end, uint64_t line, bool allow_overlap = false);
    std::vector<std::string>& contigs() { return contigs_; }

private:
    std::string file_;
    std::vector<std::string> contigs_;
    std::string current_;
    int32_t current_index_ = -1;
    int64_t last_beg_ = -1;
    int64_t last_end_ = -1;  // the furthest end so far in the contig
    uint64_t last_line_ = 0;
};

}  // namespace somatic::cnv
