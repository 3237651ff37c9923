#include "libsomatic/sig/option_error.hpp"

namespace somatic::sig {

OptionError::OptionError(std::string field, const std::string& rule, std::string hint)
    : Error(ErrorKind::usage, {}, field + " " + rule, {}, std::move(hint)), field_(std::move(field)) {}

namespace {

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

std::string rename(const std::string& text, const FieldFlags& flags) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        bool replaced = false;
        if (i == 0 || !word_char(text[i - 1])) {
            for (const auto& [field, flag] : flags) {
                const size_t end = i + field.size();
                if (text.compare(i, field.size(), field) == 0 && (end == text.size() || !word_char(text[end]))) {
                    out.append(flag);
                    i = end;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

}  // namespace

Error rename_fields(const OptionError& e, const FieldFlags& flags) {
    return usage_error(rename(e.problem(), flags), rename(e.hint(), flags));
}

}  // namespace somatic::sig
