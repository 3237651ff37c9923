// Do the tumour and the normal come from one person, and how much of another
// person's DNA does the tumour hold?
//
// A sample swap (the tumour of one patient against the normal of another)
// or a tumour contaminated by a second person's DNA turns thousands of the
// second person's germline variants into confident "somatic" calls. The
// germline sites the caller already reads on its genome sample answer both
// questions, without a list of known SNPs:
//
// Identity: opposite homozygotes. At a site where one sample is homozygous
// for the alternative allele, the other sample of the same person cannot be
// homozygous for the reference: a tumour can lose an allele (LOH) or gain
// copies, but not gain an allele its patient never had. Sequencing errors
// and mis-read heterozygotes make such discordance rare (under 1% at 15
// reads a sample); between two unrelated people it is common (about 10% of
// the sites where one of them is homozygous-alternative at a uniform allele
// frequency spectrum; the rare variants of real spectra raise it). A parent,
// child or sibling shares an allele at every site, so a swap with a
// relative is not seen by this test (nor by most).
//
// Contamination: at the normal's homozygous-alternative sites the patient
// has no reference allele, so the tumour's reference reads come from
// sequencing error or from another person's DNA. With contamination c, a
// site where the contaminant carries g in {0, 1/2, 1} reference alleles
// gives the tumour reference reads at rate e + c*g. The error rate e is the
// normal's reference rate at the same sites (the normal holds no foreign
// DNA in this model); c and the shares of the three g are fitted by maximum
// a posteriori (c on a grid, the shares by EM at each c under a weak prior,
// sample_identity.cpp), with a 95% interval from the profile. This is GATK
// CalculateContamination's principle at homozygous-alternative sites,
// without its population allele frequencies (the shares of g are fitted
// instead), and, as there, a
// contaminant copy number is taken to be the tumour's: amplified regions
// dilute the contaminant and lead to an underestimate there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace somatic::snv {

// A germline-looking site of the genome sample: reads of the reference and of
// the alternative allele (the commonest non-reference base of both samples).
struct GenotypeSite {
    uint32_t tumour_ref = 0, tumour_alt = 0;
    uint32_t normal_ref = 0, normal_alt = 0;
};

struct IdentityThresholds {
    uint32_t min_depth = 15;            // reads of ref + alt in each sample
    double hom_alt_fraction = 0.9;      // alt fraction at least this: homozygous alternative
    double hom_ref_fraction = 0.1;      // alt fraction at most this: homozygous reference
    double same_person_rate = 0.02;     // most discordance one person's two samples show
    double unrelated_rate = 0.06;       // least discordance two unrelated people show
    double mismatch_min_rate = 0.04;    // a mismatch also needs this share discordant
    double mismatch_p = 1e-6;           // P(this much discordance | one person) below: mismatch
    double match_p = 1e-3;              // P(this little discordance | two people) below: one person
};

enum class IdentityVerdict { same_person, mismatch, undetermined };

struct IdentityCheck {
    size_t informative = 0;  // sites where either sample is homozygous alternative
    size_t discordant = 0;   // ... and the other homozygous reference
    IdentityVerdict verdict = IdentityVerdict::undetermined;
    double discordance() const { return informative ? double(discordant) / double(informative) : 0; }
};

IdentityCheck check_identity(const std::vector<GenotypeSite>& sites, const IdentityThresholds& t = {});

struct ContaminationEstimate {
    size_t sites = 0;         // the normal's homozygous-alternative sites used
    double error_rate = 0;    // the normal's reference-read rate at them
    double fraction = 0;      // maximum-likelihood contamination of the tumour
    double low = 0, high = 0;  // 95% profile-likelihood interval
};

// The tumour's contamination by another person; sites = 0 when the normal
// has no homozygous-alternative site deep enough in both samples.
ContaminationEstimate estimate_contamination(const std::vector<GenotypeSite>& sites,
                                             const IdentityThresholds& t = {});

const char* verdict_name(IdentityVerdict v);  // "same", "mismatch", "undetermined"

// The header lines: ##sample_identity=... and ##tumour_contamination=...
std::string identity_line(const IdentityCheck& identity);
std::string contamination_line(const ContaminationEstimate& contamination);

}  // namespace somatic::snv
