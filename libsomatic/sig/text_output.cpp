#include "libsomatic/sig/text_output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "libsomatic/core/atomic_output.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic::sig {

void write_text_output(const std::string& path, const std::string& text) {
    // AtomicOutput writes standard output, devices, pipes and symbolic links
    // in place and everything else under a temporary name; this only adds
    // the checked write.
    AtomicOutput out(path);
    if (out.is_stdout()) {
        if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
            throw io_error(display_name(path, true), std::string("write failed: ") + std::strerror(errno));
        }
        return;
    }
    std::FILE* f = std::fopen(out.write_path().c_str(), "wb");
    if (!f) {
        throw io_error(path, std::string("cannot open for writing: ") + std::strerror(errno),
                       "check the directory exists and is writable");
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const int saved = errno;
    if (std::fclose(f) != 0 || !written) {
        throw io_error(path, std::string("write failed: ") + std::strerror(written ? errno : saved), "is the disk full?");
    }
    out.commit();
}

}  // namespace somatic::sig
