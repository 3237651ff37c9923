#include "libsomatic/sig/pipeline.hpp"

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "libsomatic/sig/exposures_table.hpp"
#include "libsomatic/sig/extract_table.hpp"
#include "libsomatic/sig/option_error.hpp"
#include "libsomatic/sig/plot_svg.hpp"

namespace somatic::sig {

ChannelTable load_catalogue(const std::vector<std::string>& inputs, const BuildOptions& build) {
    BuildResult result = build_catalogue(inputs, build);
    log_summaries(result, build.catalogue.mnv, {result.catalogue.type});
    return std::move(result.catalogue);
}

void CatalogueRun::validate() const {
    build.validate();
    if (build.all_types && (output.empty() || output == "-")) {
        throw OptionError("output", "must be a file prefix when every type is counted at once",
                          "PREFIX.SBS96.tsv, PREFIX.ID83.tsv and PREFIX.DBS78.tsv are written");
    }
}

std::vector<std::string> all_types_outputs(const std::string& prefix) {
    std::vector<std::string> out;
    for (CatalogueType t : catalogue_types()) out.push_back(prefix + "." + channel_set(t).label + ".tsv");
    return out;
}

void run_catalogue(const CatalogueRun& run) {
    run.validate();
    if (!run.build.all_types) {
        write_table(run.output, format_catalogue(load_catalogue(run.inputs, run.build)));
        return;
    }
    BuildResult result = build_catalogue(run.inputs, run.build);
    log_summaries(result, run.build.catalogue.mnv, catalogue_types());
    const auto paths = all_types_outputs(run.output);
    for (size_t i = 0; i < paths.size(); ++i) write_table(paths[i], format_catalogue(result.all[i]));
}

void check_same_channels(const ChannelTable& catalogue, const std::vector<std::string>& inputs, const SignatureSet& signatures,
                         const std::string& signatures_file) {
    if (catalogue.type == signatures.type) return;
    const std::string from = inputs.size() == 1 ? display_name(inputs.front())
                                                : std::to_string(inputs.size()) + " inputs (" + display_name(inputs.front()) + ", ...)";
    const std::string& want = channel_set(signatures.type).label;
    throw input_error(display_name(signatures_file),
                      "has " + want + " channels, but the catalogue of " + from + " is " + channel_set(catalogue.type).label,
                      {}, "give signatures of the catalogue's type, or count the VCFs with --type " + type_option_name(signatures.type));
}

void FitRun::validate() const {
    if (signatures.empty()) {
        throw OptionError("signatures", "is required", "give COSMIC's SBS96 table, e.g. COSMIC_v3.4_SBS_GRCh38.txt");
    }
    cohort.validate();
    if (!bootstrap_out.empty() && cohort.bootstrap == 0) throw OptionError("bootstrap_out", "needs bootstrap N");
    fit.validate();
    build.validate();
    if (build.all_types) throw OptionError("all_types", "is for catalogue only", "fit one catalogue type at a time");
}

SignatureSet load_signatures(const FitRun& run) {
    const SignatureSet all = read_signatures(run.signatures);
    SignatureSet chosen = choose_signatures(all, run.choice, run.signatures);
    log::debug("fitting " + std::to_string(chosen.names.size()) + " of the " + std::to_string(all.names.size()) +
               " signatures of " + run.signatures);
    return chosen;
}

std::vector<SampleFit> fit_samples(const ChannelTable& catalogue, const SignatureSet& signatures, const FitRun& run) {
    const Fitter fitter(signatures, run.fit);
    std::vector<SampleFit> fits = fit_cohort(catalogue, fitter, run.cohort);
    for (const auto& f : fits) {
        if (f.mutations <= 0) log::warning("sample " + f.sample + " has no mutations: its exposures are 0 and its cosine NA");
    }
    return fits;
}

void write_fit_outputs(const FitRun& run, const FitResult& r) {
    TableOptions to;
    to.fractions = run.fractions;
    to.bootstrap_columns = run.cohort.bootstrap > 0 && run.bootstrap_out.empty();
    // Side files first: the main output appears only when everything worked.
    if (!run.bootstrap_out.empty()) write_table(run.bootstrap_out, format_bootstrap(r.signatures.names, r.fits, to));
    if (!run.plot.empty()) write_table(run.plot, plot_svg(r.catalogue, r.signatures, r.fits));
    write_table(run.output, format_exposures(r.signatures.names, r.fits, to));
}

FitResult run_fit(const FitRun& run) {
    run.validate();
    FitResult r;
    r.signatures = load_signatures(run);
    BuildOptions build = run.build;
    build.default_type = r.signatures.type;  // VCFs are counted into the signatures' channels
    r.catalogue = load_catalogue(run.inputs, build);
    check_same_channels(r.catalogue, run.inputs, r.signatures, run.signatures);
    r.fits = fit_samples(r.catalogue, r.signatures, run);
    write_fit_outputs(run, r);
    return r;
}

void ExtractRun::validate() const {
    extract.validate();
    build.validate();
    if (build.all_types) throw OptionError("all_types", "is for catalogue only", "extract from one catalogue type at a time");
}

ExtractResult extract(const ExtractRun& run) {
    run.validate();
    ExtractResult r;
    SignatureSet reference;
    if (!run.signatures.empty()) reference = read_signatures(run.signatures);
    BuildOptions build = run.build;
    if (!run.signatures.empty()) build.default_type = reference.type;
    r.catalogue = load_catalogue(run.inputs, build);
    if (!run.signatures.empty()) check_same_channels(r.catalogue, run.inputs, reference, run.signatures);
    r.extraction = extract_signatures(r.catalogue.values, run.extract);
    if (!run.signatures.empty()) r.nearest = nearest_signatures(r.chosen().signatures, reference);
    r.report = format_extraction_report(r.extraction, r.nearest, r.catalogue.type);
    log::info("chose " + std::to_string(r.chosen().k) + " signature" + (r.chosen().k == 1 ? "" : "s"));
    return r;
}

void write_extract_outputs(const ExtractRun& run, const ExtractResult& r) {
    if (!run.report_out.empty()) write_table(run.report_out, r.report);
    if (!run.exposures_out.empty()) write_table(run.exposures_out, format_extracted_exposures(r.catalogue, r.chosen()));
    write_table(run.output, format_signature_table(extracted_names(r.chosen().k, channel_set(r.catalogue.type).label),
                                                     r.chosen().signatures, r.catalogue.type));
}

}  // namespace somatic::sig
