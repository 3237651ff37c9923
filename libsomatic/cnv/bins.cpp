#include "libsomatic/cnv/bins.hpp"
#include "libsomatic/core/error.hpp"

#include <algorithm>

namespace somatic::cnv {

void LayoutOptions::validate() const {
    if (bin_size < 1) throw usage_error("bin_size must be at least 1");
    if (target_bin_size < 1) throw usage_error("target_bin_size must be at least 1");
    if (off_target_bin_size < 1) throw usage_error("off_target_bin_size must be at least 1");
}

std::string_view kind_name(BinKind kind) {
    switch (kind) {
        case BinKind::target: return "target";
        case BinKind::off_target: return "off_target";
        default: return "wgs";
    }
}

void append_bin_columns(const std::vector<std::string>& contigs, const Bin& bin, std::string& out) {
    out += contigs[static_cast<size_t>(bin.contig)];
    out += '\t';
    out += std::to_string(bin.beg);
    out += '\t';
    out += std::to_string(bin.end);
    out += '\t';
    out += kind_name(bin.kind);
    out += '\t';
}

bool parse_kind(std::string_view text, BinKind& kind) {
    if (text == "wgs") kind = BinKind::wgs;
    else if (text == "target") kind = BinKind::target;
    else if (text == "off_target") kind = BinKind::off_target;
    else return false;
    return true;
}

namespace {
BinTable empty_table(const ContigDict& contigs) {
    BinTable t;
    for (const auto& c : contigs.contigs()) t.contigs.push_back(c.name);
    return t;
}

// Bins of `size` from beg; a last piece shorter than half a bin joins the
// bin before it (see make_wgs_layout).
void push_pieces(BinTable& t, int32_t contig, int64_t beg, int64_t end, int64_t size, BinKind kind) {
    for (int64_t b = beg; b < end; b += size) {
        const int64_t e = std::min(end, b + size);
        if (b > beg && 2 * (e - b) < size) {
            t.bins.back().end = e;
        } else {
            t.bins.push_back(Bin{contig, kind, b, e});
        }
    }
}

void finish(BinTable& t) {
    const size_t n = t.bins.size();
    t.gc.assign(n, 0.0);
    t.n_fraction.assign(n, 0.0);
    t.reads.assign(n, 0.0);
}
}  // namespace

BinTable make_wgs_layout(const std::vector<Interval>& regions, const ContigDict& contigs, const LayoutOptions& o) {
    BinTable t = empty_table(contigs);
    for (const auto& r : regions) {
        push_pieces(t, contigs.index_of(r.contig), r.beg, r.end, std::max<int64_t>(1, o.bin_size), BinKind::wgs);
    }
    finish(t);
    return t;
}

BinTable make_target_layout(const std::vector<Interval>& targets_in, const std::vector<Interval>& regions,
                            const ContigDict& contigs, const LayoutOptions& o) {
    BinTable t = empty_table(contigs);
    const std::vector<Interval> targets = sort_and_merge(targets_in, contigs);
    size_t k = 0;  // first target not yet left behind
    for (const auto& r : regions) {
        const int32_t ci = contigs.index_of(r.contig);
        while (k < targets.size() && (contigs.index_of(targets[k].contig) < ci ||
                                      (targets[k].contig == r.contig && targets[k].end <= r.beg))) {
            ++k;
        }
        int64_t cursor = r.beg;  // where the next off-target gap starts
        auto gap = [&](int64_t gap_beg, int64_t gap_end) {
            gap_beg = std::max(gap_beg, r.beg);
            gap_end = std::min(gap_end, r.end);
            const int64_t len = gap_end - gap_beg;
            if (len < o.min_off_target_bin) return;
            // Equal pieces no longer than the bin size.
            const int64_t pieces = (len + o.off_target_bin_size - 1) / o.off_target_bin_size;
            for (int64_t p = 0; p < pieces; ++p) {
                const int64_t b = gap_beg + len * p / pieces;
                const int64_t e = gap_beg + len * (p + 1) / pieces;
                t.bins.push_back(Bin{ci, BinKind::off_target, b, e});
            }
        };
        size_t j = k;
        for (; j < targets.size() && targets[j].contig == r.contig && targets[j].beg < r.end; ++j) {
            const int64_t tb = std::max(targets[j].beg, r.beg), te = std::min(targets[j].end, r.end);
            gap(cursor, tb - o.target_padding);
            const int64_t len = te - tb;
            const int64_t pieces = std::max<int64_t>(1, (len + o.target_bin_size - 1) / o.target_bin_size);
            for (int64_t p = 0; p < pieces; ++p) {
                const int64_t b = tb + len * p / pieces, e = tb + len * (p + 1) / pieces;
                if (e > b) t.bins.push_back(Bin{ci, BinKind::target, b, e});
            }
            cursor = te + o.target_padding;
        }
        gap(cursor, r.end);
    }
    finish(t);
    return t;
}

}  // namespace somatic::cnv
