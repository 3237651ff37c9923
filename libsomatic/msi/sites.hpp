// Microsatellites: the sites somatic-msi measures, and their BED file
// (chrom, start, end, unit, count; 0-based half-open, end - start is
// unit length x count).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

namespace somatic::msi {

struct Microsatellite {
    std::string contig;
    int64_t beg = 0;
    int64_t end = 0;
    std::string unit;  // the repeated motif, 1-5 bases, as on the reference's forward strand
    int count = 0;     // whole units on the reference
};

// One BED line, newline included.
std::string bed_line(const Microsatellite& site);

// The sites of `path` in `contigs` order (the reference's), each checked:
// five columns, a contig of the reference, end within it, unit of A/C/G/T and
// end - start == unit length x count; a site listed twice is kept once.
// Throws an input error naming the file and line; an empty file is an error
// too (nothing to measure).
std::vector<Microsatellite> read_sites(const std::string& path, const ContigDict& contigs);

// The sites lying wholly inside one of `regions` (sorted, merged, in the
// order of `contigs`).
std::vector<Microsatellite> sites_in(const std::vector<Microsatellite>& sites, const std::vector<Interval>& regions);

}  // namespace somatic::msi
