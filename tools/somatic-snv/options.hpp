// somatic-snv's command line: the shared options plus the caller's own.
#pragma once

#include <string>

#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/snv/caller.hpp"

namespace somatic::snv_tool {

struct Options {
    CommonOptions common;
    snv::CallerInputs inputs;
    snv::CallerOptions caller;
    std::string tumour_name, normal_name;
    std::string germline_hets_output;
    std::string targets;          // --targets BED
    int64_t target_padding = 100;  // --target-padding
    int64_t chunk_size = 250000;
    bool pass_only = false;
    bool estimate_prior = true;              // --somatic-prior auto
    bool estimate_orientation_rates = true;  // --orientation-artefact-rate auto
    bool estimate_strand_rates = true;       // --strand-artefact-rate auto
};

// Parses argv; returns false when --help or --version was answered.
bool parse(int argc, char** argv, Options& options);

}  // namespace somatic::snv_tool
