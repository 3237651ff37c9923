// The one-line message a call fails with, for tests of error messages.
#pragma once

#include <string>

#include "libsomatic/core/error.hpp"

namespace somatic::testing {

// The message of the somatic::Error `f` throws ("" when it throws none).
template <class F>
std::string thrown_message(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace somatic::testing
