#include "libsomatic/report/af_histogram.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "libsomatic/report/html_writer.hpp"

namespace somatic::report {

namespace {

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

// Colour-blind-safe (Okabe and Ito), enough for the states of one genome.
constexpr std::array<const char*, 8> kColours{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                              "#D55E00", "#56B4E9", "#F0E442", "#999999"};

}  // namespace

std::string af_histogram_svg(const std::vector<AfPoint>& points) {
    constexpr int kBins = 20;
    const double left = 50, top = 20, plot_w = 500, plot_h = 180, legend_x = left + plot_w + 20;
    std::vector<std::string> states;  // in order of first appearance, "no segment" last
    for (const auto& p : points) {
        if (std::find(states.begin(), states.end(), p.state) == states.end()) states.push_back(p.state);
    }
    std::stable_partition(states.begin(), states.end(), [](const std::string& s) { return s != "no segment"; });
    std::vector<std::vector<int>> counts(states.size(), std::vector<int>(kBins, 0));
    std::vector<int> totals(kBins, 0);
    for (const auto& p : points) {
        if (std::isnan(p.af)) continue;
        const int bin = std::clamp(static_cast<int>(p.af * kBins), 0, kBins - 1);
        const size_t s = static_cast<size_t>(std::find(states.begin(), states.end(), p.state) - states.begin());
        ++counts[s][static_cast<size_t>(bin)];
        ++totals[static_cast<size_t>(bin)];
    }
    const int peak = std::max(1, *std::max_element(totals.begin(), totals.end()));
    const double width = legend_x + 140, height = top + plot_h + 45;
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
                    "\" font-family=\"sans-serif\" font-size=\"10\" role=\"img\" aria-label=\"allele-fraction histogram\">\n";
    s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    const double base = top + plot_h, bar_w = plot_w / kBins;
    s += "<line x1=\"" + num(left) + "\" y1=\"" + num(base) + "\" x2=\"" + num(left + plot_w) + "\" y2=\"" + num(base) +
         "\" stroke=\"black\"/>\n";
    s += "<line x1=\"" + num(left) + "\" y1=\"" + num(base) + "\" x2=\"" + num(left) + "\" y2=\"" + num(top) +
         "\" stroke=\"black\"/>\n";
    for (int k = 0; k <= 4; ++k) {
        const double x = left + plot_w * k / 4.0;
        char label[8];
        std::snprintf(label, sizeof label, "%.2f", k / 4.0);
        s += "<text x=\"" + num(x) + "\" y=\"" + num(base + 14) + "\" text-anchor=\"middle\">" + label + "</text>\n";
    }
    s += "<text x=\"" + num(left + plot_w / 2) + "\" y=\"" + num(base + 32) +
         "\" text-anchor=\"middle\">tumour allele fraction (PASS calls)</text>\n";
    s += "<text x=\"" + num(left - 6) + "\" y=\"" + num(top + 4) + "\" text-anchor=\"end\">" + std::to_string(peak) +
         "</text>\n<text x=\"" + num(left - 6) + "\" y=\"" + num(base) + "\" text-anchor=\"end\">0</text>\n";
    if (points.empty()) {
        s += "<text x=\"" + num(left + plot_w / 2) + "\" y=\"" + num(top + plot_h / 2) +
             "\" text-anchor=\"middle\">no allele fractions to show</text>\n";
    }
    for (int b = 0; b < kBins; ++b) {
        double y = base;
        for (size_t st = 0; st < states.size(); ++st) {
            const int n = counts[st][static_cast<size_t>(b)];
            if (n == 0) continue;
            const double h = plot_h * n / peak;
            y -= h;
            s += "<rect x=\"" + num(left + b * bar_w + 1) + "\" y=\"" + num(y) + "\" width=\"" + num(bar_w - 2) +
                 "\" height=\"" + num(h) + "\" fill=\"" + kColours[std::min(st, kColours.size() - 1)] + "\"><title>" +
                 html_escape(states[st]) + ": " + std::to_string(n) + "</title></rect>\n";
        }
    }
    for (size_t st = 0; st < states.size(); ++st) {
        const double y = top + 14.0 * static_cast<double>(st);
        s += "<rect x=\"" + num(legend_x) + "\" y=\"" + num(y) + "\" width=\"10\" height=\"10\" fill=\"" +
             kColours[std::min(st, kColours.size() - 1)] + "\"/>\n<text x=\"" + num(legend_x + 14) + "\" y=\"" +
             num(y + 9) + "\">" + html_escape(states[st]) + "</text>\n";
    }
    s += "</svg>\n";
    return s;
}

}  // namespace somatic::report
