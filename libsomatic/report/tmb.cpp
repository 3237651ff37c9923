#include "libsomatic/report/tmb.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "libsomatic/core/contigs.hpp"

namespace somatic::report {

namespace {

// The interval of `merged` (one contig's, sorted) that holds `pos`, if any.
bool contains(const std::map<std::string, std::vector<Interval>>& by_contig, const std::string& contig, int64_t pos) {
    const auto it = by_contig.find(contig);
    if (it == by_contig.end()) return false;
    const auto& v = it->second;
    auto after = std::upper_bound(v.begin(), v.end(), pos, [](int64_t p, const Interval& i) { return p < i.beg; });
    return after != v.begin() && std::prev(after)->contains(pos);
}

std::map<std::string, std::vector<Interval>> by_contig(const std::vector<Interval>& merged) {
    std::map<std::string, std::vector<Interval>> m;
    for (const auto& i : merged) m[i.contig].push_back(i);
    return m;
}

Burden count(const std::vector<Variant>& variants, const std::vector<Interval>& territory) {
    Burden b;
    b.territory_bp = total_length(territory);
    const auto index = by_contig(territory);
    for (const auto& v : variants) {
        if (!v.pass || v.kind == VariantKind::other) continue;
        // The first changed base: an indel's padding base is unchanged.
        const int64_t at = v.pos - 1 + (v.kind == VariantKind::indel ? 1 : 0);
        if (!contains(index, v.chrom, v.kind == VariantKind::indel ? at - 1 : at) && !contains(index, v.chrom, at)) {
            ++b.outside;
            continue;
        }
        if (v.kind == VariantKind::snv) ++b.snvs;
        else if (v.kind == VariantKind::mnv) ++b.mnvs;
        else ++b.indels;
    }
    if (b.territory_bp > 0) b.per_mb = static_cast<double>(b.snvs + b.mnvs + b.indels) / (b.territory_bp / 1e6);
    return b;
}

}  // namespace

std::vector<Interval> merge_intervals(std::vector<Interval> intervals) {
    // A BED without a reference has no contig order of its own: its first
    // appearances give one, and core's merge does the rest.
    std::vector<Contig> order;
    std::unordered_set<std::string> seen;
    for (const auto& i : intervals) {
        if (seen.insert(i.contig).second) order.push_back(Contig{i.contig, 0});
    }
    return sort_and_merge(std::move(intervals), ContigDict(std::move(order)));
}

std::vector<Interval> intersect_intervals(const std::vector<Interval>& a, const std::vector<Interval>& b) {
    const auto mb = by_contig(merge_intervals(b));
    std::vector<Interval> out;
    for (const auto& i : merge_intervals(a)) {
        const auto it = mb.find(i.contig);
        if (it == mb.end()) continue;
        for (const auto& j : it->second) {
            const int64_t beg = std::max(i.beg, j.beg), end = std::min(i.end, j.end);
            if (beg < end) out.push_back(Interval{i.contig, beg, end});
        }
    }
    return out;
}

double total_length(const std::vector<Interval>& merged) {
    double sum = 0;
    for (const auto& i : merged) sum += static_cast<double>(i.length());
    return sum;
}

Tmb compute_tmb(const std::vector<Variant>& variants, const std::vector<Interval>& callable,
                const std::vector<Interval>& cds, bool have_annotation) {
    Tmb t;
    t.all = count(variants, merge_intervals(callable));
    if (have_annotation) {
        t.coding_computed = true;
        t.annotation_has_cds = !cds.empty();
        t.coding = count(variants, intersect_intervals(callable, cds));
        t.coding.outside = 0;  // outside the CDS is the rule here, not a mismatch
    }
    return t;
}

}  // namespace somatic::report
