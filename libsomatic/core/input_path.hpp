// The first check of every input file: it exists and is not a directory, so
// that the message names the problem instead of htslib's "cannot open".
#pragma once

#include <string>
#include <string_view>

namespace somatic {

// Throws an input error unless `path` is "-" (standard input) or an existing
// non-directory; `kind` ends the directory message: "is a directory, not <kind>".
void require_input_file(const std::string& path, std::string_view kind = "a file");

}  // namespace somatic
