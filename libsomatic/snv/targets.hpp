// Exome and panel targets for somatic-snv (--targets, --target-padding).
//
// The targets are read with the same reader and the same convention as
// somatic-cnv's --targets and as --regions-file (io/bed_reader.hpp:
// read_work_intervals, BED's 0-based half-open numbers taken as they are).
// Each is widened by the padding on both sides, clipped to its contig, and
// overlapping or touching ones merged. Calling is restricted to the padded
// targets, and the genome sample of the priors, the artefact rates and the
// normal's typical depth (typical_depth.hpp) is drawn from them, so that all
// of them describe the sequence the capture covers.
//
// Why a padding, and why 100 bp by default: a capture's reads run past its
// baits for about a read length (the depth falls off over 100-200 bp), and
// the bases just outside a target (the splice sites and the flanks of an
// exon) are wanted and well covered; beyond 100 bp of 150 bp reads the depth
// is a fraction of the target's, too low to call reliably and low enough to
// pull the depth expectation down.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

namespace somatic::snv {

inline constexpr int64_t kDefaultTargetPadding = 100;

// The targets of `bed`, padded, clipped, sorted and merged; none for an
// empty path.
std::vector<Interval> read_padded_targets(const std::string& bed, int64_t padding, const ContigDict& contigs);

// The parts of `regions` inside `targets` (both sorted and merged in the
// order of `contigs`); sorted and merged. No targets: `regions`.
std::vector<Interval> intersect(const std::vector<Interval>& regions, const std::vector<Interval>& targets,
                                const ContigDict& contigs);

// The genome sample drawn from targets: all of them when they hold at most
// `bases`, else evenly spaced targets (each whole) until they hold `bases`;
// the same for the same targets.
std::vector<Interval> target_sample(const std::vector<Interval>& targets, int64_t bases);

}  // namespace somatic::snv
