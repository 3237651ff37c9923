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

SampleSiteStats summarise(std::span<const Observation> observations, uint8_t ref_base, uint8_t alt_base,
                          double near_end_distance) {
    const auto& p = phred_table();
    SampleSiteStats s;
    std::vector<double> alt_mapq, alt_end;
    s.depth = static_cast<uint32_t>(observations.size());
    for (const Observation& o : observations) {
        const bool is_ref = o.base == ref_base;
        const bool is_alt = o.base == alt_base;
        if (!is_ref && !is_alt) continue;
        const double e_bq = p[std::min<int>(o.base_quality, kMaxBaseQuality)];
        const double e_mq = p[o.mapping_quality];
        s.evidence.add(1.0 - (1.0 - e_bq) * (1.0 - e_mq), is_alt);
        if (is_ref) {
            ++s.ref;
            (o.is_reverse() ? s.ref_reverse : s.ref_forward)++;
            (o.is_f1r2() ? s.ref_f1r2 : s.ref_f2r1)++;
            if (o.distance_to_end < near_end_distance) ++s.ref_near_end;
        } else {
            ++s.alt;
            (o.is_reverse() ? s.alt_reverse : s.alt_forward)++;
            (o.is_f1r2() ? s.alt_f1r2 : s.alt_f2r1)++;
            alt_mapq.push_back(o.mapping_quality);
            alt_end.push_back(o.distance_to_end);
            if (o.distance_to_end < near_end_distance) ++s.alt_near_end;
        }
    }
    s.alt_median_mapq = median(alt_mapq);
    s.alt_median_end_distance = median(alt_end);
    return s;
}

}  // namespace somatic::snv
