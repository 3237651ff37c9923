// Option groups that several subcommands share, each defined once so that
// `bins` and `run` (for instance) take the same --bin-size. Every default is
// the library struct's own.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/cli/flag_names.hpp"
#include "libsomatic/cnv/commands.hpp"

namespace somatic::cnv {
// --sex takes female, male or auto (Sex::unknown); anything else is a usage error.
void validate(boost::any& value, const std::vector<std::string>& tokens, Sex*, int);
}  // namespace somatic::cnv

namespace somatic::cnv_tool {

namespace po = boost::program_options;

po::options_description layout_options(cnv::LayoutOptions& layout, std::string& targets);
po::options_description read_options(ReadFilter& filter, bool& keep_duplicates);
po::options_description ratio_options(cnv::RatioOptions& ratio, bool& no_gc);
// `reference`'s limits on a usable bin.
po::options_description pool_options(cnv::PoolOptions& pool, bool& no_gc);
// --pooled-reference, described once for `run` and `ratio`.
void add_pooled_reference_option(po::options_description& d, std::string& path);
// --germline-hets and --snp-sites, described once for `run` and `baf`.
void add_het_source_options(po::options_description& d, std::string& germline_hets, std::string& snp_sites);
po::options_description het_options(cnv::HetCriteria& het, int& min_base_quality);
po::options_description segment_options(cnv::SegmentOptions& segment, bool& no_baf);
// The fit's options and the calls' side files (--seg, --summary, --plot, --sample).
po::options_description fit_options(cnv::CallOptions& call, cnv::CallOutputs& outputs);
// --sex's help text for its default.
std::string sex_text(cnv::Sex sex);

// Parses with cli::Parser: answers --help or --version (returns false), or
// stores the values. `usage` is the help's first block. Positional arguments
// go to `positional` when given, at most `max_positional` of them.
bool parse(int argc, char** argv, const std::string& usage, const po::options_description& options,
           po::variables_map& vm, std::vector<std::string>* positional = nullptr, int max_positional = 0);

// The flag that sets each field of the cnv option structs and jobs, for
// cli::with_flags (field names are unique across the structs somatic-cnv
// fills): the library's "min_af" is the user's --het-min-af.
extern const cli::FlagNames kFlags;

// The intervals of -r/-R over --reference's contigs; empty (the whole
// reference) when neither is given.
std::vector<Interval> chosen_regions(const CommonOptions& common);

// The calls' ##source/##commandline lines, or none with --no-version.
cnv::Provenance provenance(const CommonOptions& common, const std::string& command_line);

}  // namespace somatic::cnv_tool
