#include "libsomatic/io/table_reader.hpp"

#include <htslib/hts.h>
#include <htslib/kstring.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/input_path.hpp"

namespace somatic {

TableReader::TableReader(std::string path) : name_(display_name(path)), owns_(true) {
    require_input_file(path);
    // htslib would log its own line about a failure; the error below says it once, with the reason.
    const auto level = hts_get_log_level();
    hts_set_log_level(HTS_LOG_OFF);
    file_ = hts_open(path.c_str(), "r");
    const int saved = errno;
    hts_set_log_level(level);
    if (!file_) {
        throw input_error(name_, std::string("cannot open: ") + std::strerror(saved), {},
                          "check the file exists and is readable");
    }
}

TableReader::TableReader(htsFile* open_file, std::string path) : name_(display_name(path)), file_(open_file) {}

TableReader::~TableReader() {
    if (owns_ && file_) hts_close(file_);
}

bool TableReader::next(std::string_view& line) {
    kstring_t s{0, 0, nullptr};
    const int ret = hts_getline(file_, '\n', &s);
    if (ret < -1) {
        std::free(s.s);
        throw input_error(name_, "cannot read", "line " + std::to_string(line_number_ + 1),
                          "the file may be truncated or corrupt");
    }
    if (ret == -1) {
        std::free(s.s);
        return false;
    }
    buffer_.assign(s.s, s.l);
    std::free(s.s);
    if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
    ++line_number_;
    line = buffer_;
    return true;
}

void split_fields(std::string_view line, char separator, std::vector<std::string_view>& fields) {
    fields.clear();
    size_t start = 0;
    while (true) {
        const size_t at = line.find(separator, start);
        if (at == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return;
        }
        fields.push_back(line.substr(start, at - start));
        start = at + 1;
    }
}

void wrong_width(size_t expected, size_t found, const TableLocus& at, bool at_least, std::string hint) {
    throw input_error(at.file,
                      std::string(at_least ? "expected at least " : "expected ") + std::to_string(expected) +
                          " columns, found " + std::to_string(found),
                      at.where(), std::move(hint));
}

namespace {

std::string quoted(std::string_view s) {
    std::string out = "'";
    out.append(s.substr(0, 40));
    if (s.size() > 40) out += "...";
    out += "'";
    return out;
}

[[noreturn]] void bad_field(std::string_view field, const TableLocus& at, std::string_view column,
                            const std::string& what) {
    throw input_error(at.file, "column '" + std::string(column) + "' holds " + quoted(field) + ", " + what, at.where());
}

// The number's text: leading blanks and a '+' (not before a sign) dropped.
std::string_view number_text(std::string_view field) {
    size_t i = 0;
    while (i < field.size() && (field[i] == ' ' || (field[i] >= '\t' && field[i] <= '\r'))) ++i;
    if (i < field.size() && field[i] == '+' && (i + 1 == field.size() || (field[i + 1] != '-' && field[i + 1] != '+'))) ++i;
    return field.substr(i);
}

enum class Scan { ok, not_number, too_large };

Scan scan_real(std::string_view field, double& value) {
    const std::string_view s = number_text(field);
    if (s.empty()) return Scan::not_number;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ptr != s.data() + s.size()) return Scan::not_number;
    if (ec == std::errc::result_out_of_range) {
        // Too small to represent reads as what strtod makes of it (0 or a
        // subnormal); too large is an error.
        const std::string copy(s);
        value = std::strtod(copy.c_str(), nullptr);
        return std::isfinite(value) ? Scan::ok : Scan::too_large;
    }
    return ec == std::errc() ? Scan::ok : Scan::not_number;
}

}  // namespace

bool is_missing_token(std::string_view f) {
    return f.empty() || f == "NA" || f == "NaN" || f == "nan" || f == "NAN" || f == "." || f == "na";
}

int64_t parse_integer(std::string_view field, const TableLocus& at, std::string_view column) {
    const std::string_view s = number_text(field);
    int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ptr != s.data() + s.size()) bad_field(field, at, column, "not an integer");
    if (ec == std::errc::result_out_of_range) bad_field(field, at, column, "out of range");
    if (ec != std::errc()) bad_field(field, at, column, "not an integer");
    return value;
}

double parse_real(std::string_view field, const TableLocus& at, std::string_view column, bool allow_missing) {
    if (allow_missing && is_missing_token(field)) return std::nan("");
    double value = 0;
    switch (scan_real(field, value)) {
        case Scan::not_number: bad_field(field, at, column, "not a number");
        case Scan::too_large: bad_field(field, at, column, "out of range");
        case Scan::ok: break;
    }
    if (std::isnan(value)) {
        throw input_error(at.file, "column '" + std::string(column) + "' holds NaN", at.where(),
                          "remove the row, or mark a missing value as NA where missing values are allowed");
    }
    if (std::isinf(value)) {
        throw input_error(at.file, "column '" + std::string(column) + "' holds an infinite value", at.where(),
                          "only finite numbers are allowed: drop such rows");
    }
    return value;
}

double parse_non_negative(std::string_view field, const TableLocus& at, std::string_view column) {
    const double value = parse_real(field, at, column);
    if (value < 0) bad_field(field, at, column, "not a number >= 0");
    return value;
}

bool is_number(std::string_view field) {
    double value = 0;
    return scan_real(field, value) == Scan::ok;
}

}  // namespace somatic
