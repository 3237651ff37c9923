#include "libsomatic/stats/median.hpp"

#include <algorithm>
#include <cmath>

namespace somatic::stats {

double upper_median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    return v[mid];
}

}  // namespace somatic::stats
