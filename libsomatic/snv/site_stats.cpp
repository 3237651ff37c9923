#include "libsomatic/snv/site_stats.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace somatic::snv {

namespace {

// Phred to probability for every possible quality byte, computed once.
const std::array<double, 256>& phred_table() {
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (int q = 0; q < 256; ++q) t[q] = std::pow(10.0, -q / 10.0);
        return t;
    }();
    return table;
}

double median(std::vector<double>& xs) {
    if (xs.empty()) return 0;
    const size_t mid = xs.size() / 2;
    std::nth_element(xs.begin(), xs.begin() + static_cast<long>(mid), xs.end());
    double m = xs[mid];
    if (xs.size() % 2 == 0) {
        const double lower = *std::max_element(xs.begin(), xs.begin() + static_cast<long>(mid));
        m = (m + lower) / 2;
    }
    return m;
}

}  // namespace

void SiteTally::add(bool is_alt, double error, bool reverse, bool f1r2, double mapping_quality,
                    double end_distance) {
    s_.evidence.add(error, is_alt);
    const bool near_end = end_distance < near_end_distance_;
    if (is_alt) {
        ++s_.alt;
        (reverse ? s_.alt_reverse : s_.alt_forward)++;
        (f1r2 ? s_.alt_f1r2 : s_.alt_f2r1)++;
        alt_mapq_.push_back(mapping_quality);
        alt_end_.push_back(end_distance);
        if (near_end) ++s_.alt_near_end;
    } else {
        ++s_.ref;
        (reverse ? s_.ref_reverse : s_.ref_forward)++;
        (f1r2 ? s_.ref_f1r2 : s_.ref_f2r1)++;
        if (near_end) ++s_.ref_near_end;
    }
}

SampleSiteStats SiteTally::finish() {
    s_.alt_median_mapq = median(alt_mapq_);
    s_.alt_median_end_distance = median(alt_end_);
    return s_;
}

SampleSiteStats summarise(std::span<const Observation> observations, uint8_t ref_base, uint8_t alt_base,
                          double near_end_distance) {
    const auto& p = phred_table();
    SiteTally tally(near_end_distance);
    for (const Observation& o : observations) {
        const bool is_ref = o.base == ref_base;
        const bool is_alt = o.base == alt_base;
        if (!is_ref && !is_alt) continue;
        const double e_bq = p[std::min<int>(o.base_quality, kMaxBaseQuality)];
        const double e_mq = p[o.mapping_quality];
        tally.add(is_alt, 1.0 - (1.0 - e_bq) * (1.0 - e_mq), o.is_reverse(), o.is_f1r2(), o.mapping_quality,
                  o.distance_to_end);
    }
    SampleSiteStats s = tally.finish();
    s.depth = static_cast<uint32_t>(observations.size());
    return s;
}

}  // namespace somatic::snv
