#include "libsomatic/sig/exposures_table.hpp"

#include <cmath>
#include <cstdio>

namespace somatic::sig {

namespace {

// Six significant digits; "NA" for NaN; exact zeros as "0".
void put(std::string& out, double v) {
    if (std::isnan(v)) {
        out += "NA";
        return;
    }
    if (v == 0) {
        out += '0';
        return;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    out += buf;
}

double scale_of(const SampleFit& f, bool fractions) {
    if (!fractions) return 1.0;
    return f.mutations > 0 ? 1.0 / f.mutations : 0.0;
}

}  // namespace

std::string format_exposures(const std::vector<std::string>& sigs, const std::vector<SampleFit>& fits,
                             const TableOptions& o) {
    std::string out = "Sample";
    for (const auto& s : sigs) out.append("\t").append(s);
    out += "\tMutations\tCosine\tUnexplained\tExpectedUnexplained";
    if (o.bootstrap_columns) {
        for (const auto& s : sigs) out.append("\t").append(s).append("_low\t").append(s).append("_high");
    }
    out += '\n';
    for (const auto& f : fits) {
        const double scale = scale_of(f, o.fractions);
        out += f.sample;
        for (Eigen::Index j = 0; j < f.exposures.size(); ++j) {
            out += '\t';
            put(out, f.exposures(j) * scale);
        }
        out += '\t';
        put(out, f.mutations);
        out += '\t';
        put(out, f.cosine);
        out += '\t';
        put(out, f.unexplained);
        out += '\t';
        put(out, f.expected_unexplained);
        if (o.bootstrap_columns) {
            for (Eigen::Index j = 0; j < f.exposures.size(); ++j) {
                out += '\t';
                put(out, f.low.size() ? f.low(j) * scale : NAN);
                out += '\t';
                put(out, f.high.size() ? f.high(j) * scale : NAN);
            }
        }
        out += '\n';
    }
    return out;
}

std::string format_bootstrap(const std::vector<std::string>& sigs, const std::vector<SampleFit>& fits,
                             const TableOptions& o) {
    std::string out = "Sample\tSignature\tExposure\tLow\tHigh\tPresence\n";
    for (const auto& f : fits) {
        const double scale = scale_of(f, o.fractions);
        for (size_t j = 0; j < sigs.size(); ++j) {
            const auto jj = static_cast<Eigen::Index>(j);
            out.append(f.sample).append("\t").append(sigs[j]).append("\t");
            put(out, f.exposures(jj) * scale);
            out += '\t';
            put(out, f.low.size() ? f.low(jj) * scale : NAN);
            out += '\t';
            put(out, f.high.size() ? f.high(jj) * scale : NAN);
            out += '\t';
            put(out, f.presence.size() ? f.presence(jj) : NAN);
            out += '\n';
        }
    }
    return out;
}

}  // namespace somatic::sig
