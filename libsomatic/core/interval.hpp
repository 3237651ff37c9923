// Genomic intervals.
//
// The one coordinate convention of libsomatic: every position and interval
// inside the library is 0-based and half-open ([beg, end), as in BED).
// 1-based coordinates exist only at the I/O edge: region strings typed by a
// user ("chr1:1,001-2,000") and VCF POS. The conversions live in this file
// and in io/vcf_record.cpp, nowhere else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace somatic {

class ContigDict;

struct Interval {
    std::string contig;
    int64_t beg = 0;  // 0-based, inclusive
    int64_t end = 0;  // 0-based, exclusive

    int64_t length() const { return end - beg; }
    bool empty() const { return end <= beg; }
    bool contains(int64_t pos) const { return pos >= beg && pos < end; }
    bool operator==(const Interval&) const = default;

    // "chr1:1001-2000": 1-based inclusive, as samtools prints regions.
    std::string to_region_string() const;
};

// Parses a user region string: "chr1", "chr1:1001", "chr1:1,001-2,000",
// "chr1:1001-" (to the end). Positions are 1-based inclusive; the result is
// 0-based half-open and clipped to nothing: a region past the contig end or of
// zero length is an error naming the region. Contig names that themselves
// contain ':' (HLA contigs) are matched whole first, as htslib does; braces
// quote a name ({NAME}, {NAME}:BEG-END), and a string that names both a
// contig and a range of another ("chr1:1-10" beside chr1) is an error that
// says how to write either.
Interval parse_region(std::string_view text, const ContigDict& contigs);

// Orders intervals by the contig order of `contigs`, then by start; merges
// overlapping or touching intervals on the same contig.
std::vector<Interval> sort_and_merge(std::vector<Interval> intervals, const ContigDict& contigs);

}  // namespace somatic
