// Option groups that more than one subcommand takes.
#pragma once

#include <boost/program_options.hpp>
#include <functional>
#include <string>
#include <vector>

#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/sig/catalogue_builder.hpp"

namespace somatic::sig_tool {

// The flags of counting a VCF (catalogue, and fit and extract given VCFs)
// that need translating into sig::BuildOptions; the others are bound to
// its fields directly, defaults included.
struct VcfOptions {
    std::vector<std::string> sample_names;
    std::string mnv = "skip";
    std::string adjacent = "auto";
    std::string type;  // --type; empty: the default of the command
};

// `all_types`: the command (catalogue) takes --type all.
boost::program_options::options_description vcf_options(VcfOptions& o, sig::BuildOptions& build, bool all_types = false);

// Parses argv against `visible` plus the positional inputs with
// cli::Parser; answers --help or --version and returns false. `usage` is the
// help's first block.
bool parse(int argc, char** argv, const boost::program_options::options_description& visible, const char* usage,
           std::vector<std::string>& inputs);

// The inputs, or "-" when none is given and standard input is not a terminal.
std::vector<std::string> inputs_or_stdin(std::vector<std::string> inputs);

// Fills the rest of `build` from the VCF flags and the common options.
void finish_build_options(const VcfOptions& v, const CommonOptions& c, sig::BuildOptions& build);

// Runs `f`, turning the library's OptionError, which names a field of an
// options struct, into the usage error that names the flag (cli::to_flags).
void with_flag_names(const std::function<void()>& f);

}  // namespace somatic::sig_tool
