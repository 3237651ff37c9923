// Reading BED intervals (plain or gzipped, through htslib's file layer).
// BED is 0-based half-open, which is the library's own convention: the
// numbers are taken as they are.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

namespace somatic {

struct BedRecord {
    Interval interval;
    std::vector<std::string> extra;  // the columns after the third
};

// Reads every interval of `path` ("-" for standard input). Skips blank lines
// and "#", "track" and "browser" lines. Throws an input error naming the file
// and line for a line with fewer than three columns, a non-numeric or
// negative coordinate, or end < start. When `contigs` is given, every contig
// must be in it and every end within the contig.
std::vector<BedRecord> read_bed(const std::string& path, const ContigDict* contigs = nullptr);

// Only the intervals.
std::vector<Interval> read_bed_intervals(const std::string& path, const ContigDict* contigs = nullptr);

// The intervals of a file that says where to work (--regions-file,
// --targets): a zero-length interval or no interval at all is an error
// naming the file; `what` names it in the message ("regions", "targets").
std::vector<Interval> read_work_intervals(const std::string& path, const ContigDict& contigs,
                                          const std::string& what);

}  // namespace somatic
