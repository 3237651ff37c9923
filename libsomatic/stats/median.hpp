// The median as robust centre of depths and ratios.
#pragma once

#include <vector>

namespace somatic::stats {

// The upper median (the element at size/2 once sorted; NaN when empty), by
// partial sort of a copy: O(n).
double upper_median(std::vector<double> values);

}  // namespace somatic::stats
