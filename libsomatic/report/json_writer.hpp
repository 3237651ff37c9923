// The report's facts as JSON, for the lab's own systems: the same numbers the
// HTML shows, laid out as libsomatic/report/report.schema.json describes
// (a test validates every report against it). A missing value is null; a
// section without its input is null with the input that would fill it under
// "missing".
#pragma once

#include <string>

#include "libsomatic/report/report.hpp"

namespace somatic::report {

// The schema's version: bumped when a field changes meaning or goes away.
constexpr int kReportSchemaVersion = 1;

std::string format_json(const Report& report);

}  // namespace somatic::report
