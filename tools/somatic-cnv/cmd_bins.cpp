// somatic-cnv bins: reads per bin of one alignment file.
#include "commands.hpp"
#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/reference.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_bins(int argc, char** argv) {
    CommonOptions common;
    cnv::LayoutOptions layout;
    cnv::CountOptions count;
    std::string targets;
    bool keep_duplicates = false;
    po::options_description options;
    options.add(common_options(common, {true, true, false}))
        .add(layout_options(layout, targets))
        .add(read_options(count.filter, keep_duplicates));
    po::variables_map vm;
    std::vector<std::string> inputs;
    if (!parse(argc, argv, "Usage: somatic-cnv bins --reference ref.fa [options] sample.bam > sample.bins.tsv", options, vm,
               &inputs, 1)) {
        return 0;
    }
    validate(common);
    if (inputs.size() != 1) throw usage_error("give one BAM or CRAM file", "bin the tumour and the normal separately");
    count.filter.skip_duplicates = !keep_duplicates;
    count.threads = common.threads;
    ContigDict contigs = Reference(common.reference).contigs();
    const auto layout_table = cnv::make_layout(contigs, resolve_regions(common, contigs), targets, layout);
    auto tables = cnv::count_bins(layout_table, inputs, common.reference, count);
    cnv::write_bin_table(tables[0], common.output);
    return 0;
}

}  // namespace somatic::cnv_tool
