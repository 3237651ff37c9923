// Option groups that several subcommands share, each defined once so that
// `bins` and `run` (for instance) take the same --bin-size.
#pragma once

#include <boost/program_options.hpp>
#include <string>

#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/cnv/call_writers.hpp"
#include "libsomatic/cnv/pipeline.hpp"

namespace somatic::cnv_tool {

namespace po = boost::program_options;

po::options_description layout_options(cnv::LayoutOptions& layout, std::string& targets);
po::options_description read_options(ReadFilter& filter, bool& keep_duplicates);
po::options_description ratio_options(cnv::RatioOptions& ratio, std::string& sex, bool& no_gc);
// --germline-hets and --snp-sites, described once for `run` and `baf`.
void add_het_source_options(po::options_description& d, std::string& germline_hets, std::string& snp_sites);
po::options_description het_options(cnv::HetCriteria& het, int& min_base_quality);
po::options_description segment_options(cnv::SegmentOptions& segment, bool& no_baf);

struct FitCli {
    std::string sex;
    std::string seg, summary, plot, sample = "tumour";
};
po::options_description fit_options(cnv::CallOptions& call, FitCli& cli);

// Parses with cli::Parser: answers --help or --version (returns false), or
// stores the values. `usage` is the help's first block. Positional arguments
// go to `positional` when given, at most `max_positional` of them.
bool parse(int argc, char** argv, const std::string& usage, const po::options_description& options,
           po::variables_map& vm, std::vector<std::string>* positional = nullptr, int max_positional = 0);

// Usage error when -o, --seg, --summary and --plot do not name four
// different files.
void check_call_outputs(const FitCli& cli, const CommonOptions& common);

// Writes the calls' outputs: BED to `bed_path`, and the files FitCli names.
void write_call_outputs(const cnv::CnvCalls& calls, const cnv::SegmentInput* points, const std::string& bed_path,
                        const FitCli& cli, const CommonOptions& common, const std::string& command_line);

// The RatioOptions/HetCriteria checks that Boost cannot express.
void check_fractions(double lo, double hi, const char* what);

}  // namespace somatic::cnv_tool
