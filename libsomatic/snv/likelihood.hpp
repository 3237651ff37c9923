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
//
// Tumour-only mode (no normal) weighs the tumour alone, with the population
// allele frequency p of the alternative allele (a germline resource such as
// gnomAD; alleles absent from it get ModelPriors::population_af_absent):
//   reference  f_T = 0                  prior (1 - p)^2 (1 - pi)
//   somatic    f_T free (the grid)      prior (1 - p)^2 pi
//   germline   het: f_T ~ H             prior 2 p (1 - p)   (Hardy-Weinberg)
//              hom: f_T = 1             prior p^2
// pi is the somatic prior. With the copy number unknown, a heterozygous
// germline variant's tumour fraction is not 1/2 but any of 1/3, 2/3, 1/4,
// 3/4 ... (gains, losses in an impure tumour) and reference bias pulls it
// down a little: H is mostly (0.8) a Beta(10, 10) over the fraction (sd
// 0.11), which puts 1/3 and 2/3 at 1.5 sd, so such hets stay germline, while
// a somatic SNV at 10-25% (subclones, impure tumours: most of them) lies
// 2.3-3.6 sd away and is not. The rest of H (0.2, about the share of a
// tumour genome under loss of heterozygosity or a large imbalance) is
// uniform over the grid's fractions from 0.1 to 1: under LOH a het sits at
// (1 + purity) / 2 or (1 - purity) / 2, anywhere with the purity unknown.
// That part costs a somatic SNV little: its weight at any one fraction is
// 0.2/19, a third of the somatic grid's 1/33, times the population prior.
// A clonal somatic SNV at 40-50% looks like a het: only the population
// prior (p tiny for an allele no population holds) keeps it somatic, which
// is why tumour-only calling needs the resource. No "shared" hypothesis:
// without a normal nothing tells a mosaic or CHIP variant from a somatic one.
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
    // Tumour-only mode: the population allele frequency of an allele the
    // germline resource does not hold (a variant no surveyed person
    // carried: for gnomAD's ~76,000 genomes, a frequency below ~1e-5).
    double population_af_absent = 1e-6;
};

struct SitePosterior {
    double qss = 0;          // -10 log10 P(not somatic), capped
    double log10_somatic = 0;  // unnormalised log10 prior x likelihood per hypothesis
    double log10_reference = 0;
    double log10_germline = 0;
    double log10_shared = 0;
    double germline_phred = 0;  // -10 log10 P(not germline)
    double germline_probability = 0;  // P(germline)
};

SitePosterior somatic_posterior(const SampleEvidence& tumour, const SampleEvidence& normal, const ModelPriors& priors);

// Tumour-only mode: the tumour's reads alone, with the population allele
// frequency of the site's alternative allele (negative: not in the
// resource, priors.population_af_absent is used). log10_shared is -inf.
// Here QSS is -10 log10 P(reference | not germline): somatic against
// sequencing error only, the germline alternative being
// germline_probability's (judged by the Germline filter).
SitePosterior tumour_only_posterior(const SampleEvidence& tumour, double population_af, const ModelPriors& priors);

// The heterozygous germline fractions of tumour-only mode and their weights,
// summing to 1: allele_fraction_grid()'s fractions from 0.1 to 1, with
// 1 - kHetLohShare of the weight as Beta(kHetBetaShape, kHetBetaShape) over
// those up to 0.9 (normalised) and kHetLohShare spread evenly over all.
inline constexpr double kHetBetaShape = 10;
inline constexpr double kHetLohShare = 0.2;
struct WeightedFraction {
    double fraction;
    double weight;
};
const std::vector<WeightedFraction>& het_fraction_weights();

// The grid of tumour allele fractions the model integrates over.
const std::vector<double>& allele_fraction_grid();
// The grid of fractions g of the shared hypothesis.
const std::vector<double>& shared_fraction_grid();

// log10 of the mean likelihood of both samples at one shared fraction g,
// over shared_fraction_grid(): the shared hypothesis without its prior.
double log10_shared_likelihood(const SampleEvidence& tumour, const SampleEvidence& normal);

inline constexpr double kMaxQss = 999.0;

}  // namespace somatic::snv
