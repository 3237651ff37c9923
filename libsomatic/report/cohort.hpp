// `somatic-report cohort`: one row per sample, from the JSON reports that
// `somatic-report --json` wrote for each (the JSON carries every fact a row
// needs, so a cohort is a gather step over per-sample reports):
//
//   sample purity ploidy tmb_per_mb coding_tmb_per_mb msi_status msi_percent_unstable
//   hrd_sum hrd_loh hrd_tai hrd_lst fraction_genome_altered genome_doubled top_signatures
//
// top_signatures lists the three largest exposures as "SBS5:48%,SBS1:20%"
// (share of the sample's mutations). "NA" where a report lacks the value.
#pragma once

#include <string>
#include <vector>

namespace somatic::report {

struct CohortRow {
    std::string sample;
    std::string purity, ploidy, tmb, coding_tmb, msi_status, msi_percent;
    // The HRD sum and its parts: a sum of NA (TAI and LST not measured) still
    // leaves LOH and the altered fraction to compare across the cohort.
    std::string hrd_sum, hrd_loh, hrd_tai, hrd_lst, fraction_genome_altered;
    std::string genome_doubled, top_signatures;
};

// Reads one report; an input error naming the file for a file that is not
// JSON or not a somatic-report JSON (no schema_version).
CohortRow read_cohort_row(const std::string& path);

std::string format_cohort_tsv(const std::vector<CohortRow>& rows);
std::string format_cohort_html(const std::vector<CohortRow>& rows, const std::string& version, const std::string& date);

}  // namespace somatic::report
