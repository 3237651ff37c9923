// somatic-msi call's --summary TSV, by column name: sites_tested,
// sites_unstable, percent_unstable, msi_status (MSI-H or MSS), threshold.
#pragma once

#include <cmath>
#include <string>

namespace somatic::report {

struct MsiSummary {
    std::string name;
    double sites_tested = NAN, sites_unstable = NAN, percent_unstable = NAN, threshold = NAN;
    std::string status;
};

MsiSummary read_msi_summary(const std::string& path);

}  // namespace somatic::report
