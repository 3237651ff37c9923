// Stage 1: reads per bin, and each bin's GC and N content.
//
// Each fragment is counted once, in the bin where it starts: read 1 of a
// pair (whatever its orientation) and every unpaired read. Counting
// fragments rather than reads keeps the counts near-Poisson (the two mates
// of a pair are not independent draws), and counting at a start position
// means a read that spans a chunk or bin boundary is counted exactly once.
// Reads starting between bins (in a panel's untargeted gaps) are not counted.
//
// The bins are grouped into chunks of about `chunk_size` bases; the region
// engine counts chunks in parallel (one reference and alignment handle per
// worker thread) and gathers them in order. Records are streamed, not kept
// (a CRAM decodes only flag, position and mapping quality). Cost: one pass
// over the alignments of each file, decoding every record once (plus the
// BGZF blocks shared by two chunks); memory: O(bins), whatever the depth.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/cnv/bins.hpp"
#include "libsomatic/io/alignment_file.hpp"

namespace somatic::cnv {

struct CountOptions {
    ReadFilter filter;
    int threads = 1;
    int64_t chunk_size = 100000;
    // Throws a usage error for fewer than 1 thread or a chunk size below 1.
    void validate() const;
};

// True when `read` is the one read of its fragment that is counted.
bool counts_fragment(const bam1_t* read);

// Counts the reads of each alignment file in the bins of `layout`, and fills
// every returned table's gc and n_fraction from `reference_path`. Checks
// first that every file matches the reference's contigs. Returns one table
// per file, in the order of `alignments`.
std::vector<BinTable> count_bins(const BinTable& layout, const std::vector<std::string>& alignments,
                                 const std::string& reference_path, const CountOptions& options);

}  // namespace somatic::cnv
