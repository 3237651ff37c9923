// somatic-cnv reference: a pooled copy-number reference from many normals.
#include "commands.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"
#include "somatic_version.h"

namespace somatic::cnv_tool {

int run_reference(int argc, char** argv) {
    CommonOptions common;
    cnv::ReferenceJob job;
    bool keep_duplicates = false, no_gc = false;
    po::options_description options;
    options.add(common_options(common, {true, true, false}))
        .add(layout_options(job.layout, job.targets))
        .add(read_options(job.count.filter, keep_duplicates))
        .add(pool_options(job.pool, no_gc));
    po::variables_map vm;
    std::vector<std::string> inputs;
    if (!parse(argc, argv,
               "Usage: somatic-cnv reference --reference ref.fa [--targets targets.bed] [options] N1.bam N2.bam ... > pool.tsv",
               options, vm, &inputs, -1)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    if (inputs.empty()) throw usage_error("give the normals' BAM or CRAM files");
    job.normals = inputs;
    job.reference = common.reference;
    job.output = common.output;
    job.count.filter.skip_duplicates = !keep_duplicates;
    job.count.threads = common.threads;
    job.pool.gc_correct = !no_gc;
    if (!common.no_version) job.version = SOMATIC_VERSION;
    cli::with_flags(kFlags, [&] { job.validate(); });
    job.regions = chosen_regions(common);
    cnv::run(job);
    return 0;
}

}  // namespace somatic::cnv_tool
