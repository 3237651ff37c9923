// Reading text tables, the one way every tool does it: lines of a plain or
// gzipped file or of standard input ("-"), split on a separator, fields
// parsed into numbers. Every error names the file and the line:
//   bins.tsv: column 'reads' holds 'x', not a number at line 12
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct htsFile;

namespace somatic {

// Where a field came from, for messages: "bins.tsv", line 12.
struct TableLocus {
    std::string file;  // as shown to the user: the path, or "standard input"
    uint64_t line = 0;
    std::string where() const { return "line " + std::to_string(line); }
};

class TableReader {
public:
    // Opens `path` ("-": standard input), plain or gzipped. Throws an input
    // error for a missing file, a directory or one that cannot be opened.
    explicit TableReader(std::string path);
    // Reads the lines of a file another reader has opened (and sniffed, as
    // somatic-sig's inputs are, to tell a VCF from a table); not closed here.
    TableReader(htsFile* open_file, std::string path);
    ~TableReader();
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    // The next line without its newline (and without a '\r'); false at the
    // end. The view lives until the next call.
    bool next(std::string_view& line);
    uint64_t line_number() const { return line_number_; }
    const std::string& name() const { return name_; }
    TableLocus locus() const { return TableLocus{name_, line_number_}; }

private:
    std::string name_;
    htsFile* file_ = nullptr;
    bool owns_ = false;
    std::string buffer_;
    uint64_t line_number_ = 0;
};

// Splits `line` on `separator` into views of it (one field for a line
// without one; an empty line gives one empty field).
void split_fields(std::string_view line, char separator, std::vector<std::string_view>& fields);
inline void split_tabs(std::string_view line, std::vector<std::string_view>& fields) {
    split_fields(line, '\t', fields);
}

// A row of the wrong width: "expected [at least ]N columns, found M at line L".
[[noreturn]] void wrong_width(size_t expected, size_t found, const TableLocus& at, bool at_least = false,
                              std::string hint = {});

// Typed fields. The whole field must be the number: leading blanks and a
// '+' are allowed, anything after the number is not ("12abc"). A value too
// small to represent reads as 0; one too large is an error. Errors name the
// file, the line and `column`:
//   column 'C' holds 'v', not a number | not an integer | out of range
//   column 'C' holds NaN | an infinite value
// parse_real rejects NaN and infinities; with `allow_missing`, "NA", "NaN",
// "nan", "na", ".", and "" give NaN (a missing value) instead, and
// infinities are still an error. parse_non_negative also rejects values
// below 0 ("column 'C' holds '-3', not a number >= 0").
int64_t parse_integer(std::string_view field, const TableLocus& at, std::string_view column);
double parse_real(std::string_view field, const TableLocus& at, std::string_view column, bool allow_missing = false);
double parse_non_negative(std::string_view field, const TableLocus& at, std::string_view column);
bool is_missing_token(std::string_view field);
// Whether `field` is a number in the syntax above (NaN and infinities
// included): how a header line is told from a first row of data.
bool is_number(std::string_view field);

}  // namespace somatic
