// somatic-sig: SBS96 catalogues, signature fitting and extraction.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.hpp"
#include "libsomatic/cli/subcommands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "somatic_version.h"

namespace {

constexpr somatic::Subcommand kCommands[] = {
    {"catalogue", somatic::sig_tool::run_catalogue, "count somatic SNVs of VCFs into an SBS96 catalogue"},
    {"fit", somatic::sig_tool::run_fit, "estimate each sample's exposures to reference signatures"},
    {"extract", somatic::sig_tool::run_extract, "find a cohort's signatures de novo (NMF)"},
};

void heading(std::FILE* to) {
    std::fprintf(to, "somatic-sig %s: mutational signatures of somatic SNVs\n\n", SOMATIC_VERSION);
    std::fprintf(to, "Usage: somatic-sig <command> [options]\n\n");
}

int run(int argc, char** argv) {
    const somatic::SubcommandTool tool{"somatic-sig", heading, kCommands};
    return somatic::dispatch_subcommand(tool, argc, argv);
}

}  // namespace

int main(int argc, char** argv) { return somatic::tool_main("somatic-sig", argc, argv, run); }
