// Phase of adjacent candidate substitutions: which fragments carry their
// alt bases together. A multi-base substitution (the CC>TT of UV light)
// puts every alt base on the same fragments; two independent SNVs next to
// each other sit on different ones. The counting needs each fragment's base
// at every site of a block, so the chunk keeps, for every run of candidates
// at consecutive positions, their observations tied by fragment
// (Observation::fragment); the merging itself is mnv_merge's.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "libsomatic/pileup/pileup.hpp"

namespace somatic::snv {

// Candidates at consecutive positions beg, beg + 1, ... with their
// observations in both samples (normal empty in tumour-only mode).
struct PhaseRun {
    int64_t beg = 0;
    std::vector<uint8_t> ref, alt;  // per position beg + i
    // Per position: the observations there, in fragment order.
    std::vector<std::vector<Observation>> tumour, normal;

    int64_t end() const { return beg + static_cast<int64_t>(ref.size()); }
};

// Fragments covering every site of a block with a usable base at each.
struct PhaseCounts {
    uint32_t full = 0;     // every alt base: the whole ALT haplotype
    uint32_t partial = 0;  // some of the alt bases, not all
    uint32_t ref = 0;      // every reference base
    uint32_t other = 0;    // no alt base and not all reference (a third base)
};

// The haplotype classes of fragment_haplotypes' observations.
enum HaplotypeBase : uint8_t { kRefHaplotype = 0, kAltHaplotype = 1, kPartialHaplotype = 2, kOtherHaplotype = 3 };

// One observation per fragment that covers every site of `sites` (each
// site's observations in fragment order): base is its HaplotypeBase, base
// and mapping quality the lowest of its bases (the weakest decides whether
// the whole haplotype is what it reads), distance_to_end the nearest,
// strand, orientation and cycle those at the first site. Fragments missing
// a site (a read ending, a base below the quality floor, mates that
// disagree) say nothing about the phase and are left out.
std::vector<Observation> fragment_haplotypes(std::span<const std::vector<Observation>> sites,
                                             std::span<const uint8_t> ref, std::span<const uint8_t> alt);

PhaseCounts count_phase(std::span<const Observation> haplotypes);

// Alt bases this much together at least (full / (full + partial)) are one
// event. A real doublet leaves partial fragments only by a sequencing error
// turning one alt base back to the reference (about 1e-3 a base); a
// subclonal SNV next to a clonal one, or two SNVs on different copies,
// leaves many.
inline constexpr double kMinPhasedFraction = 0.8;

// At least min_fragments fragments carry the whole ALT haplotype, and they
// are kMinPhasedFraction of those carrying any of its alt bases.
bool in_phase(const PhaseCounts& c, uint32_t min_fragments);

}  // namespace somatic::snv
