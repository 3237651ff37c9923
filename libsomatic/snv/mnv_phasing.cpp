#include "libsomatic/snv/mnv_phasing.hpp"

#include <algorithm>

namespace somatic::snv {

std::vector<Observation> fragment_haplotypes(std::span<const std::vector<Observation>> sites,
                                             std::span<const uint8_t> ref, std::span<const uint8_t> alt) {
    std::vector<Observation> out;
    if (sites.empty()) return out;
    // Each site's observations are in fragment order: walk them together,
    // one cursor per site, led by the first site's fragments.
    std::vector<size_t> cursor(sites.size(), 0);
    for (const Observation& lead : sites[0]) {
        Observation h = lead;
        size_t alts = 0, refs = 0;
        bool covered = true;
        for (size_t s = 0; s < sites.size() && covered; ++s) {
            const auto& obs = sites[s];
            size_t& k = cursor[s];
            while (k < obs.size() && obs[k].fragment < lead.fragment) ++k;
            if (k == obs.size() || obs[k].fragment != lead.fragment) {
                covered = false;
                break;
            }
            const Observation& o = obs[k];
            alts += o.base == alt[s];
            refs += o.base == ref[s];
            h.base_quality = std::min(h.base_quality, o.base_quality);
            h.mapping_quality = std::min(h.mapping_quality, o.mapping_quality);
            h.distance_to_end = std::min(h.distance_to_end, o.distance_to_end);
        }
        if (!covered) continue;
        if (alts == sites.size()) {
            h.base = kAltHaplotype;
        } else if (alts > 0) {
            h.base = kPartialHaplotype;
        } else if (refs == sites.size()) {
            h.base = kRefHaplotype;
        } else {
            h.base = kOtherHaplotype;
        }
        out.push_back(h);
    }
    return out;
}

PhaseCounts count_phase(std::span<const Observation> haplotypes) {
    PhaseCounts c;
    for (const Observation& h : haplotypes) {
        switch (h.base) {
            case kAltHaplotype: ++c.full; break;
            case kPartialHaplotype: ++c.partial; break;
            case kRefHaplotype: ++c.ref; break;
            default: ++c.other; break;
        }
    }
    return c;
}

bool in_phase(const PhaseCounts& c, uint32_t min_fragments) {
    return c.full >= std::max<uint32_t>(min_fragments, 1) && c.full >= kMinPhasedFraction * (c.full + c.partial);
}

}  // namespace somatic::snv
