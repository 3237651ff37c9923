// Where the optional shared benchmark data is: $SOMATIC_SHARED_DATA, else
// ../shared/data beside the repository. Tests that use it skip (with a
// message) when it is absent.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace somatic::testing {

inline std::string shared_data() {
    if (const char* env = std::getenv("SOMATIC_SHARED_DATA")) {
        if (std::filesystem::is_directory(env)) return env;
    }
    const auto p = std::filesystem::path(SOMATIC_TESTDATA) / ".." / ".." / "shared" / "data";
    return std::filesystem::is_directory(p) ? p.lexically_normal().string() : std::string();
}

// The row names (first column, header line skipped) of a COSMIC table in
// the shared data's signatures/ folder; empty when the file is absent.
inline std::vector<std::string> shared_signature_rows(const std::string& file) {
    const std::string data = shared_data();
    std::vector<std::string> rows;
    std::ifstream in(data + "/signatures/" + file);
    if (data.empty() || !in) return rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) rows.push_back(line.substr(0, line.find('\t')));
    return rows;
}

}  // namespace somatic::testing
