#include "libsomatic/parallel/region_engine.hpp"

#include <algorithm>

namespace somatic {

std::vector<Interval> make_chunks(const std::vector<Interval>& regions, int64_t chunk_size) {
    std::vector<Interval> chunks;
    if (chunk_size < 1) chunk_size = 1;
    for (const auto& r : regions) {
        for (int64_t beg = r.beg; beg < r.end; beg += chunk_size) {
            chunks.push_back(Interval{r.contig, beg, std::min(r.end, beg + chunk_size)});
        }
    }
    return chunks;
}

std::vector<Interval> whole_genome(const ContigDict& contigs) {
    std::vector<Interval> regions;
    for (const auto& c : contigs.contigs()) regions.push_back(Interval{c.name, 0, c.length});
    return regions;
}

}  // namespace somatic
