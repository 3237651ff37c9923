#include "libsomatic/cnv/plot.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "libsomatic/cnv/table_io.hpp"

namespace somatic::cnv {

namespace {

constexpr double kWidth = 1200, kLeft = 60, kRight = 20;
constexpr double kPanelHeight = 180, kGap = 30, kTop = 40;

struct Axis {
    std::vector<std::string> names;
    std::vector<double> offset;  // genome offset of each contig
    std::vector<double> length;
    double total = 0;
    double x(size_t contig, double pos) const {
        return kLeft + (offset[contig] + pos) / std::max(total, 1.0) * (kWidth - kLeft - kRight);
    }
};

std::string num(double v) { return format_fixed(v, 1); }

void panel_frame(std::string& out, const Axis& axis, double y0, const std::string& label, double lo, double hi,
                 const std::vector<double>& ticks) {
    const double x1 = kWidth - kRight;
    out += "<rect x=\"" + num(kLeft) + "\" y=\"" + num(y0) + "\" width=\"" + num(x1 - kLeft) + "\" height=\"" +
           num(kPanelHeight) + "\" fill=\"none\" stroke=\"#444\"/>\n";
    out += "<text x=\"12\" y=\"" + num(y0 + kPanelHeight / 2) + "\" font-size=\"12\" transform=\"rotate(-90 12 " +
           num(y0 + kPanelHeight / 2) + ")\" text-anchor=\"middle\">" + label + "</text>\n";
    for (double t : ticks) {
        const double y = y0 + kPanelHeight * (hi - t) / (hi - lo);
        out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(x1) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
               "\" stroke=\"#ddd\"/>\n<text x=\"" + num(kLeft - 4) + "\" y=\"" + num(y + 4) +
               "\" font-size=\"10\" text-anchor=\"end\">" + format_real(t, 3) + "</text>\n";
    }
    for (size_t c = 0; c < axis.names.size(); ++c) {
        const double xa = axis.x(c, 0), xb = axis.x(c, axis.length[c]);
        if (c > 0) {
            out += "<line x1=\"" + num(xa) + "\" x2=\"" + num(xa) + "\" y1=\"" + num(y0) + "\" y2=\"" +
                   num(y0 + kPanelHeight) + "\" stroke=\"#bbb\"/>\n";
        }
        if (xb - xa > 12) {
            out += "<text x=\"" + num((xa + xb) / 2) + "\" y=\"" + num(y0 + kPanelHeight + 12) +
                   "\" font-size=\"9\" text-anchor=\"middle\">" + axis.names[c] + "</text>\n";
        }
    }
}

double to_y(double v, double y0, double lo, double hi) {
    v = std::clamp(v, lo, hi);
    return y0 + kPanelHeight * (hi - v) / (hi - lo);
}

}  // namespace

void format_svg(const CnvCalls& calls, const SegmentInput* bins, std::string& out) {
    const SegmentTable& t = calls.table;
    Axis axis;
    axis.names = t.contigs;
    axis.length.assign(t.contigs.size(), 0);
    for (const auto& s : t.segments) {
        axis.length[static_cast<size_t>(s.contig)] = std::max(axis.length[static_cast<size_t>(s.contig)], static_cast<double>(s.end));
    }
    // Bins may name contigs in another order or index: map them by name.
    std::map<std::string, size_t> by_name;
    for (size_t c = 0; c < t.contigs.size(); ++c) by_name[t.contigs[c]] = c;
    std::vector<long> bin_contig;
    if (bins) {
        for (size_t i = 0; i < bins->size(); ++i) {
            auto it = by_name.find(bins->contigs[static_cast<size_t>(bins->contig[i])]);
            bin_contig.push_back(it == by_name.end() ? -1 : static_cast<long>(it->second));
            if (it != by_name.end()) axis.length[it->second] = std::max(axis.length[it->second], static_cast<double>(bins->end[i]));
        }
    }
    for (size_t c = 0; c < axis.length.size(); ++c) {
        axis.offset.push_back(axis.total);
        axis.total += axis.length[c];
    }
    const double height = kTop + 3 * (kPanelHeight + kGap) + 10;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(kWidth) + "\" height=\"" + num(height) +
           "\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) + "\" font-family=\"sans-serif\">\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    const Solution& best = calls.fit.solutions.front();
    out += "<text x=\"" + num(kLeft) + "\" y=\"24\" font-size=\"14\">somatic-cnv: purity " + format_fixed(best.purity, 2) +
           ", ploidy " + format_fixed(best.called_ploidy, 2) + ", sex " + std::string(sex_name(calls.sex)) +
           (calls.depth_only ? ", depth only" : "") + "</text>\n";

    const double y_log2 = kTop, y_baf = kTop + kPanelHeight + kGap, y_cn = kTop + 2 * (kPanelHeight + kGap);
    panel_frame(out, axis, y_log2, "log2 ratio", -2, 2, {-2, -1, 0, 1, 2});
    panel_frame(out, axis, y_baf, "BAF", 0, 1, {0, 0.25, 0.5, 0.75, 1});
    int max_cn = 4;
    for (const auto& c : calls.calls) max_cn = std::max(max_cn, c.total);
    max_cn = std::min(max_cn, 10);
    std::vector<double> cn_ticks;
    for (int k = 0; k <= max_cn; k += max_cn > 6 ? 2 : 1) cn_ticks.push_back(k);
    panel_frame(out, axis, y_cn, "copy number", -0.3, max_cn + 0.3, cn_ticks);

    if (bins) {
        const size_t stride = std::max<size_t>(1, bins->size() / 20000);
        out += "<g fill=\"#888\" fill-opacity=\"0.5\">\n";
        for (size_t i = 0; i < bins->size(); i += stride) {
            if (bin_contig[i] < 0) continue;
            const double x = axis.x(static_cast<size_t>(bin_contig[i]), 0.5 * static_cast<double>(bins->beg[i] + bins->end[i]));
            out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(to_y(bins->log2[i], y_log2, -2, 2)) + "\" r=\"1\"/>\n";
        }
        out += "</g>\n";
        // BAF points: the bins' mean mirrored BAF is all a SegmentInput keeps,
        // so each bin with sites shows 0.5 +- its mean.
        size_t with_sites = 0;
        for (size_t i = 0; i < bins->size(); ++i) with_sites += bins->het_n[i] > 0;
        const size_t baf_stride = std::max<size_t>(1, with_sites / 10000);
        out += "<g fill=\"#6a8\" fill-opacity=\"0.5\">\n";
        size_t seen = 0;
        for (size_t i = 0; i < bins->size(); ++i) {
            if (bins->het_n[i] == 0 || bin_contig[i] < 0 || seen++ % baf_stride) continue;
            const double m = bins->het_sum[i] / bins->het_n[i];
            const double x = axis.x(static_cast<size_t>(bin_contig[i]), 0.5 * static_cast<double>(bins->beg[i] + bins->end[i]));
            out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(to_y(0.5 + m, y_baf, 0, 1)) + "\" r=\"1\"/>\n";
            out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(to_y(0.5 - m, y_baf, 0, 1)) + "\" r=\"1\"/>\n";
        }
        out += "</g>\n";
    }
    auto hline = [&](size_t contig, double beg, double end, double y, const char* colour, double width) {
        out += "<line x1=\"" + num(axis.x(contig, beg)) + "\" x2=\"" + num(axis.x(contig, end)) + "\" y1=\"" + num(y) +
               "\" y2=\"" + num(y) + "\" stroke=\"" + colour + "\" stroke-width=\"" + format_real(width, 3) + "\"/>\n";
    };
    for (size_t i = 0; i < t.segments.size(); ++i) {
        const Segment& s = t.segments[i];
        const SegmentCall& c = calls.calls[i];
        const size_t ci = static_cast<size_t>(s.contig);
        const double b = static_cast<double>(s.beg), e = static_cast<double>(s.end);
        hline(ci, b, e, to_y(s.log2, y_log2, -2, 2), c.subclonal ? "#e80" : "#d22", 2);
        if (!std::isnan(c.baf)) {
            hline(ci, b, e, to_y(c.baf, y_baf, 0, 1), "#16a", 2);
            hline(ci, b, e, to_y(1 - c.baf, y_baf, 0, 1), "#16a", 2);
        }
        if (c.total >= 0) {
            hline(ci, b, e, to_y(c.total + 0.06, y_cn, -0.3, max_cn + 0.3), "#111", 3);
            if (c.minor >= 0) hline(ci, b, e, to_y(c.minor - 0.06, y_cn, -0.3, max_cn + 0.3), "#16a", 3);
        }
    }
    out += "<text x=\"" + num(kWidth - kRight) + "\" y=\"" + num(y_cn - 6) +
           "\" font-size=\"10\" text-anchor=\"end\">black: total CN; blue: minor CN; orange log2: subclonal</text>\n";
    out += "</svg>\n";
}

}  // namespace somatic::cnv
