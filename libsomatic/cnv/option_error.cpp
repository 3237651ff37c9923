#include "libsomatic/cnv/option_error.hpp"

namespace somatic::cnv {

namespace {

std::string render(const std::string& text, const std::vector<std::string>& fields,
                   const std::function<std::string(std::string_view)>& name) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '{') {
            for (const auto& f : fields) {
                if (text.compare(i + 1, f.size(), f) == 0 && i + 1 + f.size() < text.size() && text[i + 1 + f.size()] == '}') {
                    out += name(f);
                    i += f.size() + 2;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

std::string as_field(std::string_view field) { return std::string(field); }

}  // namespace

OptionError::OptionError(std::vector<std::string> fields, std::string message, std::string hint)
    : Error(ErrorKind::usage, {}, render(message, fields, as_field), {}, render(hint, fields, as_field)),
      fields_(std::move(fields)),
      message_(std::move(message)),
      hint_template_(std::move(hint)) {}

std::string OptionError::problem_as(const std::function<std::string(std::string_view)>& name) const {
    return render(message_, fields_, name);
}

std::string OptionError::hint_as(const std::function<std::string(std::string_view)>& name) const {
    return render(hint_template_, fields_, name);
}

}  // namespace somatic::cnv
