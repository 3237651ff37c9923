// somatic-cnv segment: joint segmentation of a log2 table and BAF.
#include "commands.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_segment(int argc, char** argv) {
    CommonOptions common;
    cnv::SegmentJob job;
    cnv::Log2TableOptions& table = job.table;
    bool no_baf = false;
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("baf", po::value(&job.baf)->value_name("FILE"), "allele counts from 'somatic-cnv baf'")
        ("column", po::value(&table.column)->value_name("NAME"), "the table's log2 column (default: found by name)")
        ("position-scale",
         po::value(&table.position_scale)->default_value(table.position_scale, cnv::format_real(table.position_scale))->value_name("K"),
         "multiply the table's positions by K (1000 for positions in kb)")
        ("sort", po::bool_switch(&table.sort), "sort the table's rows by contig and position (array tables are often unsorted)");
    po::options_description options;
    options.add(inputs).add(segment_options(job.segment, no_baf)).add(common_options(common, {false, false, false}));
    po::variables_map vm;
    std::vector<std::string> files;
    if (!parse(argc, argv, "Usage: somatic-cnv segment [options] ratios.tsv > segments.tsv", options, vm, &files, 1)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    if (files.size() != 1) throw usage_error("give one table of log2 ratios ('-' for standard input)");
    job.log2_table = files[0];
    job.output = common.output;
    job.segment.smooth_outliers = !vm.count("no-smooth");
    job.segment.correlated_noise = !vm.count("independent-noise");
    job.segment.use_baf = !no_baf;
    job.segment.threads = common.threads;
    cli::with_flags(kFlags, [&] { job.validate(); });
    cnv::run(job);
    return 0;
}

}  // namespace somatic::cnv_tool
