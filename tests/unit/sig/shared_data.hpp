// Where the optional shared benchmark data is: $SOMATIC_SHARED_DATA, else
// ../shared/data beside the repository. Tests that use it skip (with a
// message) when it is absent.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace somatic::testing {

inline std::string shared_data() {
    if (const char* env = std::getenv("SOMATIC_SHARED_DATA")) {
        if (std::filesystem::is_directory(env)) return env;
    }
    const auto p = std::filesystem::path(SOMATIC_TESTDATA) / ".." / ".." / "shared" / "data";
    return std::filesystem::is_directory(p) ? p.lexically_normal().string() : std::string();
}

}  // namespace somatic::testing
