// somatic-msi: microsatellite instability of a tumour against its normal.
#include <cstdio>

#include "commands.hpp"
#include "libsomatic/cli/subcommands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "somatic_version.h"

namespace {

constexpr somatic::Subcommand kCommands[] = {
    {"scan", somatic::msi_tool::run_scan, "list a reference's microsatellites as a sites BED"},
    {"call", somatic::msi_tool::run_call, "test each site's repeat lengths in tumour and normal; MSI-H or MSS"},
};

void heading(std::FILE* to) {
    std::fprintf(to, "somatic-msi %s: microsatellite instability from tumour and normal reads\n\n", SOMATIC_VERSION);
    std::fprintf(to, "Usage: somatic-msi <command> [options]\n\n");
}

int run(int argc, char** argv) {
    const somatic::SubcommandTool tool{"somatic-msi", heading, kCommands};
    return somatic::dispatch_subcommand(tool, argc, argv);
}

}  // namespace

int main(int argc, char** argv) { return somatic::tool_main("somatic-msi", argc, argv, run); }
