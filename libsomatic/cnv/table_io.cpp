#include "libsomatic/cnv/table_io.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/text_lines.hpp"

namespace somatic::cnv {

namespace {
std::string quoted(std::string_view s) {
    std::string out = "'";
    out.append(s.substr(0, 40));
    if (s.size() > 40) out += "...";
    out += "'";
    return out;
}
}  // namespace

bool is_missing_token(std::string_view f) {
    return f.empty() || f == "NA" || f == "NaN" || f == "nan" || f == "NAN" || f == "." || f == "na";
}

int64_t parse_integer(std::string_view field, const TextLocus& at, std::string_view column) {
    int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (ec != std::errc() || ptr != field.data() + field.size() || field.empty()) {
        throw input_error(at.file, "column '" + std::string(column) + "' holds " + quoted(field) + ", not an integer",
                          at.where());
    }
    return value;
}

double parse_real(std::string_view field, const TextLocus& at, std::string_view column, bool allow_missing) {
    if (allow_missing && is_missing_token(field)) return std::nan("");
    double value = 0;
    const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    const bool whole = ptr == field.data() + field.size() && !field.empty();
    if (ec == std::errc::result_out_of_range && whole) {
        throw input_error(at.file, "column '" + std::string(column) + "' holds " + quoted(field) + ", out of range",
                          at.where());
    }
    if (ec != std::errc() || !whole) {
        throw input_error(at.file, "column '" + std::string(column) + "' holds " + quoted(field) + ", not a number",
                          at.where());
    }
    if (std::isnan(value)) {
        throw input_error(at.file, "column '" + std::string(column) + "' holds NaN", at.where(),
                          "remove the row, or mark a missing value as NA where missing values are allowed");
    }
    if (std::isinf(value)) {
        throw input_error(at.file, "column '" + std::string(column) + "' holds an infinite value", at.where(),
                          "a log2 ratio of a zero depth is not defined; drop such rows");
    }
    return value;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

TextOutput::TextOutput(const std::string& path) : atomic_(path) {
    if (atomic_.is_stdout()) {
        file_ = stdout;
        return;
    }
    file_ = std::fopen(atomic_.write_path().c_str(), "w");
    if (!file_) {
        throw io_error(path, std::string("cannot create the file: ") + std::strerror(errno),
                       "check the directory exists and is writable");
    }
    owns_ = true;
}

TextOutput::~TextOutput() {
    if (owns_ && file_) std::fclose(file_);
}

void TextOutput::write(std::string_view text) {
    if (text.empty()) return;
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
        throw io_error(display_name(path(), true), std::string("write failed: ") + std::strerror(errno),
                       "is the disk full?");
    }
}

void TextOutput::finish() {
    if (!file_) return;
    const bool failed = std::fflush(file_) != 0 || std::ferror(file_);
    if (owns_) {
        const bool close_failed = std::fclose(file_) != 0;
        file_ = nullptr;
        if (failed || close_failed) {
            throw io_error(path(), std::string("write failed: ") + std::strerror(errno), "is the disk full?");
        }
    } else {
        file_ = nullptr;
        if (failed) throw io_error("standard output", "write failed", "is the disk full or the pipe closed?");
    }
}

void TextOutput::close() {
    if (closed_) return;
    finish();
    atomic_.commit();
    closed_ = true;
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
    TextLines lines(path);
    const std::string name = lines.name();
    const size_t required = spec.required ? spec.required : spec.columns.size();
    std::vector<std::string_view> f;
    std::string_view line;
    bool have_header = false;
    while (lines.next(line)) {
        if (line.empty()) continue;
        const TextLocus at{name, lines.line_number()};
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
            throw input_error(name, "expected " + std::to_string(spec.columns.size()) + " columns, found " + std::to_string(f.size()),
                              at.where());
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
