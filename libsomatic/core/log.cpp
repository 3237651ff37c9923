#include "libsomatic/core/log.hpp"

#include <atomic>
#include <mutex>

namespace somatic::log {

namespace {
std::mutex sink_mutex;  // progress comes from worker threads; lines must not interleave
Sink current_sink;
std::atomic<bool> verbose_flag{false};

void emit(Level level, const std::string& message) {
    std::lock_guard lock(sink_mutex);
    if (current_sink) current_sink(level, message);
}
}  // namespace

void set_sink(Sink sink) {
    std::lock_guard lock(sink_mutex);
    current_sink = std::move(sink);
}

void set_verbose(bool v) { verbose_flag = v; }
bool verbose() { return verbose_flag; }

void info(const std::string& message) { emit(Level::info, message); }
void warning(const std::string& message) { emit(Level::warning, message); }
void debug(const std::string& message) {
    if (verbose_flag) emit(Level::debug, message);
}

}  // namespace somatic::log
