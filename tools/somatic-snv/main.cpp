// somatic-snv: parse the command line, then hand over to the library's
// pipeline (libsomatic/snv/pipeline.hpp), which calls and writes the VCF.
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"

using namespace somatic;

namespace {

int run(int argc, char** argv) {
    CommonOptions common;
    snv::PipelineOptions options;
    if (!snv_tool::parse(argc, argv, common, options)) return 0;
    log::set_verbose(common.verbose);
    snv::run_pipeline(std::move(options));
    return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool_main("somatic-snv", argc, argv, run); }
