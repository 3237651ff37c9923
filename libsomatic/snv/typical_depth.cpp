#include "libsomatic/snv/typical_depth.hpp"

#include <algorithm>

namespace somatic::snv {

void DepthHistogram::add(uint32_t depth) {
    depth = std::min(depth, kMaxDepth);
    if (positions_.size() <= depth) positions_.resize(depth + 1, 0);
    ++positions_[depth];
}

void DepthHistogram::merge(const DepthHistogram& other) {
    if (positions_.size() < other.positions_.size()) positions_.resize(other.positions_.size(), 0);
    for (size_t d = 0; d < other.positions_.size(); ++d) positions_[d] += other.positions_[d];
}

uint64_t DepthHistogram::covered_positions() const {
    uint64_t n = 0;
    for (size_t d = 1; d < positions_.size(); ++d) n += positions_[d];
    return n;
}

uint64_t DepthHistogram::uncovered_positions() const { return positions_.empty() ? 0 : positions_[0]; }

double DepthHistogram::covered_fraction() const {
    const uint64_t covered = covered_positions();
    const uint64_t all = covered + uncovered_positions();
    return all == 0 ? 0 : static_cast<double>(covered) / static_cast<double>(all);
}

double DepthHistogram::typical_depth() const {
    // In integers: the first d with 2 x (bases at depth <= d) >= all bases.
    uint64_t bases = 0;
    for (size_t d = 0; d < positions_.size(); ++d) bases += d * positions_[d];
    uint64_t below = 0;
    for (size_t d = 1; d < positions_.size(); ++d) {
        below += d * positions_[d];
        if (bases > 0 && 2 * below >= bases) return static_cast<double>(d);
    }
    return 0;
}

}  // namespace somatic::snv
