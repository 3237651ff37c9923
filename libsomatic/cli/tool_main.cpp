#include "libsomatic/cli/tool_main.hpp"

#include <boost/program_options/errors.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>

#include "libsomatic/core/atomic_output.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"

namespace somatic {

std::string command_line(int argc, char** argv) {
    std::string s;
    for (int i = 0; i < argc; ++i) {
        if (i) s += ' ';
        s += argv[i];
    }
    return s;
}

namespace {
// A closed standard stream would hand its descriptor number to the next file
// opened (the reference, a BAM), and output meant for standard output would
// go to that file. Hold each closed number with /dev/null opened read-only:
// a write to a closed standard output still fails, with EBADF.
void hold_closed_standard_streams() {
    for (int fd = 0; fd <= 2; ++fd) {
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            const int held = open("/dev/null", O_RDONLY);
            if (held != fd && held >= 0) close(held);  // fd was taken meanwhile: nothing to hold
        }
    }
}
}  // namespace

int tool_main(const char* tool, int argc, char** argv, const std::function<int(int, char**)>& run) {
    hold_closed_standard_streams();
    install_cleanup_signal_handlers();
    // A closed downstream pipe (`| head`) ends the program by SIGPIPE, quietly,
    // as every Unix filter does.
    std::signal(SIGPIPE, SIG_DFL);
    const std::string name = tool;
    log::set_sink([name](log::Level level, const std::string& message) {
        const char* tag = level == log::Level::warning ? "warning: " : "";
        std::fprintf(stderr, "%s: %s%s\n", name.c_str(), tag, message.c_str());
    });
    try {
        return run(argc, argv);
    } catch (const Error& e) {
        std::fprintf(stderr, "%s: error: %s\n", tool, e.what());
        return e.kind() == ErrorKind::usage ? 2 : 1;
    } catch (const boost::program_options::error& e) {
        std::fprintf(stderr, "%s: error: %s (see '%s --help')\n", tool, e.what(), tool);
        return 2;
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "%s: error: out of memory\n", tool);
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: error: %s\n", tool, e.what());
        return 1;
    }
}

}  // namespace somatic
