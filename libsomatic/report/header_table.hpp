// A small TSV with one header line, read by column name: the summaries of
// somatic-cnv (--summary) and somatic-msi (--summary), somatic-sig's
// exposures and the genes-of-interest list. Columns may come in any order
// and new ones may be appended: readers ask for a column by its name.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/io/table_reader.hpp"

namespace somatic::report {

struct HeaderTable {
    std::string name;                        // for messages: the path or "standard input"
    std::vector<std::string> comments;       // "##..." lines before the header, without "##"
    std::vector<std::string> columns;        // the header (a leading '#' removed)
    std::vector<std::vector<std::string>> rows;
    std::vector<uint64_t> row_lines;         // each row's line number, for messages

    // Index of `column`, or -1.
    int find(const std::string& column) const;
    // Index of `column`; an input error naming the file when it is absent.
    size_t require(const std::string& column, const std::string& what) const;
    TableLocus locus(size_t row) const { return TableLocus{name, row_lines[row]}; }
    // The one row of a one-row summary; an input error naming the file
    // with `hint` (which table to give) when it has none or several.
    const std::vector<std::string>& only_row(const std::string& hint) const;
};

// Reads `path`: "##" lines, then the header, then rows of the header's
// width (an input error naming the line for another width); an empty file
// is an error.
HeaderTable read_header_table(const std::string& path);

}  // namespace somatic::report
