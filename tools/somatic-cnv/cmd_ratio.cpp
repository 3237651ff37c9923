// somatic-cnv ratio: tumour/normal log2 ratios from two bins tables.
#include "commands.hpp"
#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/core/error.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_ratio(int argc, char** argv) {
    CommonOptions common;
    cnv::RatioOptions ratio;
    std::string sex;
    bool no_gc = false;
    po::options_description options;
    options.add(common_options(common, {false, false, false})).add(ratio_options(ratio, sex, no_gc));
    po::variables_map vm;
    std::vector<std::string> inputs;
    if (!parse(argc, argv, "Usage: somatic-cnv ratio [options] tumour.bins.tsv normal.bins.tsv > ratios.tsv", options, vm,
               &inputs, 2)) {
        return 0;
    }
    validate(common);
    if (inputs.size() != 2) throw usage_error("give the tumour's and the normal's bins tables, in that order");
    ratio.sex = cnv::parse_sex(sex);
    ratio.gc_correct = !no_gc;
    const cnv::BinTable tumour = cnv::read_bin_table(inputs[0]);
    const cnv::BinTable normal = cnv::read_bin_table(inputs[1]);
    cnv::write_ratio_table(cnv::compute_ratios(tumour, normal, ratio, display_name(inputs[0]), display_name(inputs[1])),
                           common.output);
    return 0;
}

}  // namespace somatic::cnv_tool
