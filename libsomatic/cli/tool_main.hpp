// The one place a tool turns errors into messages and exit codes.
//
//   int main(int argc, char** argv) { return somatic::tool_main("somatic-snv", argc, argv, run); }
//
// It installs the stderr log sink and the signal handlers that remove
// unfinished outputs, runs the tool, and maps what escapes it:
// usage errors exit 2, every other error 1, each as one line
// "somatic-snv: error: <file>: <what> (<hint>)".
#pragma once

#include <functional>
#include <string>

namespace somatic {

int tool_main(const char* tool, int argc, char** argv, const std::function<int(int, char**)>& run);

// The command line as typed, for ##commandline headers.
std::string command_line(int argc, char** argv);

}  // namespace somatic
