// The biomarkers of a report in three lines for the terminal: what
// somatic-report says on standard error once the report is written, so a
// pipeline's log (and scripts/demo.sh) shows the results without opening the
// page. Each line says why when its value is missing.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/report/report.hpp"

namespace somatic::report {

// "TMB ...", "MSI ...", "HRD ...": the same values the page and the JSON give.
std::vector<std::string> headline(const Report& report);

}  // namespace somatic::report
