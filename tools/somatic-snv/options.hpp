// somatic-snv's command line: the shared options plus the caller's own, each
// with its default taken from snv::PipelineOptions.
#pragma once

#include "libsomatic/snv/pipeline.hpp"

namespace somatic::snv_tool {

// Parses argv into `options` and checks them (errors name the flags);
// returns false when --help or --version was answered.
bool parse(int argc, char** argv, snv::PipelineOptions& options);

}  // namespace somatic::snv_tool
