// somatic-cnv fit: purity, ploidy and calls from a segments table.
#include "commands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/core/error.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

void check_fit(const cnv::FitOptions& f) {
    if (!std::isnan(f.purity) && !(f.purity > 0 && f.purity <= 1)) throw usage_error("--purity must be in (0, 1]");
    if (!std::isnan(f.ploidy) && !(f.ploidy > 0)) throw usage_error("--ploidy must be above 0");
    if (!(f.purity_min > 0 && f.purity_min <= f.purity_max && f.purity_max <= 1)) {
        throw usage_error("--min-purity/--max-purity must satisfy 0 < min <= max <= 1");
    }
    if (!(f.ploidy_min > 0 && f.ploidy_min <= f.ploidy_max)) throw usage_error("--min-ploidy must be above 0 and at most --max-ploidy");
    if (f.max_cn < 1 || f.max_cn > 50) throw usage_error("--max-cn must be between 1 and 50");
}

int run_fit(int argc, char** argv) {
    CommonOptions common;
    cnv::CallOptions call;
    FitCli cli;
    std::string ratios, baf;
    bool no_baf = false;
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("sex", po::value(&cli.sex)->default_value("auto")->value_name("female|male|auto"),
         "the patient's sex; auto: the segments table's ##sex line")
        ("no-baf", po::bool_switch(&no_baf), "fit on log2 ratios alone")
        ("ratios", po::value(&ratios)->value_name("FILE"), "the bins' log2 ratios, for the points of --plot")
        ("baf", po::value(&baf)->value_name("FILE"), "allele counts, for the points of --plot");
    po::options_description options;
    options.add(inputs).add(fit_options(call, cli)).add(common_options(common, {false, false, false}));
    po::variables_map vm;
    std::vector<std::string> files;
    if (!parse(argc, argv, "Usage: somatic-cnv fit [options] segments.tsv > calls.bed", options, vm, &files, 1)) return 0;
    validate(common);
    check_call_outputs(cli, common);
    if (files.size() != 1) throw usage_error("give one segments table ('-' for standard input)");
    check_fit(call.fit);
    call.sex = cnv::parse_sex(cli.sex);
    call.fit.use_baf = !no_baf;
    const cnv::CnvCalls calls = cnv::call_copy_number(cnv::read_segment_table(files[0]), call);
    std::unique_ptr<cnv::SegmentInput> points;
    if (!cli.plot.empty() && !ratios.empty()) {
        points = std::make_unique<cnv::SegmentInput>(cnv::read_log2_table(ratios));
        if (!baf.empty()) cnv::attach_het_sites(*points, cnv::read_het_table(baf));
    }
    write_call_outputs(calls, points.get(), common.output, cli, common, "somatic-cnv " + command_line(argc, argv));
    return 0;
}

}  // namespace somatic::cnv_tool
