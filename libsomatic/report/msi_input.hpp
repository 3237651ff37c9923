// somatic-msi call's --summary TSV, by column name: sites_tested,
// sites_unstable, percent_unstable, msi_status (MSI-H or MSS; NA when no
// site had the reads to be tested), threshold.
#pragma once

#include <cmath>
#include <string>

namespace somatic::report {

struct MsiSummary {
    std::string name;
    double sites_tested = NAN, sites_unstable = NAN, percent_unstable = NAN, threshold = NAN;
    std::string status;

    // False when somatic-msi tested no site: a status of NA, not a result.
    bool determined() const { return status != "NA" && !(sites_tested == 0); }
};

MsiSummary read_msi_summary(const std::string& path);

}  // namespace somatic::report
