// somatic-cnv fit: purity, ploidy and calls from a segments table.
#include "commands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_fit(int argc, char** argv) {
    CommonOptions common;
    cnv::FitJob job;
    bool no_baf = false;
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("sex", po::value(&job.call.sex)->default_value(job.call.sex, sex_text(job.call.sex))->value_name("female|male|auto"),
         "the patient's sex; auto: the segments table's ##sex line")
        ("no-baf", po::bool_switch(&no_baf), "fit on log2 ratios alone")
        ("ratios", po::value(&job.ratios)->value_name("FILE"), "the bins' log2 ratios, for the points of --plot")
        ("baf", po::value(&job.baf)->value_name("FILE"), "allele counts, for the points of --plot");
    po::options_description options;
    options.add(inputs).add(fit_options(job.call, job.outputs)).add(common_options(common, {true, false, false}));
    po::variables_map vm;
    std::vector<std::string> files;
    if (!parse(argc, argv, "Usage: somatic-cnv fit [options] segments.tsv > calls.bed", options, vm, &files, 1)) return 0;
    validate(common);
    log::set_verbose(common.verbose);
    if (files.size() != 1) throw usage_error("give one segments table ('-' for standard input)");
    job.segments = files[0];
    job.call.fit.use_baf = !no_baf;
    job.outputs.bed_file = common.output;
    job.outputs.reference = common.reference;  // its contig lengths pick HRD's centromeres
    job.outputs.provenance = provenance(common, "somatic-cnv " + command_line(argc, argv));
    cli::with_flags(kFlags, [&] { job.validate(); });
    cnv::run(job);
    return 0;
}

}  // namespace somatic::cnv_tool
