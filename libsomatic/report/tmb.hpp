// Tumour mutational burden: PASS somatic SNVs, MNVs and indels per
// megabase of territory where they could have been called.
//
//   TMB = (PASS SNVs + MNVs + indels inside the callable territory) / (callable bp / 1e6)
//
// The callable territory is somatic-snv's --callable BED (positions where
// both samples had the depth and mapping quality to call), merged. An MNV
// is one event, as the VCF has it. Coding TMB counts only the events whose
// first changed base lies in the CDS of the annotation, over the callable
// CDS territory (CDS intersected with the callable BED). Variants outside
// the callable territory are not counted, and their number is kept so the
// report can say so (a VCF and a BED of different runs).
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/report/snv_input.hpp"

namespace somatic::report {

struct Burden {
    uint64_t snvs = 0, mnvs = 0, indels = 0;  // counted
    uint64_t outside = 0;                     // PASS events outside the territory
    double territory_bp = 0;
    double per_mb = NAN;                      // NaN for an empty territory
};

struct Tmb {
    Burden all;
    bool coding_computed = false;
    bool annotation_has_cds = false;  // tells an annotation without CDS from CDS off the territory
    Burden coding;
};

// Sorted by contig (first appearance) and start, overlaps and neighbours merged.
std::vector<Interval> merge_intervals(std::vector<Interval> intervals);
// [a] intersected with [b], both merged.
std::vector<Interval> intersect_intervals(const std::vector<Interval>& a, const std::vector<Interval>& b);
double total_length(const std::vector<Interval>& merged);

// `cds` is empty when no annotation was given (then coding_computed is false).
Tmb compute_tmb(const std::vector<Variant>& variants, const std::vector<Interval>& callable,
                const std::vector<Interval>& cds, bool have_annotation);

}  // namespace somatic::report
