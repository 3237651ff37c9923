#include "libsomatic/report/sig_input.hpp"

#include "libsomatic/core/error.hpp"
#include "libsomatic/report/header_table.hpp"

namespace somatic::report {

ExposuresInput read_exposures(const std::string& path, const std::string& sample, bool only_row_fallback) {
    const HeaderTable t = read_header_table(path);
    ExposuresInput in;
    in.name = t.name;
    const std::string what = "somatic-sig fit's exposures table";
    const size_t sample_col = t.require("Sample", what), mutations = t.require("Mutations", what);
    for (const auto& row : t.rows) in.samples.push_back(row[sample_col]);
    if (t.rows.empty()) throw input_error(in.name, "the table has no sample row", {}, "is this " + what + "?");
    size_t chosen = 0;
    if (!sample.empty()) {
        bool found = false;
        for (size_t r = 0; r < t.rows.size() && !found; ++r) {
            if (t.rows[r][sample_col] == sample) chosen = r, found = true;
        }
        if (!found && only_row_fallback && t.rows.size() == 1) found = true;
        if (!found) {
            std::string all;
            for (const auto& s : in.samples) all += (all.empty() ? "" : ", ") + s;
            throw input_error(in.name, "no row for sample '" + sample + "' (it has " + all + ")", {},
                              "check the inputs belong to one patient, or name the sample with --sample");
        }
    } else if (t.rows.size() > 1) {
        throw input_error(in.name, "several samples and none named", {}, "name the tumour sample with --sample");
    }
    const auto& row = t.rows[chosen];
    const TableLocus at = t.locus(chosen);
    in.sample = row[sample_col];
    in.mutations = parse_real(row[mutations], at, "Mutations", true);
    if (const int c = t.find("Cosine"); c >= 0) in.cosine = parse_real(row[static_cast<size_t>(c)], at, "Cosine", true);
    for (size_t c = sample_col + 1; c < mutations; ++c) {
        SignatureExposure e;
        e.name = t.columns[c];
        e.exposure = parse_real(row[c], at, e.name, true);
        const int low = t.find(e.name + "_low"), high = t.find(e.name + "_high");
        if (low >= 0 && high >= 0) {
            in.intervals = true;
            e.low = parse_real(row[static_cast<size_t>(low)], at, e.name + "_low", true);
            e.high = parse_real(row[static_cast<size_t>(high)], at, e.name + "_high", true);
        }
        in.signatures.push_back(std::move(e));
    }
    return in;
}

}  // namespace somatic::report
