// somatic-sig fit: catalogue (or VCFs) + reference signatures -> exposures.
#include <algorithm>
#include <cmath>

#include "commands.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/cohort_fit.hpp"
#include "libsomatic/sig/exposures_table.hpp"
#include "libsomatic/sig/plot_svg.hpp"
#include "libsomatic/sig/signatures.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace somatic::sig_tool {

namespace {
// Tuned on synthetic cohorts of another seed than the reported one
// (bench/sig/README.md).
constexpr double kCommonBonus = 11;
}  // namespace

int run_fit(int argc, char** argv) {
    CommonOptions common;
    VcfOptions vcf;
    std::string signatures_path, method = "select", bootstrap_out, plot, bootstrap_mode = "refit";
    std::vector<std::string> exclude, only;
    bool exclude_artefacts = false, fractions = false, cohort_prior = false;
    int bootstrap = 0;
    uint64_t seed = 1;
    double penalty = -1, penalty_slope = -1, common_bonus = kCommonBonus;
    std::vector<std::string> common_names;
    po::options_description fit("Fitting");
    fit.add_options()
        ("signatures,s", po::value(&signatures_path)->value_name("FILE"),
         "reference signatures, COSMIC's table layout (Type/MutationType column, then one column per signature)")
        ("exclude-artefacts", po::bool_switch(&exclude_artefacts),
         "leave out COSMIC's sequencing-artefact signatures (SBS27, SBS43, SBS45-SBS60, SBS95)")
        ("exclude", po::value(&exclude)->composing()->value_name("SBSx,..."), "leave out these signatures")
        ("only", po::value(&only)->composing()->value_name("SBSx,..."), "fit only these signatures")
        ("method", po::value(&method)->default_value("select")->value_name("select|nnls"),
         "select: Poisson maximum likelihood with a penalised stepwise choice of signatures; nnls: plain "
         "non-negative least squares on all signatures (as MutationalPatterns' fit_to_signatures)")
        ("penalty", po::value(&penalty)->value_name("A"),
         "selection penalty per signature, constant part (deviance units; default 6, 3 with --cohort-prior)")
        ("penalty-slope", po::value(&penalty_slope)->value_name("B"),
         "selection penalty per signature, part per log(mutations) (default 1): penalty = A + B log N")
        ("common", po::value(&common_names)->composing()->value_name("SBSx,..."),
         "signatures active in nearly every tumour, whose penalty is lowered by --common-bonus (default SBS1,SBS5; "
         "'none' for none; names the table lacks are ignored)")
        ("common-bonus", po::value(&common_bonus)->default_value(kCommonBonus)->value_name("D"),
         "deviance units taken off a common signature's penalty (2 x its prior log odds of being active)")
        ("cohort-prior", po::bool_switch(&cohort_prior),
         "empirical Bayes over the input's samples: fit them, turn how often each signature is selected into its "
         "prior log odds of being active (replacing --common), refit until the selections settle; needs 2 or more "
         "samples with mutations (method select only)")
        ("fractions", po::bool_switch(&fractions), "report exposures as fractions of each sample's mutations")
        ("bootstrap", po::value(&bootstrap)->default_value(0)->value_name("N"),
         "N multinomial bootstrap replicates per sample; adds 2.5% and 97.5% percentiles")
        ("bootstrap-mode", po::value(&bootstrap_mode)->default_value("refit")->value_name("refit|select"),
         "refit: each replicate refits the signatures the sample's fit selected (fast; intervals conditional on "
         "that choice); select: each replicate repeats the whole fit, selection included (about 100 times slower)")
        ("seed", po::value(&seed)->default_value(1)->value_name("S"), "random seed of the bootstrap")
        ("bootstrap-out", po::value(&bootstrap_out)->value_name("FILE"),
         "write the bootstrap intervals to FILE (one row per sample and signature) instead of as extra columns")
        ("plot", po::value(&plot)->value_name("FILE.svg"),
         "draw each sample's 96-channel spectrum and its exposures into an SVG file");
    po::options_description visible;
    visible.add(fit).add(vcf_options(vcf)).add(common_options(common, {.reference = true, .regions = false, .output_type = false}));
    std::vector<std::string> inputs;
    if (!parse(argc, argv, visible,
               "Usage: somatic-sig fit --signatures SIGS.txt [options] catalogue.tsv | --reference ref.fa in.vcf.gz... | -\n"
               "Estimates each sample's exposures to the reference signatures; writes one row per sample.",
               inputs)) {
        return 0;
    }
    validate(common);
    check_distinct_outputs({{"-o", common.output}, {"--bootstrap-out", bootstrap_out}, {"--plot", plot}});
    log::set_verbose(common.verbose);
    if (signatures_path.empty()) throw usage_error("--signatures is required", "give COSMIC's SBS96 table, e.g. COSMIC_v3.4_SBS_GRCh38.txt");
    if (bootstrap < 0) throw usage_error("--bootstrap must be >= 0");
    if (!bootstrap_out.empty() && bootstrap == 0) throw usage_error("--bootstrap-out needs --bootstrap N");
    sig::FitOptions fo;
    if (method == "select") {
        fo.method = sig::FitMethod::select;
    } else if (method == "nnls") {
        fo.method = sig::FitMethod::nnls;
    } else {
        throw usage_error("unknown --method '" + method + "'", "use select or nnls");
    }
    // -1 stands for "not given": the library's defaults.
    if (!(penalty >= 0) && penalty != -1) throw usage_error("--penalty must be a number >= 0");
    if (!(penalty_slope >= 0) && penalty_slope != -1) throw usage_error("--penalty-slope must be a number >= 0");
    fo.penalty_constant = penalty;
    fo.penalty_per_log_n = penalty_slope;

    const sig::SignatureSet all = sig::read_signatures(signatures_path);
    const sig::SignatureSet chosen = sig::choose_signatures(
        all, {exclude_artefacts, sig::split_names(exclude), sig::split_names(only)}, signatures_path);
    log::debug("fitting " + std::to_string(chosen.names.size()) + " of the " + std::to_string(all.names.size()) +
               " signatures of " + signatures_path);

    auto build = build_options(vcf, common);
    const auto input = sig::build_catalogue(inputs_or_stdin(inputs), build);
    log_summaries(input, build.catalogue.mnv);

    if (!(common_bonus >= 0)) throw usage_error("--common-bonus must be a number >= 0");
    auto always = common_names.empty() ? std::vector<std::string>{"SBS1", "SBS5"} : sig::split_names(common_names);
    if (always == std::vector<std::string>{"none"}) always.clear();
    fo.bonus.assign(chosen.names.size(), 0.0);
    for (size_t j = 0; j < chosen.names.size(); ++j) {
        if (std::find(always.begin(), always.end(), chosen.names[j]) != always.end()) fo.bonus[j] = common_bonus;
    }
    const sig::Fitter fitter(chosen, fo);
    sig::CohortOptions co;
    co.threads = common.threads;
    co.bootstrap = bootstrap;
    co.seed = seed;
    co.cohort_prior = cohort_prior;
    if (bootstrap_mode == "refit") {
        co.bootstrap_mode = sig::BootstrapMode::refit;
    } else if (bootstrap_mode == "select") {
        co.bootstrap_mode = sig::BootstrapMode::select;
    } else {
        throw usage_error("unknown --bootstrap-mode '" + bootstrap_mode + "'", "use refit or select");
    }
    const auto fits = sig::fit_cohort(input.catalogue, fitter, co);
    for (const auto& f : fits) {
        if (f.mutations <= 0) log::warning("sample " + f.sample + " has no mutations: its exposures are 0 and its cosine NA");
    }
    sig::TableOptions to;
    to.fractions = fractions;
    to.bootstrap_columns = bootstrap > 0 && bootstrap_out.empty();
    // Side files first: the main output appears only when everything worked.
    if (!bootstrap_out.empty()) write_table(bootstrap_out, sig::format_bootstrap(chosen.names, fits, to));
    if (!plot.empty()) write_table(plot, sig::plot_svg(input.catalogue, chosen, fits));
    write_table(common.output, sig::format_exposures(chosen.names, fits, to));
    return 0;
}

}  // namespace somatic::sig_tool
