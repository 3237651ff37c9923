// Tools made of subcommands (`somatic-cnv segment`, `somatic-sig fit`):
// one table of names, and one dispatcher for --help, --version and unknown
// names, so every such tool behaves the same at its first argument. Each
// subcommand parses the rest with cli::Parser, which answers --help and
// --version the same way.
#pragma once

#include <cstdio>
#include <functional>
#include <span>
#include <string>

namespace somatic {

struct Subcommand {
    const char* name;
    int (*run)(int, char**);  // gets argv from the subcommand's name on
    const char* summary;
};

struct SubcommandTool {
    const char* tool;                          // "somatic-cnv"
    std::function<void(std::FILE*)> heading;   // what comes before the command list
    std::span<const Subcommand> commands;
    int (*options_only)(int, char**) = nullptr;  // runs when the first argument is an option
};

// Prints the usage, answers --help/--version, runs the named subcommand, or
// throws a usage error for an unknown name.
int dispatch_subcommand(const SubcommandTool& tool, int argc, char** argv);

}  // namespace somatic
