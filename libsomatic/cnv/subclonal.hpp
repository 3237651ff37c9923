// Subclonal copy number: a segment as a mixture of two states.
//
// A fraction c of the tumour cells carries a subclonal state S, the rest
// the clonal background B; S differs from B by one allele copy (one
// event: major or minor up or down by 1). The segment then shows
//   CN    = (1-c)*CN_B + c*CN_S,   minor = (1-c)*minor_B + c*minor_S
//   log2  = log2((p*CN + n0*(1-p)) / (n0/2) / (p*psi + 2*(1-p)))
//   BAF   = (p*minor + (1-p)) / (p*CN + 2*(1-p))
// the clonal model's formulas with fractional copy numbers (n0 = 2: a
// mixture is only fitted where the BAF is measured; on log2 alone any
// fractional copy number would fit and nothing could tell a mixture from a
// clonal state).
//
// The search: every clonal state B within 2 of the copy number the log2
// implies, its one-event neighbours S, and c from 0.02 to 0.98 by 0.02; the
// best mixture by z^2 (log2 + mirrored BAF, as the clonal fit).
//
// Fair competition with the clonal states and with genome doubling: the
// mixture is one more copy-number event over the segment's bins (it pays
// the fit's event_penalty per bin), its cell fraction costs
// subclonal_penalty per bin (a prior against explaining a segment by a
// free fraction: an undoubled fit of a doubled genome explains every odd
// state after the doubling as a mixture at c = 1/2, and without this cost
// those mixtures would be nearly free, while the doubling pays
// doubling_penalty on every bin), and its two parameters (c and S) cost
// BIC's ln(n) in all (1/2 ln n each, n its bins plus het sites), spread
// over its bins. It is chosen when, per bin, min(cap, z^2_mix / 2) +
// event_penalty + subclonal_penalty + ln(n) / bins is below min(cap,
// z^2_clonal / 2). Every segment with BAF is tried, not only those no
// integer state explains: a doubled solution has twice the states, so a
// wrong clonal state lies closer to each mixture.
#pragma once

#include <cstdint>

#include "libsomatic/cnv/purity_fit.hpp"

namespace somatic::cnv {

// Expected log2 and BAF of a mixture: state (total_b, minor_b) in 1 - c of
// the tumour cells and (total_s, minor_s) in c.
double mixture_log2(double purity, double ploidy, int total_b, int total_s, double c, int normal_cn);
double mixture_baf(double purity, int total_b, int minor_b, int total_s, int minor_s, double c);

struct Mixture {
    int total_b = -1, major_b = -1, minor_b = -1;  // -1: no mixture found
    int total_s = -1, major_s = -1, minor_s = -1;
    double cell_fraction = NAN;
    double z2_log2 = INFINITY, z2_baf = INFINITY;
};

// The best mixture of a segment at (purity, ploidy) (see above); no mixture
// (total_b -1) for a segment without BAF or with one normal copy.
Mixture best_mixture(const FitSegment& segment, double purity, double ploidy, double log2_sd, const FitResult& fit,
                     const FitOptions& options);

// The per-bin penalty a mixture pays beyond its z^2 (see above):
// event_penalty + subclonal_penalty + ln(max(2, bins + het sites)) / bins.
double mixture_penalty(const FitSegment& segment, const FitOptions& options);

}  // namespace somatic::cnv
