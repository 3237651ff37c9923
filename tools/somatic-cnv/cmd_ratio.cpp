// somatic-cnv ratio: tumour/normal log2 ratios from two bins tables.
#include "commands.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_ratio(int argc, char** argv) {
    CommonOptions common;
    cnv::RatioJob job;
    bool no_gc = false;
    po::options_description options;
    po::options_description pool("Inputs");
    add_pooled_reference_option(pool, job.pooled_reference);
    options.add(pool).add(common_options(common, {false, false, false})).add(ratio_options(job.ratio, no_gc));
    po::variables_map vm;
    std::vector<std::string> inputs;
    if (!parse(argc, argv, "Usage: somatic-cnv ratio [options] tumour.bins.tsv normal.bins.tsv > ratios.tsv\n"
               "       somatic-cnv ratio --pooled-reference ref.tsv [options] tumour.bins.tsv [normal.bins.tsv] > ratios.tsv", options, vm,
               &inputs, 2)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    if (job.pooled_reference.empty() && inputs.size() != 2) {
        throw usage_error("give the tumour's and the normal's bins tables, in that order", "or --pooled-reference");
    }
    if (inputs.empty()) throw usage_error("give the tumour's bins table");
    job.tumour_bins = inputs[0];
    if (inputs.size() == 2) job.normal_bins = inputs[1];
    job.output = common.output;
    job.ratio.gc_correct = !no_gc;
    cli::with_flags(kFlags, [&] { job.validate(); });
    cnv::run(job);
    return 0;
}

}  // namespace somatic::cnv_tool
