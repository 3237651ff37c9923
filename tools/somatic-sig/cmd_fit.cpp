// somatic-sig fit: catalogue (or VCFs) + reference signatures -> exposures.
#include "commands.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/pipeline.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace somatic::sig_tool {

int run_fit(int argc, char** argv) {
    CommonOptions common;
    VcfOptions vcf;
    sig::FitRun run;
    sig::FitOptions& fo = run.fit;
    sig::CohortOptions& co = run.cohort;
    std::string method = "select", bootstrap_mode = "refit";
    std::vector<std::string> exclude, only, common_names;
    po::options_description fit("Fitting");
    fit.add_options()
        ("signatures,s", po::value(&run.signatures)->value_name("FILE"),
         "reference signatures, COSMIC's table layout (Type/MutationType column, then one column per signature)")
        ("exclude-artefacts", po::bool_switch(&run.choice.exclude_artefacts),
         "leave out COSMIC's sequencing-artefact signatures (SBS27, SBS43, SBS45-SBS60, SBS95)")
        ("exclude", po::value(&exclude)->composing()->value_name("SBSx,..."), "leave out these signatures")
        ("only", po::value(&only)->composing()->value_name("SBSx,..."), "fit only these signatures")
        ("method", cli::value(&method)->value_name("select|nnls"),
         "select: Poisson maximum likelihood with a penalised stepwise choice of signatures; nnls: plain "
         "non-negative least squares on all signatures (as MutationalPatterns' fit_to_signatures)")
        ("penalty", po::value(&fo.penalty_constant)->value_name("A"),
         "selection penalty per signature, constant part (deviance units; default 6, 3 with --cohort-prior)")
        ("penalty-slope", po::value(&fo.penalty_per_log_n)->value_name("B"),
         "selection penalty per signature, part per log(mutations) (default 1): penalty = A + B log N")
        ("common", po::value(&common_names)->composing()->value_name("SBSx,..."),
         "signatures active in nearly every tumour, whose penalty is lowered by --common-bonus (default SBS1,SBS5; "
         "'none' for none; names the table lacks are ignored)")
        ("common-bonus", cli::value(&fo.common_bonus)->value_name("D"),
         "deviance units taken off a common signature's penalty (2 x its prior log odds of being active)")
        ("cohort-prior", po::bool_switch(&co.cohort_prior),
         "empirical Bayes over the input's samples: fit them, turn how often each signature is selected into its "
         "prior log odds of being active (replacing --common), refit until the selections settle; needs 2 or more "
         "samples with mutations (method select only)")
        ("fractions", po::bool_switch(&run.fractions), "report exposures as fractions of each sample's mutations")
        ("bootstrap", cli::value(&co.bootstrap)->value_name("N"),
         "N multinomial bootstrap replicates per sample; adds 2.5% and 97.5% percentiles")
        ("bootstrap-mode", cli::value(&bootstrap_mode)->value_name("refit|select"),
         "refit: each replicate refits the signatures the sample's fit selected (fast; intervals conditional on "
         "that choice); select: each replicate repeats the whole fit, selection included (about 100 times slower)")
        ("seed", cli::value(&co.seed)->value_name("S"), "random seed of the bootstrap")
        ("bootstrap-out", po::value(&run.bootstrap_out)->value_name("FILE"),
         "write the bootstrap intervals to FILE (one row per sample and signature) instead of as extra columns")
        ("plot", po::value(&run.plot)->value_name("FILE.svg"),
         "draw each sample's 96-channel spectrum and its exposures into an SVG file");
    po::options_description visible;
    visible.add(fit).add(vcf_options(vcf, run.build)).add(common_options(common, {.reference = true, .regions = false, .output_type = false}));
    if (!parse(argc, argv, visible,
               "Usage: somatic-sig fit --signatures SIGS.txt [options] catalogue.tsv | --reference ref.fa in.vcf.gz... | -\n"
               "Estimates each sample's exposures to the reference signatures; writes one row per sample.",
               run.inputs)) {
        return 0;
    }
    validate(common);
    check_distinct_outputs({{"-o", common.output}, {"--bootstrap-out", run.bootstrap_out}, {"--plot", run.plot}});
    log::set_verbose(common.verbose);
    if (method == "select") {
        fo.method = sig::FitMethod::select;
    } else if (method == "nnls") {
        fo.method = sig::FitMethod::nnls;
    } else {
        throw usage_error("unknown --method '" + method + "'", "use select or nnls");
    }
    if (bootstrap_mode == "refit") {
        co.bootstrap_mode = sig::BootstrapMode::refit;
    } else if (bootstrap_mode == "select") {
        co.bootstrap_mode = sig::BootstrapMode::select;
    } else {
        throw usage_error("unknown --bootstrap-mode '" + bootstrap_mode + "'", "use refit or select");
    }
    if (!common_names.empty()) fo.common = sig::split_names(common_names);
    if (fo.common == std::vector<std::string>{"none"}) fo.common.clear();
    run.choice.exclude = sig::split_names(exclude);
    run.choice.only = sig::split_names(only);
    co.threads = common.threads;
    finish_build_options(vcf, common, run.build);
    run.inputs = inputs_or_stdin(run.inputs);
    run.output = common.output;
    with_flag_names([&] { sig::run_fit(run); });
    return 0;
}

}  // namespace somatic::sig_tool
