#include "libsomatic/msi/finder.hpp"

#include <algorithm>

#include "libsomatic/core/error.hpp"
#include "libsomatic/snv/repeat_context.hpp"

namespace somatic::msi {

void FinderOptions::validate() const {
    if (min_homopolymer < 2) throw usage_error("min_homopolymer must be at least 2");
    if (min_repeats < 2) throw usage_error("min_repeats must be at least 2");
    if (max_unit < 1 || max_unit > 6) throw usage_error("max_unit must be from 1 to 6");
    if (max_length < 2) throw usage_error("max_length must be at least 2");
    if (flank < 1 || flank > 50) throw usage_error("flank must be from 1 to 50");
}

namespace {

bool is_base(char c) { return c == 'A' || c == 'C' || c == 'G' || c == 'T'; }

int64_t run_end_before(const std::vector<int64_t>& max_end, size_t r) { return r ? max_end[r - 1] : 0; }

struct Run {
    int64_t beg, end;  // offsets in seq, whole units
    int unit, count;
};

}  // namespace

std::vector<Microsatellite> find_microsatellites(std::string_view seq, const std::string& contig, int64_t seq_beg,
                                                 int64_t own_beg, int64_t own_end, const FinderOptions& o) {
    const int64_t n = static_cast<int64_t>(seq.size());
    // Every run long enough to report, whatever its length: a long one is not
    // a site itself but still spoils a neighbour's flank. The runs are the
    // repeat tracts the indel model uses (maximal, of a primitive unit),
    // here with a count threshold per unit length.
    std::vector<Run> runs;
    for (const auto& t : snv::repeat_tracts(seq, std::min(o.min_homopolymer, o.min_repeats))) {
        const int min_count = t.unit_length == 1 ? o.min_homopolymer : o.min_repeats;
        if (t.unit_length > o.max_unit || t.count < min_count) continue;
        runs.push_back({t.beg, t.beg + int64_t{t.unit_length} * t.count, t.unit_length, t.count});
    }
    std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.beg != b.beg ? a.beg < b.beg : a.end < b.end; });

    std::vector<int64_t> max_end(runs.size());
    for (size_t r = 0; r < runs.size(); ++r) max_end[r] = std::max(run_end_before(max_end, r), runs[r].end);

    std::vector<Microsatellite> sites;
    for (size_t r = 0; r < runs.size(); ++r) {
        const Run& run = runs[r];
        const int64_t beg = seq_beg + run.beg;
        if (beg < own_beg || beg >= own_end) continue;
        if (run.end - run.beg > o.max_length) continue;
        const int64_t left = run.beg - o.flank, right = run.end + o.flank;
        if (left < 0 || right > n) continue;
        bool clean = true;
        for (int64_t i = left; i < run.beg && clean; ++i) clean = is_base(seq[i]);
        for (int64_t i = run.end; i < right && clean; ++i) clean = is_base(seq[i]);
        // No other run reaches into the flanks: none before it ends past the
        // left flank's start, none after it starts before the right flank's end.
        if (clean && r > 0 && max_end[r - 1] > left) clean = false;
        if (clean && r + 1 < runs.size() && runs[r + 1].beg < right) clean = false;
        if (!clean) continue;
        sites.push_back({contig, beg, seq_beg + run.end, std::string(seq.substr(run.beg, run.unit)), run.count});
    }
    return sites;
}

}  // namespace somatic::msi
