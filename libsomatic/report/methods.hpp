// The methods paragraph: what was run, from the inputs given and the tools
// their headers name, so that it never describes a step that did not happen.
#pragma once

#include <string>

namespace somatic::report {

struct Report;

std::string methods_paragraph(const Report& report);

}  // namespace somatic::report
