// What depth the normal typically has where its reads are, for HighDepth.
//
// A collapsed repeat draws the reads of its copies, so its depth is a
// multiple of the depth around it. "Around it" must be where the data are:
// the mean over a whole contig is the right yardstick for a genome, but an
// exome, a panel or a slice cut out of a genome covers a few windows of the
// contig, and their mean over the contig is a small fraction of the depth
// any covered site has, so every call would be HighDepth.
//
// The yardstick is the depth-weighted median of the normal's depth over
// covered positions: the depth at the position of a typical aligned base
// (the smallest depth d such that positions of depth at most d hold at least
// half of all aligned bases). Positions without reads do not count, so a
// slice gives the depth of its windows; weighting by depth keeps the
// scattered off-target reads of a capture (many positions at depth 1-5,
// few bases) from pulling the figure down, as they would pull down the
// plain median over positions with depth > 0. On a genome it is close to the
// mean (mean + variance/mean for a smooth depth), and a collapsed repeat,
// being a small share of the bases, does not move it. It fails when most
// aligned bases are in low-depth sequence (a capture with under half its
// bases on target): give --targets then, and it is measured on the targets.
//
// Cost: one counter per depth value seen; one increment per position.
#pragma once

#include <cstdint>
#include <vector>

namespace somatic::snv {

class DepthHistogram {
public:
    // Depths above this are counted at it (a cap the filter never reaches).
    static constexpr uint32_t kMaxDepth = 1000000;

    void add(uint32_t depth);  // depth 0 counts as uncovered, not in the typical depth
    void merge(const DepthHistogram& other);

    uint64_t covered_positions() const;
    uint64_t uncovered_positions() const;
    // Covered positions over all positions added; 0 when none was.
    double covered_fraction() const;
    // The depth-weighted median over covered positions; 0 when none is.
    double typical_depth() const;

private:
    std::vector<uint64_t> positions_;  // positions_[d]: positions at depth d
};

}  // namespace somatic::snv
