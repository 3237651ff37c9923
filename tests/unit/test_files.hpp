// Scratch files for unit tests: a directory per test process, removed at exit.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace somatic::testing {

// The process's scratch directory; its destructor runs at exit.
struct ScratchDirectory {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("somatic_unit_" + std::to_string(getpid()));
    ScratchDirectory() { std::filesystem::create_directories(path); }
    ~ScratchDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

inline std::filesystem::path scratch(const std::string& name) {
    static const ScratchDirectory dir;
    return dir.path / name;
}

inline std::string write_text(const std::string& name, const std::string& text) {
    const auto path = scratch(name);
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace somatic::testing
