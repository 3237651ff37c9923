// somatic-sig extract: a cohort's catalogue -> de novo signatures.
#include <cstdio>

#include "commands.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/pipeline.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace somatic::sig_tool {

int run_extract(int argc, char** argv) {
    CommonOptions common;
    VcfOptions vcf;
    sig::ExtractRun run;
    sig::ExtractOptions& eo = run.extract;
    bool no_resample = false;
    po::options_description ex("Extraction");
    ex.add_options()
        ("min-k", cli::value(&eo.min_k)->value_name("K"), "smallest number of signatures tried")
        ("max-k", cli::value(&eo.max_k)->value_name("K"),
         "largest number of signatures tried (below the number of samples)")
        ("restarts", cli::value(&eo.restarts)->value_name("N"),
         "NMF runs per K, each from a random start on a resampled cohort")
        ("seed", cli::value(&eo.seed)->value_name("S"), "random seed of the starts and resamples")
        ("no-resample", po::bool_switch(&no_resample), "run every restart on the catalogue itself, not a resample")
        ("min-stability", cli::value(&eo.min_stability)->value_name("F"),
         "a K is stable when its signatures' mean silhouette across restarts is at least F")
        ("max-iterations", cli::value(&eo.nmf.max_iterations)->value_name("N"),
         "NMF iterations per run at most")
        ("signatures,s", po::value(&run.signatures)->value_name("FILE"),
         "reference signatures (COSMIC's table): name each extracted signature's nearest one and their cosine")
        ("exposures", po::value(&run.exposures_out)->value_name("FILE"),
         "write each sample's exposures to the extracted signatures to FILE")
        ("report", po::value(&run.report_out)->value_name("FILE"),
         "write the table of every K tried, and the chosen signatures' stability and nearest reference, to FILE "
         "(default: standard error)");
    po::options_description visible;
    visible.add(ex).add(vcf_options(vcf, run.build)).add(common_options(common, {.reference = true, .regions = false, .output_type = false}));
    if (!parse(argc, argv, visible,
               "Usage: somatic-sig extract [options] catalogue.tsv | --reference ref.fa in.vcf.gz... | -\n"
               "Finds a cohort's signatures de novo (Poisson NMF, many restarts, K chosen by stability and BIC);\n"
               "writes them as a signature table (96 rows, one column per signature).",
               run.inputs)) {
        return 0;
    }
    validate(common);
    check_distinct_outputs({{"-o", common.output}, {"--exposures", run.exposures_out}, {"--report", run.report_out}});
    log::set_verbose(common.verbose);
    eo.resample = !no_resample;
    eo.threads = common.threads;
    finish_build_options(vcf, common, run.build);
    run.inputs = inputs_or_stdin(run.inputs);
    run.output = common.output;
    with_flag_names([&] {
        const sig::ExtractResult result = sig::extract(run);
        if (run.report_out.empty()) std::fputs(result.report.c_str(), stderr);
        sig::write_extract_outputs(run, result);
    });
    return 0;
}

}  // namespace somatic::sig_tool
