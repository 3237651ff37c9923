// The indel error model: how often reads of DNA without an indel show one
// unit more or one unit fewer in a repeat (polymerase slippage in PCR and
// on the sequencer), per repeat unit length (1-6) and number of copies in
// the reference (2 to kMaxCopiesBin, longer tracts pooled in the last bin).
// It is learned from the data as the one-sided artefact rates are: on the
// genome sample, at each repeat tract of the reference where the normal
// (the tumour in tumour-only mode) shows no variant (one-unit indels in at
// most kMaxErrorFraction of its reads), the normal's reads with a one-unit
// insertion or deletion there are errors out of the normal's depth at the
// tract's flanks (the lower of the two: reads that reach into the tract
// from one side count at that side only). Each bin's rate is shrunk towards
// a default curve (kDefaultRate growing by a factor per extra copy) with
// kPseudoFragments of weight, so that a bin with few tracts in the sample
// keeps a sensible value. The rates are the noise of the indel likelihood
// and the yardstick of the RepeatSlippage filter.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "libsomatic/snv/indel_candidates.hpp"
#include "libsomatic/snv/repeat_context.hpp"

namespace somatic::snv {

inline constexpr int kMaxCopiesBin = 20;
inline constexpr double kMaxErrorFraction = 0.2;
inline constexpr double kPseudoFragments = 2000;
// A non-repeat indel (or one whose change is not one copy of a repeat's
// unit) as a sequencing error, per fragment.
inline constexpr double kNonRepeatIndelRate = 3e-5;

struct IndelErrorCounts {
    using Table = std::array<std::array<double, kMaxCopiesBin + 1>, kMaxRepeatUnit + 1>;
    Table errors{}, fragments{};
    uint64_t tracts = 0;
    void merge(const IndelErrorCounts& o);
};

// Depth of the counted sample at a position (its pileup).
template <class DepthAt>
void count_repeat_errors(const RefWindow& ref, const Interval& keep, const std::map<IndelAllele, uint32_t>& events,
                         DepthAt&& depth_at, IndelErrorCounts& out);

struct IndelErrorRates {
    IndelErrorCounts::Table rate{};
    bool estimated = false;
    uint64_t tracts = 0;

    static IndelErrorRates defaults();
    static IndelErrorRates estimate(const IndelErrorCounts& counts);
    // The noise rate of an indel of this repeat context: the bin's rate for
    // a change of one copy, a tenth of it per further copy, the non-repeat
    // rate outside repeats.
    double of(const RepeatContext& c) const;
    // "1x2:3e-05,1x3:...": unit length x copies : rate, the bins with data
    // (all of them for the defaults' unit lengths 1 and 2).
    std::string header_value() const;
};

double default_indel_error_rate(int unit_length, int copies);

// ---- implementation of the template ----

template <class DepthAt>
void count_repeat_errors(const RefWindow& ref, const Interval& keep, const std::map<IndelAllele, uint32_t>& events,
                         DepthAt&& depth_at, IndelErrorCounts& out) {
    // A tract counts only with depth on both flanks, so the scan is limited
    // to the stretch the sample covers (on a sample chunk of an exome or of
    // an N-padded slice, most of the window has no reads): from the first
    // covered base at or after keep.beg - 1 to the last covered one. The
    // tracts found there are those of the whole window: the scan's first
    // base cannot start a counted tract (its left flank is uncovered or
    // outside `keep`), and from the first tract that could, both scans step
    // alike; a counted tract ends before the last covered base, so a run
    // cut at the scan's end loses none of its whole copies.
    int64_t first = -1, last = -1;
    for (int64_t p = std::max(ref.beg, keep.beg - 1); p < ref.end(); ++p) {
        if (depth_at(p) <= 0) continue;
        if (first < 0) first = p;
        last = p;
    }
    if (first < 0) return;
    const RefWindow scanned{first, ref.bases.substr(static_cast<size_t>(first - ref.beg),
                                                    static_cast<size_t>(last + 1 - first))};
    for (const RepeatTract& t : repeat_tracts(scanned.bases)) {
        const int64_t beg = scanned.beg + t.beg;
        const int64_t end = beg + static_cast<int64_t>(t.unit_length) * t.count;
        if (!keep.contains(beg) || beg - 1 < scanned.beg || end >= scanned.end()) continue;
        const double depth = std::min(depth_at(beg - 1), depth_at(end));
        if (depth <= 0) continue;
        const std::string pad(1, ref.at(beg - 1));
        const std::string unit(scanned.bases.substr(static_cast<size_t>(t.beg), static_cast<size_t>(t.unit_length)));
        uint32_t n = 0;
        if (auto it = events.find({beg - 1, pad + unit, pad}); it != events.end()) n += it->second;
        if (auto it = events.find({beg - 1, pad, pad + unit}); it != events.end()) n += it->second;
        if (n > kMaxErrorFraction * depth) continue;  // a variant, not noise
        const int bin = std::min(t.count, kMaxCopiesBin);
        out.errors[static_cast<size_t>(t.unit_length)][static_cast<size_t>(bin)] += n;
        out.fragments[static_cast<size_t>(t.unit_length)][static_cast<size_t>(bin)] += depth;
        ++out.tracts;
    }
}

}  // namespace somatic::snv
