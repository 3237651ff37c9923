#include "libsomatic/snv/indel_error_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace somatic::snv {

void IndelErrorCounts::merge(const IndelErrorCounts& o) {
    for (size_t u = 0; u < errors.size(); ++u) {
        for (size_t c = 0; c < errors[u].size(); ++c) {
            errors[u][c] += o.errors[u][c];
            fragments[u][c] += o.fragments[u][c];
        }
    }
    tracts += o.tracts;
}

// Slippage grows roughly geometrically with the tract's length: about 1e-4
// per read in a 4-base homopolymer and a few per cent at 15 (published
// Illumina error profiles); longer units slip less per copy.
double default_indel_error_rate(int unit_length, int copies) {
    const double growth = unit_length == 1 ? 1.8 : 1.5;
    const int extra = std::max(0, copies - 2);
    return std::min(0.05, kNonRepeatIndelRate * std::pow(growth, extra));
}

IndelErrorRates IndelErrorRates::defaults() {
    IndelErrorRates r;
    for (int u = 1; u <= kMaxRepeatUnit; ++u) {
        for (int c = 0; c <= kMaxCopiesBin; ++c) {
            r.rate[static_cast<size_t>(u)][static_cast<size_t>(c)] = default_indel_error_rate(u, c);
        }
    }
    return r;
}

IndelErrorRates IndelErrorRates::estimate(const IndelErrorCounts& counts) {
    IndelErrorRates r = defaults();
    r.estimated = true;
    r.tracts = counts.tracts;
    for (size_t u = 1; u < r.rate.size(); ++u) {
        for (size_t c = 2; c < r.rate[u].size(); ++c) {
            const double prior = r.rate[u][c];
            r.rate[u][c] = (counts.errors[u][c] + kPseudoFragments * prior) / (counts.fragments[u][c] + kPseudoFragments);
        }
    }
    return r;
}

double IndelErrorRates::of(const RepeatContext& c) const {
    const int u = c.unit_length_in_repeat();
    if (u == 0) return kNonRepeatIndelRate;
    const int copies = std::min(std::max(c.ref_count, 2), kMaxCopiesBin);
    const int changed = std::abs(c.ref_count - c.alt_count);
    const double one = rate[static_cast<size_t>(u)][static_cast<size_t>(copies)];
    return std::max(kNonRepeatIndelRate / 10, one * std::pow(0.1, std::max(0, changed - 1)));
}

std::string IndelErrorRates::header_value() const {
    std::string out;
    char text[48];
    for (int u = 1; u <= kMaxRepeatUnit; ++u) {
        for (int c = 2; c <= kMaxCopiesBin; ++c) {
            std::snprintf(text, sizeof text, "%s%dx%d:%.3g", out.empty() ? "" : ",", u, c,
                          rate[static_cast<size_t>(u)][static_cast<size_t>(c)]);
            out += text;
        }
    }
    return out;
}

}  // namespace somatic::snv
