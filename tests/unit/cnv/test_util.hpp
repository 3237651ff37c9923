// Helpers for the cnv unit tests: a temporary file that removes itself and
// a deterministic random source.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace somatic::cnv::test {

class TempFile {
public:
    explicit TempFile(const std::string& content, const std::string& suffix = ".tsv") {
        static int counter = 0;
        path_ = (std::filesystem::temp_directory_path() /
                 ("somatic_cnv_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + suffix))
                    .string();
        std::ofstream(path_) << content;
    }
    ~TempFile() { std::remove(path_.c_str()); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

inline std::string read_all(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace somatic::cnv::test
