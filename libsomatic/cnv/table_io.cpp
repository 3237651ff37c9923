#include "libsomatic/cnv/table_io.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "libsomatic/core/error.hpp"

namespace somatic::cnv {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string format_real(double value, int precision) {
    if (std::isnan(value)) return "NA";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    return buf;
}

std::string format_fixed(double value, int decimals) {
    if (std::isnan(value)) return "NA";
    // Sized to fit: "%.4f" of a large value has hundreds of digits, and a
    // fixed buffer would cut the number short.
    const int n = std::snprintf(nullptr, 0, "%.*f", decimals, value);
    std::string s(static_cast<size_t>(n), '\0');
    std::snprintf(s.data(), s.size() + 1, "%.*f", decimals, value);
    if (s[0] == '-' && s.find_first_not_of("0.", 1) == std::string::npos) s.erase(0, 1);  // no "-0.000"
    return s;
}

double as_printed(double value, int precision) {
    if (std::isnan(value)) return value;
    return std::strtod(format_real(value, precision).c_str(), nullptr);
}

double as_fixed(double value, int decimals) {
    if (std::isnan(value)) return value;
    return std::strtod(format_fixed(value, decimals).c_str(), nullptr);
}

std::string read_table(const std::string& path, const TableSpec& spec, const TableMeta& on_meta, const TableRow& on_row) {
    TableReader lines(path);
    const std::string name = lines.name();
    const size_t required = spec.required ? spec.required : spec.columns.size();
    std::vector<std::string_view> f;
    std::string_view line;
    bool have_header = false;
    while (lines.next(line)) {
        if (line.empty()) continue;
        const TableLocus at = lines.locus();
        if (line.starts_with("##")) {
            if (on_meta) on_meta(line, at);
            continue;
        }
        split_tabs(line, f);
        if (!have_header) {
            bool ok = f.size() >= spec.columns.size();
            for (size_t c = 0; ok && c < spec.columns.size(); ++c) ok = f[c] == spec.columns[c];
            if (!ok) {
                std::string header;
                for (const auto& c : spec.columns) header += (header.empty() ? "" : " ") + std::string(c);
                throw input_error(name, std::string(std::strchr("aeiou", spec.kind[0]) ? "not an " : "not a ") + std::string(spec.kind) +
                                            ": the header must be '" + header + "'",
                                  at.where(), "produce it with '" + std::string(spec.producer) + "'");
            }
            have_header = true;
            continue;
        }
        if (f.size() < required) {
            wrong_width(spec.columns.size(), f.size(), at);
        }
        on_row(f, at);
    }
    if (!have_header) {
        const bool vowel = !spec.kind.empty() && std::strchr("aeiou", spec.kind[0]) != nullptr;
        throw input_error(name, "the file is empty", {}, std::string(vowel ? "expected an " : "expected a ") +
                                                          std::string(spec.kind) + " from '" + std::string(spec.producer) + "'");
    }
    return name;
}

}  // namespace somatic::cnv
