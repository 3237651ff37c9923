// somatic-sig: SBS96 catalogues, signature fitting and extraction.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "somatic_version.h"

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* summary;
};

constexpr Command kCommands[] = {
    {"catalogue", somatic::sig_tool::run_catalogue, "count somatic SNVs of VCFs into an SBS96 catalogue"},
    {"fit", somatic::sig_tool::run_fit, "estimate each sample's exposures to reference signatures"},
};

void usage(std::FILE* to) {
    std::fprintf(to, "somatic-sig %s: mutational signatures of somatic SNVs\n\n", SOMATIC_VERSION);
    std::fprintf(to, "Usage: somatic-sig <command> [options]\n\nCommands:\n");
    for (const auto& c : kCommands) std::fprintf(to, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(to, "\n'somatic-sig <command> --help' lists a command's options; 'man somatic-sig' explains them.\n");
}

int run(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        usage(stdout);
        return 0;
    }
    if (cmd == "--version") {
        std::printf("somatic-sig %s\n", SOMATIC_VERSION);
        return 0;
    }
    for (const auto& c : kCommands) {
        if (cmd == c.name) return c.run(argc - 1, argv + 1);
    }
    throw somatic::usage_error("unknown command '" + cmd + "'", "the commands are catalogue and fit");
}

}  // namespace

int main(int argc, char** argv) { return somatic::tool_main("somatic-sig", argc, argv, run); }
