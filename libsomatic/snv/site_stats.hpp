// What somatic-snv knows about one candidate site after reading its
// observations: per-sample allele counts by strand and read orientation,
// the likelihood evidence, and the alt reads' mapping qualities and
// distances to read ends that the filters audit.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "libsomatic/pileup/pileup.hpp"
#include "libsomatic/snv/likelihood.hpp"

namespace somatic::snv {

struct SampleSiteStats {
    uint32_t depth = 0;        // fragments with a usable base here
    uint32_t ref = 0, alt = 0;
    uint32_t ref_forward = 0, ref_reverse = 0, alt_forward = 0, alt_reverse = 0;
    uint32_t ref_f1r2 = 0, ref_f2r1 = 0, alt_f1r2 = 0, alt_f2r1 = 0;
    double alt_median_mapq = 0;
    double alt_median_end_distance = 0;
    // Reads whose base here lies within near_end_distance of a read end.
    uint32_t ref_near_end = 0, alt_near_end = 0;
    SampleEvidence evidence;

    double alt_fraction() const { return depth ? static_cast<double>(alt) / depth : 0.0; }
};

// Reads counted into a SampleSiteStats one at a time, by allele, strand,
// read orientation and nearness to a read end, and the evidence: one rule
// for summarise's bases and the indel caller's scored reads. depth is the
// caller's to set (the bases of other alleles count in summarise's).
class SiteTally {
public:
    explicit SiteTally(double near_end_distance) : near_end_distance_(near_end_distance) {}
    // One read of the ref (is_alt false) or the alt allele; `error` is the
    // probability that it shows the wrong one.
    void add(bool is_alt, double error, bool reverse, bool f1r2, double mapping_quality, double end_distance);
    // The counts, with the alt reads' median mapping quality and end distance.
    SampleSiteStats finish();

private:
    double near_end_distance_;
    SampleSiteStats s_;
    std::vector<double> alt_mapq_, alt_end_;
};

// Base quality is capped: above ~Q40 a reported quality no longer predicts
// the error rate, and uncapped values make the model overconfident.
inline constexpr int kMaxBaseQuality = 40;

SampleSiteStats summarise(std::span<const Observation> observations, uint8_t ref_base, uint8_t alt_base,
                          double near_end_distance = 5);

}  // namespace somatic::snv
