#include "libsomatic/msi/call_output.hpp"

#include <cstdio>

namespace somatic::msi {

namespace {

std::string distribution(const LengthCounts& counts) {
    if (counts.empty()) return ".";
    std::string out;
    for (const auto& [len, n] : counts) {
        if (!out.empty()) out += ',';
        out += std::to_string(len) + ':' + std::to_string(n);
    }
    return out;
}

int depth(const LengthCounts& counts) {
    int n = 0;
    for (const auto& [len, c] : counts) n += c;
    return n;
}

std::string number(double x, const char* format) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, x);
    return buf;
}

}  // namespace

std::string site_table(const std::vector<SiteResult>& results) {
    std::string out =
        "#chrom\tstart\tend\tunit\tcount\ttumour_depth\tnormal_depth\ttumour_lengths\tnormal_lengths\tstatistic\tdf\t"
        "p_value\tq_value\tstatus\n";
    for (const auto& r : results) {
        const auto& s = r.site;
        out += s.contig + '\t' + std::to_string(s.beg) + '\t' + std::to_string(s.end) + '\t' + s.unit + '\t' +
               std::to_string(s.count) + '\t' + std::to_string(depth(r.tumour)) + '\t' + std::to_string(depth(r.normal)) +
               '\t' + distribution(r.tumour) + '\t' + distribution(r.normal) + '\t';
        if (r.tested) {
            out += number(r.test.statistic, "%.4g") + '\t' + std::to_string(r.test.df) + '\t' +
                   number(r.test.p_value, "%.4g") + '\t' + number(r.q_value, "%.4g") + '\t' +
                   (r.unstable ? "unstable" : "stable");
        } else {
            out += ".\t.\t.\t.\tlow_depth";
        }
        out += '\n';
    }
    return out;
}

std::string summary_table(const CallSummary& s) {
    // No site tested: neither the percent nor the status is defined.
    const bool determined = s.tested > 0;
    return "sites_tested\tsites_unstable\tpercent_unstable\tmsi_status\tthreshold\n" + std::to_string(s.tested) + '\t' +
           std::to_string(s.unstable) + '\t' + (determined ? number(s.percent_unstable, "%.2f") : "NA") + '\t' +
           (!determined ? "NA" : s.msi_high ? "MSI-H" : "MSS") + '\t' + number(s.threshold, "%g") + '\n';
}

}  // namespace somatic::msi
