// Scratch files for unit tests: a directory per test process, removed at exit.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace somatic::testing {

inline std::filesystem::path scratch(const std::string& name) {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("somatic_unit_" + std::to_string(getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir / name;
}

inline std::string write_text(const std::string& name, const std::string& text) {
    const auto path = scratch(name);
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace somatic::testing
