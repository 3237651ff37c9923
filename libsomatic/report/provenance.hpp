// Which tool made an input, and how: from the header lines tools leave.
//   ##source=somatic-snv 0.1.0            (VCF; somatic-cnv's BED too)
//   ##<tool>Version=... ##<tool>Command=... (htslib's and bcftools' habit:
//                                          ##bcftools_csqVersion, ##somatic-snvCommand)
//   ##commandline=...                      (somatic-cnv's BED)
// bcftools' "; Date=..." at the end of a command is left out: the report of
// the same data is the same file whenever it is made.
#pragma once

#include <string>
#include <vector>

namespace somatic::report {

struct ToolRun {
    std::string tool;     // "somatic-snv", "bcftools_csq"
    std::string version;  // may be empty
    std::string command;  // may be empty
    std::string input;    // the report input whose header named it ("--snv")
};

// Adds the runs that `header` ("key=value" lines without "##") names.
void add_tool_runs(const std::vector<std::string>& header, const std::string& input, std::vector<ToolRun>& runs);

}  // namespace somatic::report
