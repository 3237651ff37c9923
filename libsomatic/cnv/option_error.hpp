// The error an options struct's validate() throws: a usage error (exit 2)
// whose message names the struct's own fields, never a tool's flags.
//
//   throw OptionError({"min_af", "max_af"}, "{min_af} must be at most {max_af}");
//
// what() reads "min_af must be at most max_af"; a tool that takes the values
// from its command line renders the same message with its flag names in
// place of the fields ("min_af" becomes somatic-cnv's --het-min-af). Only
// the listed fields are placeholders: a path or value in the message is
// kept as it is, braces included.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "libsomatic/core/error.hpp"

namespace somatic::cnv {

class OptionError : public Error {
public:
    OptionError(std::vector<std::string> fields, std::string message, std::string hint = {});

    const std::vector<std::string>& fields() const noexcept { return fields_; }
    // The message and hint with every {field} replaced by name(field).
    std::string problem_as(const std::function<std::string(std::string_view field)>& name) const;
    std::string hint_as(const std::function<std::string(std::string_view field)>& name) const;

private:
    std::vector<std::string> fields_;
    std::string message_, hint_template_;
};

}  // namespace somatic::cnv
