#include "libsomatic/report/msi_input.hpp"

#include "libsomatic/core/error.hpp"
#include "libsomatic/report/header_table.hpp"

namespace somatic::report {

MsiSummary read_msi_summary(const std::string& path) {
    const HeaderTable t = read_header_table(path);
    MsiSummary s;
    s.name = t.name;
    const std::string what = "somatic-msi call's --summary table";
    const auto& row = t.only_row("give somatic-msi call's --summary of one sample");
    const TableLocus at = t.locus(0);
    s.sites_tested = parse_real(row[t.require("sites_tested", what)], at, "sites_tested", true);
    s.sites_unstable = parse_real(row[t.require("sites_unstable", what)], at, "sites_unstable", true);
    s.percent_unstable = parse_real(row[t.require("percent_unstable", what)], at, "percent_unstable", true);
    s.threshold = parse_real(row[t.require("threshold", what)], at, "threshold", true);
    s.status = row[t.require("msi_status", what)];
    return s;
}

}  // namespace somatic::report
