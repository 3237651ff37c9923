#include "libsomatic/core/atomic_output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>

#include "libsomatic/core/error.hpp"

namespace somatic {

namespace {

// A fixed table of C strings that a signal handler may read without locking:
// unlink() is async-signal-safe, std::string and std::vector are not.
constexpr size_t kMaxTempFiles = 64;
constexpr size_t kMaxPathLength = 4096;
std::array<std::array<char, kMaxPathLength>, kMaxTempFiles> temp_files{};
std::array<std::atomic<bool>, kMaxTempFiles> temp_in_use{};
std::mutex registry_mutex;

int register_temp(const std::string& path) {
    std::lock_guard lock(registry_mutex);
    if (path.size() >= kMaxPathLength) return -1;
    for (size_t i = 0; i < kMaxTempFiles; ++i) {
        if (!temp_in_use[i].load()) {
            std::memcpy(temp_files[i].data(), path.c_str(), path.size() + 1);
            temp_in_use[i].store(true);
            return static_cast<int>(i);
        }
    }
    return -1;
}

void unregister_temp(const std::string& path) {
    std::lock_guard lock(registry_mutex);
    for (size_t i = 0; i < kMaxTempFiles; ++i) {
        if (temp_in_use[i].load() && path == temp_files[i].data()) temp_in_use[i].store(false);
    }
}

extern "C" void remove_temps_and_die(int sig) {
    for (size_t i = 0; i < kMaxTempFiles; ++i) {
        if (temp_in_use[i].load()) unlink(temp_files[i].data());
    }
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

std::string temp_name_for(const std::string& final_path) {
    // Same directory, so that rename() is atomic; the pid keeps two runs on
    // the same output from sharing a temporary file.
    const auto slash = final_path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : final_path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? final_path : final_path.substr(slash + 1);
    return dir + "." + base + ".tmp" + std::to_string(getpid());
}

}  // namespace

AtomicOutput::AtomicOutput(std::string final_path) : final_path_(std::move(final_path)) {
    if (is_stdout()) {
        temp_path_ = "-";
        return;
    }
    // A device or a named pipe (/dev/full, a FIFO a workflow reads) is written
    // in place: there is nothing to rename, and its directory may not be ours.
    // So is a symbolic link (/dev/stdout): renaming onto it would replace the
    // link itself, not the file it names.
    struct stat st {};
    if (lstat(final_path_.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        // Found now, not after the whole run when the rename fails.
        throw io_error(final_path_, "is a directory", "give the output a file name");
    }
    if (lstat(final_path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        temp_path_ = final_path_;
        direct_ = true;
        return;
    }
    temp_path_ = temp_name_for(final_path_);
    register_temp(temp_path_);
}

AtomicOutput::~AtomicOutput() {
    if (committed_ || is_stdout() || direct_) return;
    for (const auto& [temp, final] : companions_) {
        std::remove(temp.c_str());
        unregister_temp(temp);
    }
    std::remove(temp_path_.c_str());
    unregister_temp(temp_path_);
}

std::string AtomicOutput::add_companion(const std::string& final_companion) {
    std::string temp = temp_name_for(final_companion);
    register_temp(temp);
    companions_.emplace_back(temp, final_companion);
    return temp;
}

void AtomicOutput::commit() {
    if (committed_) return;
    if (!is_stdout() && !direct_) {
        for (const auto& [temp, final] : companions_) {
            if (std::rename(temp.c_str(), final.c_str()) != 0) {
                throw io_error(final, std::string("cannot rename the finished file into place: ") +
                                          std::strerror(errno));
            }
            unregister_temp(temp);
        }
        if (std::rename(temp_path_.c_str(), final_path_.c_str()) != 0) {
            throw io_error(final_path_, std::string("cannot rename the finished file into place: ") +
                                            std::strerror(errno));
        }
        unregister_temp(temp_path_);
    }
    committed_ = true;
}

void install_cleanup_signal_handlers() {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, remove_temps_and_die);
}

void check_distinct_outputs(const std::vector<std::pair<std::string, std::string>>& outputs) {
    namespace fs = std::filesystem;
    std::vector<std::pair<std::string, std::string>> seen;  // option, normalised path
    for (const auto& [option, path] : outputs) {
        if (path.empty()) continue;
        std::error_code error;
        if (path != "-" && fs::exists(path, error) && !fs::is_regular_file(path, error)) continue;  // a device
        std::string key = path;
        if (path != "-") {
            const fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
            if (!error) key = canonical.string();
        }
        for (const auto& [other, other_key] : seen) {
            if (other_key == key) {
                throw usage_error(other + " and " + option + " name the same output (" +
                                  (path == "-" ? std::string("standard output") : path) + ")",
                                  "give each output its own file");
            }
        }
        seen.emplace_back(option, key);
    }
}

}  // namespace somatic
