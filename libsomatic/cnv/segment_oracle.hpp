// A test oracle for the segmentation (not installed): the exact optimum that
// the candidate-based search of segment.hpp is checked against.
#pragma once

#include <cstddef>
#include <vector>

namespace somatic::cnv {

// The optimal segmentation of one sequence under segment()'s penalised cost,
// over all change-points (exhaustive optimal partitioning; O(n^2)). For tests
// of the candidate-based search. Returns the segment starts, beginning at 0.
std::vector<size_t> optimal_partition_exhaustive(const std::vector<double>& x, double sd, double penalty, int min_bins);

}  // namespace somatic::cnv
