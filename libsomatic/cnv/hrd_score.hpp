// The genomic-scar measures of homologous-recombination deficiency (HRD),
// from allele-specific copy-number segments, as scarHRD (Sztupinszki et al.
// 2018) counts them:
//
//   LOH (Abkevich et al. 2012): LOH segments (minor copy number 0, major
//     above 0) longer than 15 Mb, on chromosomes not wholly LOH. States are
//     first merged with the major copy number capped at 1, so that adjacent
//     1+0 and 2+0 pieces count as one LOH region.
//   TAI (Birkbak et al. 2012): allelic-imbalance regions that reach a
//     telomere without crossing the centromere. Segments under 1 Mb are
//     dropped first. Imbalance is judged against the chromosome's own
//     ploidy (the non-zero total copy number that covers most of it): for
//     a ploidy of 1 or an even one, major != minor; for an odd one, any
//     state but total == ploidy with both alleles present. A doubled genome
//     thus needs no flag: 2+2 is balanced at ploidy 4. The first segment
//     of a chromosome counts when it ends before the centromere, the last
//     when it starts after it; a chromosome in one segment never counts.
//   LST (Popova et al. 2012): per chromosome arm, segments under 3 Mb are
//     removed one by one (the first first, neighbours of equal state then
//     joined) and a breakpoint counts where two adjacent segments each span
//     at least 10 Mb and lie less than 3 Mb apart.
//   The sum of the three (Telli et al. 2016 call HR deficiency at >= 42 on
//   whole human genomes).
//
// Sex chromosomes are left out, as scarHRD does. TAI and LST need the
// centromere (centromeres.hpp); a chromosome without one is left out of both
// and named in `no_centromere`. Before any count, adjacent segments of one
// state are joined.
//
// Fraction of the genome altered: over the autosomes' called bases, the
// share whose state differs from the genome's baseline: a total copy
// number other than 2 (4 in a doubled genome), or alleles out of balance
// (major != minor, LOH included) where the alleles are known.
//
// Cost: linear in the segments, apart from the smoothing's restarts
// (quadratic in one arm's segments, a few dozen at most).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/cnv/centromeres.hpp"

namespace somatic::cnv {

struct CnvCalls;

struct HrdSegment {
    int32_t contig = 0;       // index into the contig names
    int64_t beg = 0, end = 0;
    int total = 0;            // called total copy number (>= 0)
    int major = -1, minor = -1;  // -1: alleles unknown
};

struct HrdOptions {
    int64_t loh_min_length = 15'000'000;    // LOH: longer than this
    int64_t tai_min_length = 1'000'000;     // TAI: shorter segments dropped first
    int64_t lst_smooth_length = 3'000'000;  // LST: shorter segments smoothed away
    int64_t lst_min_length = 10'000'000;    // LST: both sides at least this long
};

struct HrdScore {
    // -1: not measured (no segment with known alleles; for TAI and LST, no
    // chromosome with a known centromere either).
    int loh = -1, tai = -1, lst = -1;
    double fraction_genome_altered = NAN;  // NaN: no called autosomal base
    std::vector<std::string> no_centromere;  // autosomes left out of TAI and LST
    int sum() const { return loh < 0 || tai < 0 || lst < 0 ? -1 : loh + tai + lst; }
};

// The measures above. `segments` in genome order (contig blocks, starts
// ascending); only those on autosomes (classify_contig) count.
HrdScore score_hrd(const std::vector<std::string>& contigs, const std::vector<HrdSegment>& segments,
                   const std::vector<Centromere>& centromeres, bool genome_doubled, const HrdOptions& options = {});

// The called segments of `calls` (total copy number known), with their
// clonal states; a subclonal segment counts as its clonal background. A
// segment of total 0 has alleles 0+0, except in a depth-only fit, which knows
// no alleles.
std::vector<HrdSegment> hrd_segments(const CnvCalls& calls);

// "LOH 3, TAI 5, LST 12, sum 20; fraction of the genome altered 0.412",
// with NA for what was not measured.
std::string describe_hrd(const HrdScore& score);

}  // namespace somatic::cnv
