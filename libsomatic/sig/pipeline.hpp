// somatic-sig's three commands as library calls, each split into its steps
// (mirroring cnv/pipeline): the tool parses its flags into one of these
// structs and makes the call. Every struct's validate() speaks in field
// names (option_error.hpp); the outputs are written through
// io/table_writer, side files first, so that the main output appears only
// when everything worked.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/sig/catalogue_builder.hpp"
#include "libsomatic/sig/cohort_fit.hpp"
#include "libsomatic/sig/extract.hpp"
#include "libsomatic/sig/fit.hpp"
#include "libsomatic/sig/signatures.hpp"

namespace somatic::sig {

// ---------------------------------------------------------------- catalogue
struct CatalogueRun {
    std::vector<std::string> inputs;  // VCF/BCF files and catalogue tables; "-": standard input
    BuildOptions build;
    std::string output = "-";  // with build.all_types: a prefix (see all_types_outputs)

    // build.validate(), and: all_types needs an output prefix, not "-".
    void validate() const;
};

// The files of build.all_types: PREFIX.SBS96.tsv, PREFIX.ID83.tsv and
// PREFIX.DBS78.tsv, in catalogue_types() order.
std::vector<std::string> all_types_outputs(const std::string& prefix);

// Builds the catalogue (build_catalogue), logs each VCF's counts and writes
// the catalogue table (or the three).
void run_catalogue(const CatalogueRun& run);

// Throws an input error naming both when the catalogue (built from
// `inputs`) and the signature table `signatures_file` are of different
// types, so have different channels.
void check_same_channels(const ChannelTable& catalogue, const std::vector<std::string>& inputs, const SignatureSet& signatures,
                         const std::string& signatures_file);

// ---------------------------------------------------------------------- fit
struct FitRun {
    std::vector<std::string> inputs;
    BuildOptions build;      // build.type unset: VCFs counted into the signature table's type
    std::string signatures;  // the reference signature table (required)
    SignatureChoice choice;
    FitOptions fit;
    CohortOptions cohort;
    bool fractions = false;     // exposures as fractions of each sample's mutations
    std::string output = "-";
    std::string bootstrap_out;  // the bootstrap intervals, one row per sample and signature
    std::string plot;           // an SVG of each sample's spectrum and exposures

    // Every part's validate(), and: signatures is given, bootstrap_out only
    // with a bootstrap.
    void validate() const;
};

struct FitResult {
    SignatureSet signatures;  // the ones fitted
    ChannelTable catalogue;
    std::vector<SampleFit> fits;
};

// The steps of run_fit, in order.
SignatureSet load_signatures(const FitRun& run);                          // read, then --only/--exclude
ChannelTable load_catalogue(const std::vector<std::string>& inputs, const BuildOptions& build);  // built and logged
std::vector<SampleFit> fit_samples(const ChannelTable& catalogue, const SignatureSet& signatures, const FitRun& run);
void write_fit_outputs(const FitRun& run, const FitResult& result);

// validate(), then the steps above.
FitResult run_fit(const FitRun& run);

// ------------------------------------------------------------------ extract
struct ExtractRun {
    std::vector<std::string> inputs;
    BuildOptions build;
    ExtractOptions extract;
    std::string signatures;  // reference signatures to name the nearest of each found one; may be empty
    std::string output = "-";
    std::string exposures_out;
    std::string report_out;  // empty: the report is the caller's to show

    void validate() const;
};

struct ExtractResult {
    ChannelTable catalogue;
    Extraction extraction;
    std::vector<Nearest> nearest;  // empty without reference signatures
    std::string report;            // format_extraction_report
    const Rank& chosen() const { return extraction.ranks[extraction.chosen]; }
};

// validate(), the catalogue, the extraction and its report (not written).
ExtractResult extract(const ExtractRun& run);
// The report (when report_out is set), the exposures, then the signatures.
void write_extract_outputs(const ExtractRun& run, const ExtractResult& result);

}  // namespace somatic::sig
