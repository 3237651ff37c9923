// Option groups that more than one subcommand takes.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/sig/catalogue_builder.hpp"

namespace somatic::sig_tool {

// What counting a VCF needs (catalogue, and fit given VCFs).
struct VcfOptions {
    std::string sample;
    std::vector<std::string> sample_names;
    bool all_filters = false;
    std::string mnv = "skip";
    double max_ref_mismatch = 0.01;
};

boost::program_options::options_description vcf_options(VcfOptions& o);

// Parses argv against `visible` plus the positional inputs with
// cli::Parser; answers --help or --version and returns false. `usage` is the
// help's first block.
bool parse(int argc, char** argv, const boost::program_options::options_description& visible, const char* usage,
           std::vector<std::string>& inputs);

// The inputs, or "-" when none is given and standard input is not a terminal.
std::vector<std::string> inputs_or_stdin(std::vector<std::string> inputs);

// Checks the VCF options and fills `build` from them and the common options.
sig::BuildOptions build_options(const VcfOptions& v, const CommonOptions& c);

// Logs each VCF's counts (info with --verbose; a warning for a VCF with no
// SNV counted).
void log_summaries(const sig::BuildResult& r, sig::MnvMode mnv);

}  // namespace somatic::sig_tool
