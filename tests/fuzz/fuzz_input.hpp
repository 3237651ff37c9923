// Shared by the fuzz harnesses. The parsers under test read files (they take
// a path, as the tools do), so each input is written to one scratch file and
// the parser opens it like any other. An input may make a parser throw
// somatic::Error of kind input, usage or io: that is the parser rejecting bad
// data, the expected outcome. Anything else (a crash, a sanitizer report, an
// internal error, an exception of another type) is a bug and stops the run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "libsomatic/core/error.hpp"

namespace somatic::fuzz {

class ScratchFile {
public:
    explicit ScratchFile(const char* suffix = "") {
        const char* tmp = std::getenv("TMPDIR");
        std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/somatic-fuzz-XXXXXX";
        if (!mkdtemp(dir.data())) std::abort();
        dir_ = dir;
        path_ = dir_ + "/input" + suffix;
    }
    ~ScratchFile() {
        std::remove(path_.c_str());
        rmdir(dir_.c_str());
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    // Replaces the file's content with the fuzzer's bytes; returns its path.
    const std::string& write(const uint8_t* data, size_t size) {
        std::FILE* f = std::fopen(path_.c_str(), "wb");
        if (!f) std::abort();
        if (size && std::fwrite(data, 1, size, f) != size) std::abort();
        if (std::fclose(f) != 0) std::abort();
        return path_;
    }
    const std::string& dir() const { return dir_; }

private:
    std::string dir_;
    std::string path_;
};

// Runs one parse; a rejection by somatic::Error is fine unless it says the
// library found an internal inconsistency.
template <class Parse>
int parse_or_reject(Parse&& parse) {
    try {
        parse();
    } catch (const somatic::Error& e) {
        if (e.kind() == somatic::ErrorKind::internal) throw;
    }
    return 0;
}

}  // namespace somatic::fuzz
