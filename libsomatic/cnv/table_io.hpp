// Small pieces shared by the readers and writers of somatic-cnv's tables
// (bins, ratios, allele counts, segments, calls): the layout of this tool's
// own tables, and numbers formatted as the tables print them. Reading lines,
// parsing fields and writing files go through io/table_reader and
// io/table_writer.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "libsomatic/io/table_reader.hpp"
#include "libsomatic/io/table_writer.hpp"

namespace somatic::cnv {

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
using TableRow = std::function<void(const std::vector<std::string_view>& fields, const TableLocus& at)>;
using TableMeta = std::function<void(std::string_view line, const TableLocus& at)>;
std::string read_table(const std::string& path, const TableSpec& spec, const TableMeta& on_meta, const TableRow& on_row);

// Lower-cased copy, for matching header names.
std::string lower(std::string_view s);

// "%.*g" formatting without locale surprises; NaN prints as "NA".
std::string format_real(double value, int precision = 6);
std::string format_fixed(double value, int decimals);

// The value a table will hold once printed with format_real/format_fixed and
// read back. Stages keep their results at this precision, so that a
// pipeline stopped at any table and resumed gives the same bytes as one run.
double as_printed(double value, int precision = 6);
double as_fixed(double value, int decimals);

}  // namespace somatic::cnv
