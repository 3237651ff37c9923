#include "libsomatic/cli/flag_names.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <vector>

#include "libsomatic/core/error.hpp"

namespace somatic::cli {

namespace {
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
}  // namespace

std::string to_flags(const std::string& text, const FlagNames& flags) {
    std::vector<std::pair<std::string, std::string>> order(flags.begin(), flags.end());
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        // A name starts where no name character (nor a '.' joining one) precedes.
        const bool at_word = i == 0 || !(name_char(text[i - 1]) || text[i - 1] == '.');
        bool replaced = false;
        if (at_word) {
            for (const auto& [field, flag] : order) {
                if (text.compare(i, field.size(), field) != 0) continue;
                const size_t end = i + field.size();
                // Not the head of a longer name ("min_af" in "min_af_x", "priors" in "priors.x").
                const bool longer = end < text.size() && (name_char(text[end]) ||
                                                          (text[end] == '.' && end + 1 < text.size() &&
                                                           name_char(text[end + 1])));
                if (longer) continue;
                out += flag;
                i = end;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

namespace detail {
void rethrow_with_flags(const FlagNames& flags) {
    try {
        throw;
    } catch (const Error& e) {
        throw Error(e.kind(), e.file(), to_flags(e.problem(), flags), e.locus(), to_flags(e.hint(), flags));
    }
}
}  // namespace detail

}  // namespace somatic::cli
