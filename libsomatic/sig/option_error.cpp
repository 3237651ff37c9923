#include "libsomatic/sig/option_error.hpp"

namespace somatic::sig {

OptionError::OptionError(std::string field, const std::string& rule, std::string hint)
    : Error(ErrorKind::usage, {}, field + " " + rule, {}, std::move(hint)), field_(std::move(field)) {}

}  // namespace somatic::sig
