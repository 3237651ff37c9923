#include "flags.hpp"

#include <utility>

namespace somatic::cnv_tool {

namespace {

// Every field of the cnv option structs (and the subcommands' jobs) that a
// flag sets. Field names are unique across the structs somatic-cnv fills.
constexpr std::pair<std::string_view, std::string_view> kFlags[] = {
    // PipelineOptions, HetSource and the jobs
    {"reference", "--reference"}, {"threads", "--threads"}, {"tumour", "--tumour"}, {"normal", "--normal"},
    {"germline_hets", "--germline-hets"}, {"snp_sites", "--snp-sites"}, {"targets", "--targets"},
    // LayoutOptions
    {"bin_size", "--bin-size"}, {"target_bin_size", "--target-bin-size"}, {"off_target_bin_size", "--off-target-bin-size"},
    // RatioOptions
    {"max_n_fraction", "--max-n-fraction"}, {"min_normal_depth", "--min-normal-depth-ratio"},
    {"max_normal_depth", "--max-normal-depth-ratio"},
    // HetCriteria, PileupHetOptions
    {"min_af", "--het-min-af"}, {"max_af", "--het-max-af"}, {"min_depth", "--het-min-depth"},
    {"min_base_quality", "--min-base-quality"},
    // Log2TableOptions, SegmentOptions
    {"column", "--column"}, {"position_scale", "--position-scale"}, {"penalty", "--penalty"}, {"min_bins", "--min-bins"},
    // FitOptions
    {"purity", "--purity"}, {"ploidy", "--ploidy"}, {"purity_min", "--min-purity"}, {"purity_max", "--max-purity"},
    {"ploidy_min", "--min-ploidy"}, {"ploidy_max", "--max-ploidy"}, {"max_cn", "--max-cn"},
    {"log2_tolerance", "--log2-tolerance"}, {"baf_tolerance", "--baf-tolerance"},
    // CallOutputs
    {"bed", "-o"}, {"seg", "--seg"}, {"summary", "--summary"}, {"plot", "--plot"}, {"sample", "--sample"},
};

}  // namespace

std::string flag_of(std::string_view field) {
    for (const auto& [f, flag] : kFlags) {
        if (f == field) return std::string(flag);
    }
    return std::string(field);
}

Error in_flag_names(const cnv::OptionError& e) { return usage_error(e.problem_as(flag_of), e.hint_as(flag_of)); }

}  // namespace somatic::cnv_tool
