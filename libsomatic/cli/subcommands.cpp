#include "libsomatic/cli/subcommands.hpp"

#include "libsomatic/cli/parser.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic {

namespace {
void usage(const SubcommandTool& t, std::FILE* to) {
    if (t.heading) t.heading(to);
    std::fprintf(to, "Commands:\n");
    for (const auto& c : t.commands) std::fprintf(to, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(to, "\n'%s <command> --help' lists a command's options.\n%s\n", t.tool,
                 cli::help_footer(t.tool).c_str());
}
}  // namespace

int dispatch_subcommand(const SubcommandTool& t, int argc, char** argv) {
    if (argc < 2) {
        usage(t, stderr);
        return 2;
    }
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        usage(t, stdout);
        return 0;
    }
    if (first == "--version") {
        std::printf("%s\n", cli::version_line(t.tool).c_str());
        return 0;
    }
    if (!first.empty() && first[0] == '-' && t.options_only) return t.options_only(argc, argv);
    for (const auto& c : t.commands) {
        if (first == c.name) return c.run(argc - 1, argv + 1);
    }
    throw usage_error("unknown command '" + first + "'", std::string("see '") + t.tool + " --help'");
}

}  // namespace somatic
