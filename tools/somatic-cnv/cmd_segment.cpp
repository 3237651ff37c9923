// somatic-cnv segment: joint segmentation of a log2 table and BAF.
#include <chrono>

#include "commands.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_segment(int argc, char** argv) {
    CommonOptions common;
    cnv::SegmentOptions seg;
    cnv::Log2TableOptions table;
    std::string baf;
    bool no_baf = false;
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("baf", po::value(&baf)->value_name("FILE"), "allele counts from 'somatic-cnv baf'")
        ("column", po::value(&table.column)->value_name("NAME"), "the table's log2 column (default: found by name)")
        ("position-scale", po::value(&table.position_scale)->default_value(1.0, "1")->value_name("K"),
         "multiply the table's positions by K (1000 for positions in kb)")
        ("sort", po::bool_switch(&table.sort), "sort the table's rows by contig and position (array tables are often unsorted)");
    po::options_description options;
    options.add(inputs).add(segment_options(seg, no_baf)).add(common_options(common, {false, false, false}));
    po::variables_map vm;
    std::vector<std::string> files;
    if (!parse(argc, argv, "Usage: somatic-cnv segment [options] ratios.tsv > segments.tsv", options, vm, &files, 1)) {
        return 0;
    }
    validate(common);
    if (files.size() != 1) throw usage_error("give one table of log2 ratios ('-' for standard input)");
    if (!(table.position_scale > 0)) throw usage_error("--position-scale must be above 0");
    if (seg.min_bins < 1) throw usage_error("--min-bins must be at least 1");
    if (!(seg.penalty >= 0)) throw usage_error("--penalty must be 0 or more");
    seg.smooth_outliers = !vm.count("no-smooth");
    seg.correlated_noise = !vm.count("independent-noise");
    seg.use_baf = !no_baf;
    seg.threads = common.threads;
    cnv::SegmentInput in = cnv::read_log2_table(files[0], table);
    if (!baf.empty() && !no_baf) {
        const size_t placed = cnv::attach_het_sites(in, cnv::read_het_table(baf));
        log::info("segment: " + std::to_string(placed) + " het sites placed in bins");
        if (placed == 0) log::warning("no het site of " + baf + " falls on a contig of the table: segmenting log2 alone");
    }
    const auto start = std::chrono::steady_clock::now();
    const cnv::Segmentation s = cnv::segment(in, seg);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    log::info("segment: " + std::to_string(s.segments.size()) + " segments from " + std::to_string(in.size()) +
              " bins in " + cnv::format_fixed(took.count(), 2) + " s");
    cnv::write_segment_table(cnv::to_table(s, in), common.output);
    return 0;
}

}  // namespace somatic::cnv_tool
