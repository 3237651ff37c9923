// The edge between somatic-cnv's flags and libsomatic/cnv's option structs:
// the library's option errors name struct fields ("min_af"); the user typed
// flags ("--het-min-af"). One table maps the one to the other.
#pragma once

#include <string>
#include <string_view>

#include "libsomatic/cnv/option_error.hpp"

namespace somatic::cnv_tool {

// The flag that sets a field of the library's option structs, or the field
// itself when no flag sets it.
std::string flag_of(std::string_view field);

// The same error, as a usage error in flag names.
Error in_flag_names(const cnv::OptionError& e);

// Runs `body`; an option error escapes it in flag names.
template <class Body>
int with_flag_names(Body&& body) {
    try {
        body();
        return 0;
    } catch (const cnv::OptionError& e) {
        throw in_flag_names(e);
    }
}

}  // namespace somatic::cnv_tool
