// The edge between the library's words and the command line's. The library
// validates its options structs in their own field names
// ("chunk_size must be at least 1000"); a tool knows which flag sets which
// field and says it the user's way ("--chunk-size must be at least 1000").
//
//   const cli::FlagNames flags{{"chunk_size", "--chunk-size"}, {"priors.shared", "--shared-prior"}};
//   cli::with_flags(flags, [&] { options.validate(); });
#pragma once

#include <map>
#include <string>

namespace somatic::cli {

// Field name (as the library's messages spell it, dotted for a member of a
// member) -> flag.
using FlagNames = std::map<std::string, std::string>;

// `text` with every field name of `flags` that stands as a word of its own
// (not part of a longer name) replaced by its flag; longer names first, so
// "priors.shared" is not read as "shared".
std::string to_flags(const std::string& text, const FlagNames& flags);

// Runs `check`; a somatic::Error it throws is thrown again with its problem
// and hint in flag names (same kind, file and locus).
template <class Check>
void with_flags(const FlagNames& flags, Check&& check);

namespace detail {
[[noreturn]] void rethrow_with_flags(const FlagNames& flags);
}

template <class Check>
void with_flags(const FlagNames& flags, Check&& check) {
    try {
        check();
    } catch (...) {
        detail::rethrow_with_flags(flags);
    }
}

}  // namespace somatic::cli
