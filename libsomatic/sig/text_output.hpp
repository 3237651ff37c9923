// Writing a finished text table to a file (atomically: temporary name, then
// rename) or to standard output, with every write checked so that a full
// disk or a closed pipe is an error rather than a short file.
#pragma once

#include <string>

namespace somatic::sig {

// `path` "-" is standard output.
void write_text_output(const std::string& path, const std::string& text);

}  // namespace somatic::sig
