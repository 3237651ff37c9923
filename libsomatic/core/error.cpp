#include "libsomatic/core/error.hpp"

namespace somatic {

namespace {
std::string compose(const std::string& file, const std::string& what, const std::string& locus,
                    const std::string& hint) {
    // append() rather than operator+: GCC 12 warns falsely (-Wrestrict) on
    // chains of temporary string concatenations.
    std::string s;
    s.reserve(file.size() + what.size() + locus.size() + hint.size() + 8);
    if (!file.empty()) s.append(file).append(": ");
    s.append(what);
    if (!locus.empty()) s.append(" at ").append(locus);
    if (!hint.empty()) s.append(" (").append(hint).append(")");
    return s;
}
}  // namespace

Error::Error(ErrorKind kind, std::string file, std::string what, std::string locus, std::string hint)
    : std::runtime_error(compose(file, what, locus, hint)),
      kind_(kind),
      file_(std::move(file)),
      problem_(std::move(what)),
      locus_(std::move(locus)),
      hint_(std::move(hint)) {}

std::string Error::describe() const { return what(); }

Error usage_error(std::string what, std::string hint) {
    return Error(ErrorKind::usage, {}, std::move(what), {}, std::move(hint));
}

Error input_error(std::string file, std::string what, std::string locus, std::string hint) {
    return Error(ErrorKind::input, std::move(file), std::move(what), std::move(locus), std::move(hint));
}

Error io_error(std::string file, std::string what, std::string hint) {
    return Error(ErrorKind::io, std::move(file), std::move(what), {}, std::move(hint));
}

std::string display_name(const std::string& path, bool is_output) {
    if (path == "-" || path.empty()) return is_output ? "standard output" : "standard input";
    return path;
}

}  // namespace somatic
