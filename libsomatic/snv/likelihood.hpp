// The joint tumour/normal likelihood model of somatic-snv.
//
// At a site with reference base R and candidate alternative base A, each
// observation is a base b read with error probability e (base quality and
// mapping quality combined: e = 1 - (1 - e_bq)(1 - e_mq)). A sample whose
// DNA carries A at fraction f gives
//     P(b = A) = f (1 - e) + (1 - f) e / 3
//     P(b = R) = (1 - f)(1 - e) + f e / 3
// (a third base has probability e/3 under every hypothesis, so it cancels).
//
// The hypotheses, with the normal's alt fraction f_N and the tumour's f_T:
//   reference  f_N = 0,        f_T = 0          (sequencing error only)
//   somatic    f_N = tau f_T,  f_T free         (tau: tumour-in-normal contamination)
//   germline   f_N = 1/2 or 1, f_T free         (free: loss of heterozygosity, copy number)
//   shared     f_N = f_T = g,  g in 0.5%..28%   (a low-fraction variant both samples carry)
// "free" fractions are integrated over a grid with a prior that gives low
// fractions (subclones, low purity) as much weight as high ones, and tau
// over {0, tau_max/2, tau_max}, so that clean normals lose nothing and a
// normal holding some tumour reads does not turn a somatic call germline.
// Under "somatic" the normal's fraction is at most tau_max (0.1) x the
// tumour's, so a normal at the tumour's own fraction is not somatic: it is
// "shared". Real normals carry such variants: clonal haematopoiesis in
// blood, mosaicism, a normal holding a few per cent of tumour cells (its
// variants then sit at about the same low fraction in both samples when the
// tumour is impure), and systematic errors of a locus. g is integrated over a
// geometric grid (equal weight per doubling, as such variants are commoner
// the lower their fraction); its upper end, 28%, leaves the rest to
// "germline", whose tumour fraction is free. The shared prior is the normal's
// own, estimated with the somatic prior (somatic_prior.hpp): a clean normal
// keeps it at its floor, 1e-8 per site (some 30 such variants in a genome),
// and a true somatic SNV with a clean normal then loses nothing it did not
// lose before; a normal full of shared variants raises it towards their
// share. Two alt reads in a 30x normal favour "shared" over "somatic" by a
// likelihood ratio of only ~16 (the normal's fraction under "somatic" may be
// up to a tenth of the tumour's), so at such depths the estimate is what
// rejects them, not the likelihood alone; the ratio grows with the reads.
// QSS is the Phred-scaled posterior probability that the site is NOT somatic.
#pragma once

#include <cstdint>
#include <vector>

namespace somatic::snv {

// One sample's evidence at one site for one (ref, alt) pair: reads of the
// reference and of the alternative base, grouped by error probability (the
// base and mapping qualities take few distinct values, so a site's
// likelihood costs a few groups, not one term per read).
struct SampleEvidence {
    struct Group {
        double error = 0;  // per-base error probability
        uint32_t ref = 0;
        uint32_t alt = 0;
    };
    std::vector<Group> groups;

    void add(double error, bool is_alt);
    uint32_t ref_count() const;
    uint32_t alt_count() const;
};

// log10(10^a + 10^b) without overflow; -inf stands for probability 0.
double log10_sum(double a, double b);

// log10 P(reads | alt fraction f).
double log10_likelihood(const SampleEvidence& e, double f);

struct ModelPriors {
    double somatic = 1e-6;       // per site
    double germline_het = 6.7e-4;
    double germline_hom = 3.3e-4;
    // A low-fraction variant shared by both samples (CHIP, mosaic, a normal
    // holding tumour cells, a locus' systematic error), per site.
    double shared = 1e-8;
    double max_tumour_in_normal = 0.1;  // tau_max
};

struct SitePosterior {
    double qss = 0;          // -10 log10 P(not somatic), capped
    double log10_somatic = 0;  // unnormalised log10 prior x likelihood per hypothesis
    double log10_reference = 0;
    double log10_germline = 0;
    double log10_shared = 0;
    double germline_phred = 0;  // -10 log10 P(not germline)
};

SitePosterior somatic_posterior(const SampleEvidence& tumour, const SampleEvidence& normal, const ModelPriors& priors);

// The grid of tumour allele fractions the model integrates over.
const std::vector<double>& allele_fraction_grid();
// The grid of fractions g of the shared hypothesis.
const std::vector<double>& shared_fraction_grid();

// log10 of the mean likelihood of both samples at one shared fraction g,
// over shared_fraction_grid(): the shared hypothesis without its prior.
double log10_shared_likelihood(const SampleEvidence& tumour, const SampleEvidence& normal);

inline constexpr double kMaxQss = 999.0;

}  // namespace somatic::snv
