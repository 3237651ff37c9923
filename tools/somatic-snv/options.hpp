// somatic-snv's command line: the shared options plus the caller's own, each
// with its default taken from snv::PipelineOptions.
#pragma once

#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/snv/pipeline.hpp"

namespace somatic::snv_tool {

// Parses argv into `common` (the options every tool shares) and `options`
// (the shared ones' values handed over: regions resolved against the
// reference, output format from -O or the name), and checks them (errors
// name the flags); returns false when --help or --version was answered.
bool parse(int argc, char** argv, CommonOptions& common, snv::PipelineOptions& options);

}  // namespace somatic::snv_tool
