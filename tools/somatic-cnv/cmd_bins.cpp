// somatic-cnv bins: reads per bin of one alignment file.
#include "commands.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_bins(int argc, char** argv) {
    CommonOptions common;
    cnv::BinsJob job;
    bool keep_duplicates = false;
    po::options_description options;
    options.add(common_options(common, {true, true, false}))
        .add(layout_options(job.layout, job.targets))
        .add(read_options(job.count.filter, keep_duplicates));
    po::variables_map vm;
    std::vector<std::string> inputs;
    if (!parse(argc, argv, "Usage: somatic-cnv bins --reference ref.fa [options] sample.bam > sample.bins.tsv", options, vm,
               &inputs, 1)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    if (inputs.size() != 1) throw usage_error("give one BAM or CRAM file", "bin the tumour and the normal separately");
    job.alignments = inputs[0];
    job.reference = common.reference;
    job.output = common.output;
    job.count.filter.skip_duplicates = !keep_duplicates;
    job.count.threads = common.threads;
    cli::with_flags(kFlags, [&] { job.validate(); });
    job.regions = chosen_regions(common);
    cnv::run(job);
    return 0;
}

}  // namespace somatic::cnv_tool
