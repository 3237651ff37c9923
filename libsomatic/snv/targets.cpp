#include "libsomatic/snv/targets.hpp"

#include <algorithm>

#include "libsomatic/io/bed_reader.hpp"

namespace somatic::snv {

std::vector<Interval> read_padded_targets(const std::string& bed, int64_t padding, const ContigDict& contigs) {
    if (bed.empty()) return {};
    std::vector<Interval> targets = read_work_intervals(bed, contigs, "targets");
    for (auto& t : targets) {
        const Contig* c = contigs.find(t.contig);
        t.beg = std::max<int64_t>(0, t.beg - padding);
        t.end = std::min<int64_t>(c->length, t.end + padding);
    }
    return sort_and_merge(std::move(targets), contigs);
}

std::vector<Interval> intersect(const std::vector<Interval>& regions, const std::vector<Interval>& targets,
                                const ContigDict& contigs) {
    if (targets.empty()) return regions;
    std::vector<Interval> out;
    size_t j = 0;
    for (const auto& r : regions) {
        const int rc = contigs.index_of(r.contig);
        // Skip the targets wholly before r.
        while (j < targets.size() && (contigs.index_of(targets[j].contig) < rc ||
                                      (targets[j].contig == r.contig && targets[j].end <= r.beg))) {
            ++j;
        }
        for (size_t k = j; k < targets.size() && targets[k].contig == r.contig && targets[k].beg < r.end; ++k) {
            Interval piece{r.contig, std::max(r.beg, targets[k].beg), std::min(r.end, targets[k].end)};
            if (!piece.empty()) out.push_back(std::move(piece));
        }
    }
    return sort_and_merge(std::move(out), contigs);
}

std::vector<Interval> target_sample(const std::vector<Interval>& targets, int64_t bases) {
    int64_t total = 0;
    for (const auto& t : targets) total += t.length();
    if (total <= bases) return targets;
    // Every k-th target, k = total / bases rounded down (at least 1), from
    // the middle of the first stratum, until the budget is spent.
    const size_t step = std::max<size_t>(1, static_cast<size_t>(total / bases));
    std::vector<Interval> picked;
    int64_t taken = 0;
    for (size_t i = step / 2; i < targets.size() && taken < bases; i += step) {
        picked.push_back(targets[i]);
        taken += targets[i].length();
    }
    return picked;
}

}  // namespace somatic::snv
