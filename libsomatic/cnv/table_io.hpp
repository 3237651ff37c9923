// Small pieces shared by the readers and writers of somatic-cnv's tables
// (bins, ratios, allele counts, segments, calls): numbers parsed with errors
// that name the file and line, and a checked text output that appears under
// its final name only when complete.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "libsomatic/core/atomic_output.hpp"

namespace somatic::cnv {

// Where a value came from, for messages: "bins.tsv", line 12.
struct TextLocus {
    std::string file;
    uint64_t line = 0;
    std::string where() const { return "line " + std::to_string(line); }
};

// Parses a whole field as a number; throws an input error naming the file,
// line and column otherwise. parse_real rejects NaN and infinities unless
// `allow_missing`, in which case "NA", "NaN", "nan", "." and "" give NaN
// (a missing value) and infinities are still an error.
int64_t parse_integer(std::string_view field, const TextLocus& at, std::string_view column);
double parse_real(std::string_view field, const TextLocus& at, std::string_view column, bool allow_missing = false);
bool is_missing_token(std::string_view field);

// One of this tool's own tables: "##key=value" lines, one "#chrom ..." header
// line whose leading fields must be `columns`, then rows of at least
// `required` fields (0: all of `columns`). read_table calls on_meta with each
// "##" line and on_row with each row's fields; it throws, naming the file and
// line, for a file that is empty, a header that is not this table's ("not a
// <kind>: the header must be '...'", with "produce it with '<producer>'") and
// a short row. Returns the file's name for messages.
struct TableSpec {
    std::string_view kind;      // "bins table"
    std::vector<std::string_view> columns;
    std::string_view producer;  // "somatic-cnv bins"
    size_t required = 0;
};
using TableRow = std::function<void(const std::vector<std::string_view>& fields, const TextLocus& at)>;
using TableMeta = std::function<void(std::string_view line, const TextLocus& at)>;
std::string read_table(const std::string& path, const TableSpec& spec, const TableMeta& on_meta, const TableRow& on_row);

// Lower-cased copy, for matching header names.
std::string lower(std::string_view s);

// A text file (or standard output) written through an AtomicOutput: every
// write is checked, and close() flushes, checks and renames into place.
class TextOutput {
public:
    explicit TextOutput(const std::string& path);
    ~TextOutput();
    TextOutput(const TextOutput&) = delete;
    TextOutput& operator=(const TextOutput&) = delete;

    void write(std::string_view text);
    // Writes out what is buffered and closes the file, still under its
    // temporary name: the last step that can fail for want of space.
    void finish();
    // finish(), then the file takes its final name.
    void close();
    const std::string& path() const { return atomic_.final_path(); }

private:
    AtomicOutput atomic_;
    std::FILE* file_ = nullptr;
    bool owns_ = false;
    bool closed_ = false;
};

// "%.*g" formatting without locale surprises; NaN prints as "NA".
std::string format_real(double value, int precision = 6);
std::string format_fixed(double value, int decimals);

// The value a table will hold once printed with format_real/format_fixed and
// read back. Stages keep their results at this precision, so that a
// pipeline stopped at any table and resumed gives the same bytes as one run.
double as_printed(double value, int precision = 6);
double as_fixed(double value, int decimals);

}  // namespace somatic::cnv
