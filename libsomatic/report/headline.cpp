#include "libsomatic/report/headline.hpp"

#include <cmath>
#include <cstdio>

namespace somatic::report {

namespace {

std::string fixed(double v, int digits) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", digits, v);
    return b;
}

std::string count(double v) { return std::isnan(v) ? "NA" : fixed(v, 0); }

std::string tmb_line(const Report& r) {
    if (!r.tmb) return "TMB not computed: give " + missing_input(r, "tmb");
    const Burden& b = r.tmb->all;
    if (std::isnan(b.per_mb)) return "TMB not computed: the callable territory is empty";
    return "TMB " + fixed(b.per_mb, 2) + " per Mb (" + std::to_string(b.snvs + b.mnvs + b.indels) +
           " PASS calls over " + fixed(b.territory_bp / 1e6, 4) + " Mb)";
}

std::string msi_line(const Report& r) {
    if (!r.msi) return "MSI not assessed: give " + missing_input(r, "msi");
    const MsiSummary& m = *r.msi;
    if (!m.determined()) return "MSI not determined: no microsatellite had enough reads in both samples to test";
    return "MSI " + m.status + " (" + count(m.sites_unstable) + " of " + count(m.sites_tested) +
           " microsatellites unstable, " + fixed(m.percent_unstable, 2) + "%; MSI-H at " + fixed(m.threshold, 2) +
           "%)";
}

std::string hrd_line(const Report& r) {
    if (!r.summary) return "HRD not computed: give " + missing_input(r, "hrd");
    const HrdScores& h = r.summary->hrd;
    if (!h.any()) return "HRD not computed: " + r.summary->name + " has no hrd_* columns";
    const std::string parts =
        "LOH " + count(h.loh) + ", TAI " + count(h.tai) + ", LST " + count(h.lst) + ", fraction of the genome altered " +
        (std::isnan(h.fraction_genome_altered) ? std::string("NA") : fixed(h.fraction_genome_altered, 3));
    // The first reason is the cause (the sum's own says only that a part is NA).
    const auto why = hrd_not_measured(h);
    if (h.has_sum && std::isnan(h.sum) && !why.empty()) {
        return "HRD sum not measured: " + why.front().second + "; " + parts;
    }
    if (!h.has_sum) return "HRD sum not computed (" + parts + ")";
    return "HRD sum " + count(h.sum) + " (" + parts + ")";
}

}  // namespace

std::vector<std::string> headline(const Report& r) { return {tmb_line(r), msi_line(r), hrd_line(r)}; }

}  // namespace somatic::report
