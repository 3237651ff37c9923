// Shards for workflow engines: the genome's sequence (without its assembly
// gaps) cut into N lists of intervals of near-equal base counts, so that N
// independent runs of a tool, each given one list with -R, cover the genome
// once and their outputs concatenate, in shard order, to one whole-genome run.
//
// Intervals are 0-based, half-open, like every interval of the library.
#pragma once

#include <cstdint>
#include <vector>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/io/reference.hpp"

namespace somatic {

// Runs of N (either case) of at least `min_length` bases inside `regions`
// (sorted, merged), in the same order. Reads the reference a block at a time,
// so memory does not grow with the contig length.
std::vector<Interval> find_gaps(const Reference& reference, const std::vector<Interval>& regions,
                                int64_t min_length);

// `regions` without `gaps`, where every gap lies inside one region and the
// gaps come in the regions' order (as find_gaps returns them).
std::vector<Interval> subtract_gaps(const std::vector<Interval>& regions, const std::vector<Interval>& gaps);

// Cuts `sequence` (sorted, merged) into `shards` consecutive pieces: shard k
// holds the bases from floor(k T / N) to floor((k + 1) T / N) of the T bases
// counted in order, so sizes differ by at most one base. A contig is cut where
// a boundary falls. Each shard's intervals are in reference order, and shard k
// lies entirely before shard k + 1. Throws a usage error when `shards` < 1 or
// exceeds the number of bases.
std::vector<std::vector<Interval>> split_even(const std::vector<Interval>& sequence, int shards);

// The bases a shard covers.
int64_t total_length(const std::vector<Interval>& intervals);

}  // namespace somatic
