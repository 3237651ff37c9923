// somatic-msi call's tables: one row per site, and the one-row summary
// (columns are read by header name; new ones go at the end).
#pragma once

#include <string>
#include <vector>

#include "libsomatic/msi/call.hpp"

namespace somatic::msi {

// Header and rows: chrom, start, end, unit, count, the depths, the length
// distributions ("length:reads,..." in bases), the test and the call.
std::string site_table(const std::vector<SiteResult>& results);

// sites_tested, sites_unstable, percent_unstable, msi_status, threshold.
std::string summary_table(const CallSummary& summary);

}  // namespace somatic::msi
