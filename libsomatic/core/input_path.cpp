#include "libsomatic/core/input_path.hpp"

#include <sys/stat.h>

#include "libsomatic/core/error.hpp"

namespace somatic {

void require_input_file(const std::string& path, std::string_view kind) {
    if (path == "-") return;
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) throw input_error(path, "no such file");
    if (S_ISDIR(st.st_mode)) throw input_error(path, "is a directory, not " + std::string(kind));
}

}  // namespace somatic
