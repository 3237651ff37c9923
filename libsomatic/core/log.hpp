// Logging and progress.
//
// The library never prints: it hands messages to a sink that the tool
// installs (stderr in every tool). With no sink installed, messages vanish,
// which is what a program embedding libsomatic wants by default.
#pragma once

#include <functional>
#include <string>

namespace somatic::log {

enum class Level { info, warning, debug };

using Sink = std::function<void(Level, const std::string&)>;

void set_sink(Sink sink);
void set_verbose(bool verbose);
bool verbose();

void info(const std::string& message);
void warning(const std::string& message);
void debug(const std::string& message);  // only with set_verbose(true)

}  // namespace somatic::log
