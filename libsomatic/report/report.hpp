// One patient's report, assembled from whichever outputs of the tools were
// given: the facts that the HTML (html_writer.hpp) and the JSON
// (json_writer.hpp) both show. Every input is optional; a section whose
// input is missing says which input would fill it (missing_input).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libsomatic/report/cnv_input.hpp"
#include "libsomatic/report/genes_of_interest.hpp"
#include "libsomatic/report/msi_input.hpp"
#include "libsomatic/report/sig_input.hpp"
#include "libsomatic/report/snv_input.hpp"
#include "libsomatic/report/tmb.hpp"
#include "libsomatic/sig/catalogue.hpp"

namespace somatic::report {

struct ReportInputs {
    std::string snv, callable, cnv, cnv_summary, signatures, catalogue, msi, annotation, genes_of_interest;
    std::string sample;                  // the tumour sample; empty: the VCF's
    bool allow_sample_mismatch = false;  // differing names are a warning, not an error
    std::string command_line;            // of this report's run, for the methods
    std::string version;                 // somatic-report's
    std::string date;                    // when the report was written, as shown
};

struct GeneCopyNumber {
    GeneOfInterest gene;
    bool located = false;      // in the annotation
    Interval where;
    int segments = 0;          // segments it overlaps
    int total = -1, minor = -1;  // of the overlapping segment with the lowest total CN
    bool loh = false;          // any overlapping segment
    std::string state;
};

// A signature the clinic acts on, and whether the fit supports it.
struct SignatureFlag {
    std::string signature, meaning;
    double exposure = 0, low = NAN, high = NAN;
    bool confident = false;  // lower bootstrap bound > 0
};

// The signatures of therapeutic interest and what they point to: SBS3
// (homologous-recombination deficiency), SBS6/14/15/20/21/26/44 (mismatch-
// repair deficiency), SBS2/13 (APOBEC). Empty for other names.
std::string signature_meaning(const std::string& name);

struct Report {
    ReportInputs inputs;
    std::string tumour, normal;
    std::vector<ToolRun> tools;
    std::vector<std::string> warnings;

    std::optional<SnvInput> snv;
    std::vector<size_t> variant_order;      // genes of interest first
    std::vector<std::string> variant_state;  // per variant: its segment's CN state
    double tumour_median_depth = NAN, normal_median_depth = NAN;
    double tumour_in_normal = NAN;           // normal alt fraction / tumour alt fraction at PASS calls

    std::optional<std::vector<Interval>> callable;  // merged
    std::optional<Tmb> tmb;

    std::optional<CnvSegmentsInput> cnv;
    std::optional<CnvSummary> summary;
    double purity = NAN, ploidy = NAN;
    std::vector<CnSegment> amplifications, homozygous_deletions;

    std::vector<GeneOfInterest> genes;
    bool annotation = false;
    std::vector<GeneCopyNumber> gene_copy_number;

    std::optional<MsiSummary> msi;
    std::optional<ExposuresInput> exposures;
    std::optional<sig::ChannelTable> catalogue;
    std::vector<SignatureFlag> signature_flags;

    std::string methods;
};

// Reads every input given, checks they belong together (one tumour sample,
// one reference build) and derives the report's facts. Throws an input or
// usage error on a bad input: no report is better than a wrong one.
Report build_report(const ReportInputs& inputs);

// The inputs a section needs and lacks, as "--cnv and --cnv-summary"; empty
// when the section has what it needs. Sections: "quality", "variants",
// "copy_number", "genes", "tmb", "coding_tmb", "msi", "hrd", "signatures",
// "spectrum", "af_histogram".
std::string missing_input(const Report& report, const std::string& section);

// Amplified: total CN at least twice the tumour ploidy and at least 5.
// Homozygously deleted: total CN 0.
bool is_amplification(const CnSegment& segment, double ploidy);

}  // namespace somatic::report
