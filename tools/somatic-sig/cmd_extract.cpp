// somatic-sig extract: a cohort's catalogue -> de novo signatures.
#include <cstdio>

#include "commands.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/extract.hpp"
#include "libsomatic/sig/extract_table.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace somatic::sig_tool {

int run_extract(int argc, char** argv) {
    CommonOptions common;
    VcfOptions vcf;
    sig::ExtractOptions eo;
    std::string reference, exposures_out, report_out;
    bool no_resample = false;
    po::options_description ex("Extraction");
    ex.add_options()
        ("min-k", po::value(&eo.min_k)->default_value(1)->value_name("K"), "smallest number of signatures tried")
        ("max-k", po::value(&eo.max_k)->default_value(8)->value_name("K"),
         "largest number of signatures tried (below the number of samples)")
        ("restarts", po::value(&eo.restarts)->default_value(20)->value_name("N"),
         "NMF runs per K, each from a random start on a resampled cohort")
        ("seed", po::value(&eo.seed)->default_value(1)->value_name("S"), "random seed of the starts and resamples")
        ("no-resample", po::bool_switch(&no_resample), "run every restart on the catalogue itself, not a resample")
        ("min-stability", po::value(&eo.min_stability)->default_value(0.8, "0.8")->value_name("F"),
         "a K is stable when its signatures' mean silhouette across restarts is at least F")
        ("max-iterations", po::value(&eo.nmf.max_iterations)->default_value(5000)->value_name("N"),
         "NMF iterations per run at most")
        ("signatures,s", po::value(&reference)->value_name("FILE"),
         "reference signatures (COSMIC's table): name each extracted signature's nearest one and their cosine")
        ("exposures", po::value(&exposures_out)->value_name("FILE"),
         "write each sample's exposures to the extracted signatures to FILE")
        ("report", po::value(&report_out)->value_name("FILE"),
         "write the table of every K tried, and the chosen signatures' stability and nearest reference, to FILE "
         "(default: standard error)");
    po::options_description visible;
    visible.add(ex).add(vcf_options(vcf)).add(common_options(common, {.reference = true, .regions = false, .output_type = false}));
    std::vector<std::string> inputs;
    if (!parse(argc, argv, visible,
               "Usage: somatic-sig extract [options] catalogue.tsv | --reference ref.fa in.vcf.gz... | -\n"
               "Finds a cohort's signatures de novo (Poisson NMF, many restarts, K chosen by stability and BIC);\n"
               "writes them as a signature table (96 rows, one column per signature).",
               inputs)) {
        return 0;
    }
    validate(common);
    check_distinct_outputs({{"-o", common.output}, {"--exposures", exposures_out}, {"--report", report_out}});
    log::set_verbose(common.verbose);
    if (!(eo.min_stability >= -1 && eo.min_stability <= 1)) throw usage_error("--min-stability must be between -1 and 1");
    if (eo.nmf.max_iterations < 1) throw usage_error("--max-iterations must be at least 1");
    eo.resample = !no_resample;
    eo.threads = common.threads;

    sig::SignatureSet ref;
    if (!reference.empty()) ref = sig::read_signatures(reference);
    auto build = build_options(vcf, common);
    const auto input = sig::build_catalogue(inputs_or_stdin(inputs), build);
    log_summaries(input, build.catalogue.mnv);

    const sig::Extraction e = sig::extract_signatures(input.catalogue.values, eo);
    const sig::Rank& chosen = e.ranks[e.chosen];
    const auto nearest = reference.empty() ? std::vector<sig::Nearest>{} : sig::nearest_signatures(chosen.signatures, ref);
    const std::string report = sig::format_extraction_report(e, nearest);
    log::info("chose " + std::to_string(chosen.k) + " signature" + (chosen.k == 1 ? "" : "s"));
    if (report_out.empty()) {
        std::fputs(report.c_str(), stderr);
    } else {
        write_table(report_out, report);
    }
    if (!exposures_out.empty()) {
        write_table(exposures_out, sig::format_extracted_exposures(input.catalogue, chosen));
    }
    write_table(common.output, sig::format_signature_table(sig::extracted_names(chosen.k), chosen.signatures));
    return 0;
}

}  // namespace somatic::sig_tool
