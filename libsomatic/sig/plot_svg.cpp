#include "libsomatic/sig/plot_svg.hpp"

#include <algorithm>
#include <cstdio>

#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/dbs78.hpp"
#include "libsomatic/sig/id83.hpp"

namespace somatic::sig {

namespace {

// The colours of COSMIC's SBS96 plots.
constexpr const char* kClassColour[6] = {"#1ebff0", "#050708", "#e62725", "#cbcacb", "#a1cf64", "#edc8c5"};
// ... and of its DBS78 plots, one per REF dinucleotide (dbs78_groups order).
constexpr const char* kDbsColour[10] = {"#03BCEE", "#0266CA", "#A1CE63", "#016601", "#FF9898",
                                        "#E22926", "#FEB065", "#FD8000", "#CB98FD", "#4C0199"};

// A block of consecutive channels drawn in one colour under one label, and
// (ID83) the wider band above the blocks it belongs to.
struct Block {
    int first, count;
    std::string label, band;
    const char* colour;
};

// COSMIC's layout of each type: SBS96 in 6 substitution classes of 16,
// DBS78 in 10 REF-dinucleotide groups, ID83 in 16 blocks under the bands
// 1bp Deletion, 1bp Insertion, >1bp Deletion/Insertion at Repeats and
// Microhomology.
std::vector<Block> layout(CatalogueType type) {
    std::vector<Block> out;
    if (type == CatalogueType::id83) {
        for (const auto& g : id83_groups()) out.push_back({g.first, g.count, g.label, g.top, g.colour});
    } else if (type == CatalogueType::dbs78) {
        const auto& groups = dbs78_groups();
        for (int c = 0; c < kDbsChannels; ++c) {
            const int g = dbs78_group(c);
            if (out.empty() || out.back().label != groups[static_cast<size_t>(g)] + ">NN") {
                out.push_back({c, 0, groups[static_cast<size_t>(g)] + ">NN", "", kDbsColour[g]});
            }
            ++out.back().count;
        }
    } else {
        for (int k = 0; k < 6; ++k) out.push_back({16 * k, 16, substitution_classes()[static_cast<size_t>(k)], "", kClassColour[k]});
    }
    return out;
}

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string fmt(const char* format, double a) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, a);
    return buf;
}

}  // namespace

std::string plot_svg(const ChannelTable& catalogue, const SignatureSet& signatures, const std::vector<SampleFit>& fits) {
    const ChannelSet& set = channel_set(catalogue.type);
    const std::vector<Block> blocks = layout(catalogue.type);
    const int n = set.size();
    const char* noun = catalogue.type == CatalogueType::id83 ? " indels" : catalogue.type == CatalogueType::dbs78 ? " doublets" : " SNVs";
    const double panel_h = 190, spectrum_w = 600, left = 50, top = 30;
    const double step = spectrum_w / kChannels, gap = 1.25;  // 96 channels fill the width; fewer leave it short
    const double bar_w = step - gap;
    const double exposure_x = left + spectrum_w + 40, exposure_w = 260;
    const double width = exposure_x + exposure_w + 120;
    const double height = top + panel_h * static_cast<double>(fits.size()) + 10;
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fmt("%.0f", width) + "\" height=\"" + fmt("%.0f", height) +
         "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"10\">\n";
    s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    for (size_t i = 0; i < fits.size(); ++i) {
        const auto& f = fits[i];
        const auto col = static_cast<Eigen::Index>(i);
        const double y0 = top + panel_h * static_cast<double>(i);
        const double plot_h = 120, base = y0 + 20 + plot_h;
        const double total = std::max(f.mutations, 1.0);
        double peak = 0;
        for (int c = 0; c < n; ++c) peak = std::max(peak, catalogue.values(c, col) / total);
        if (peak <= 0) peak = 1;
        s += "<g>\n<text x=\"" + fmt("%.1f", left) + "\" y=\"" + fmt("%.1f", y0 + 12) + "\" font-size=\"12\" font-weight=\"bold\">" +
             escape(f.sample) + "</text>\n";
        s += "<text x=\"" + fmt("%.1f", left + 250) + "\" y=\"" + fmt("%.1f", y0 + 12) + "\">" + fmt("%.0f", f.mutations) +
             noun + ", cosine " + (f.mutations > 0 ? fmt("%.3f", f.cosine) : std::string("NA")) + "</text>\n";
        // Axis: fraction of mutations.
        s += "<line x1=\"" + fmt("%.1f", left - 2) + "\" y1=\"" + fmt("%.1f", base) + "\" x2=\"" + fmt("%.1f", left - 2) +
             "\" y2=\"" + fmt("%.1f", base - plot_h) + "\" stroke=\"black\"/>\n";
        s += "<text x=\"" + fmt("%.1f", left - 5) + "\" y=\"" + fmt("%.1f", base - plot_h + 4) + "\" text-anchor=\"end\">" +
             fmt("%.1f%%", 100 * peak) + "</text>\n";
        s += "<text x=\"" + fmt("%.1f", left - 5) + "\" y=\"" + fmt("%.1f", base + 3) + "\" text-anchor=\"end\">0%</text>\n";
        for (const Block& b : blocks) {
            for (int c = b.first; c < b.first + b.count; ++c) {
                const double v = catalogue.values(c, col) / total;
                const double h = plot_h * v / peak;
                const double x = left + static_cast<double>(c) * step;
                s += "<rect x=\"" + fmt("%.2f", x) + "\" y=\"" + fmt("%.2f", base - h) + "\" width=\"" + fmt("%.2f", bar_w) +
                     "\" height=\"" + fmt("%.2f", h) + "\" fill=\"" + b.colour + "\"><title>" +
                     escape(set.names[static_cast<size_t>(c)]) + ": " + fmt("%.0f", catalogue.values(c, col)) + "</title></rect>\n";
            }
            const double x = left + b.first * step;
            const double w = b.count * step - gap;
            s += "<rect x=\"" + fmt("%.2f", x) + "\" y=\"" + fmt("%.1f", base + 4) + "\" width=\"" + fmt("%.2f", w) +
                 "\" height=\"6\" fill=\"" + b.colour + "\"/>\n";
            s += "<text x=\"" + fmt("%.2f", x + w / 2) + "\" y=\"" + fmt("%.1f", base + 22) + "\" text-anchor=\"middle\">" +
                 escape(b.label) + "</text>\n";
        }
        // ID83's bands over the blocks they group: one label per run of
        // blocks with the same band.
        for (size_t k = 0; k < blocks.size(); ++k) {
            if (blocks[k].band.empty() || (k > 0 && blocks[k - 1].band == blocks[k].band)) continue;
            size_t end = k;
            while (end + 1 < blocks.size() && blocks[end + 1].band == blocks[k].band) ++end;
            const double x0 = left + blocks[k].first * step;
            const double x1 = left + (blocks[end].first + blocks[end].count) * step - gap;
            s += "<text x=\"" + fmt("%.2f", (x0 + x1) / 2) + "\" y=\"" + fmt("%.1f", base + 34) +
                 "\" text-anchor=\"middle\" font-size=\"8\">" + escape(blocks[k].band) + "</text>\n";
        }
        // Exposures: non-zero ones, largest first.
        std::vector<std::pair<double, size_t>> shown;
        for (size_t j = 0; j < signatures.names.size(); ++j) {
            const double e = f.exposures(static_cast<Eigen::Index>(j));
            if (e > 0) shown.emplace_back(e, j);
        }
        std::sort(shown.begin(), shown.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
        const size_t max_rows = 8;
        const double row_h = plot_h / static_cast<double>(max_rows);
        s += "<text x=\"" + fmt("%.1f", exposure_x) + "\" y=\"" + fmt("%.1f", y0 + 12) + "\" font-weight=\"bold\">Exposures</text>\n";
        for (size_t r = 0; r < shown.size() && r < max_rows; ++r) {
            const double share = shown[r].first / total;
            const double y = y0 + 20 + static_cast<double>(r) * row_h;
            s += "<text x=\"" + fmt("%.1f", exposure_x + 55) + "\" y=\"" + fmt("%.1f", y + row_h * 0.7) + "\" text-anchor=\"end\">" +
                 escape(signatures.names[shown[r].second]) + "</text>\n";
            s += "<rect x=\"" + fmt("%.1f", exposure_x + 60) + "\" y=\"" + fmt("%.1f", y + 2) + "\" width=\"" +
                 fmt("%.1f", (exposure_w - 60) * share) + "\" height=\"" + fmt("%.1f", row_h - 4) + "\" fill=\"#4c72b0\"/>\n";
            s += "<text x=\"" + fmt("%.1f", exposure_x + 64 + (exposure_w - 60) * share) + "\" y=\"" + fmt("%.1f", y + row_h * 0.7) +
                 "\">" + fmt("%.0f", shown[r].first) + " (" + fmt("%.0f%%", 100 * share) + ")</text>\n";
        }
        if (shown.size() > max_rows) {
            s += "<text x=\"" + fmt("%.1f", exposure_x + 60) + "\" y=\"" + fmt("%.1f", y0 + 20 + plot_h + 12) + "\">and " +
                 std::to_string(shown.size() - max_rows) + " more</text>\n";
        }
        s += "</g>\n";
    }
    s += "</svg>\n";
    return s;
}

}  // namespace somatic::sig
