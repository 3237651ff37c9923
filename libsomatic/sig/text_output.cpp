#include "libsomatic/sig/text_output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

#include "libsomatic/core/atomic_output.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic::sig {

namespace {

void write_all(std::FILE* f, const std::string& path, const std::string& text) {
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const int saved = errno;
    if (std::fclose(f) != 0 || !written) {
        throw io_error(path, std::string("write failed: ") + std::strerror(written ? errno : saved), "is the disk full?");
    }
}

}  // namespace

void write_text_output(const std::string& path, const std::string& text) {
    // A device or a pipe (/dev/stdout, /dev/null, a FIFO) is written in place:
    // renaming a temporary file over it would replace the device node.
    struct stat st {};
    if (path != "-" && stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) throw io_error(path, "is a directory", "give a file name for the output");
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) throw io_error(path, std::string("cannot open for writing: ") + std::strerror(errno));
        write_all(f, path, text);
        return;
    }
    AtomicOutput out(path);
    if (out.is_stdout()) {
        if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
            throw io_error(display_name(path, true), std::string("write failed: ") + std::strerror(errno));
        }
        return;
    }
    std::FILE* f = std::fopen(out.write_path().c_str(), "wb");
    if (!f) {
        throw io_error(path, std::string("cannot create: ") + std::strerror(errno), "check the directory exists and is writable");
    }
    write_all(f, path, text);
    out.commit();
}

}  // namespace somatic::sig
