#include "libsomatic/report/provenance.hpp"

namespace somatic::report {

namespace {

ToolRun& run_of(std::vector<ToolRun>& runs, const std::string& tool, const std::string& input) {
    for (auto& r : runs) {
        if (r.tool == tool && r.input == input) return r;
    }
    runs.push_back(ToolRun{tool, {}, {}, input});
    return runs.back();
}

// bcftools ends each ##<tool>Command line with "; Date=<when it ran>": a
// report of the same data would differ with every run.
std::string without_date(std::string command) {
    const size_t at = command.find("; Date=");
    if (at != std::string::npos) command.erase(at);
    return command;
}

}  // namespace

void add_tool_runs(const std::vector<std::string>& header, const std::string& input, std::vector<ToolRun>& runs) {
    std::string source_tool;
    for (const auto& line : header) {
        const size_t eq = line.find('=');
        if (eq == std::string::npos || eq == 0) continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "source") {
            // "somatic-snv 0.1.0": a name, then the version when there is one.
            const size_t space = value.find(' ');
            source_tool = value.substr(0, space);
            ToolRun& r = run_of(runs, source_tool, input);
            if (space != std::string::npos && r.version.empty()) r.version = value.substr(space + 1);
        } else if (key == "commandline" && !source_tool.empty()) {
            run_of(runs, source_tool, input).command = value;
        } else if (key.size() > 7 && key.ends_with("Version")) {
            run_of(runs, key.substr(0, key.size() - 7), input).version = value;
        } else if (key.size() > 7 && key.ends_with("Command")) {
            run_of(runs, key.substr(0, key.size() - 7), input).command = without_date(value);
        }
    }
}

}  // namespace somatic::report
