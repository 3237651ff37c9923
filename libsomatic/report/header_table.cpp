#include "libsomatic/report/header_table.hpp"

#include "libsomatic/core/error.hpp"

namespace somatic::report {

int HeaderTable::find(const std::string& column) const {
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == column) return static_cast<int>(i);
    }
    return -1;
}

size_t HeaderTable::require(const std::string& column, const std::string& what) const {
    const int i = find(column);
    if (i < 0) {
        throw input_error(name, "no column '" + column + "' in the header", {},
                          "is this " + what + "?");
    }
    return static_cast<size_t>(i);
}

const std::vector<std::string>& HeaderTable::only_row(const std::string& hint) const {
    if (rows.size() != 1) throw input_error(name, "expected one row, found " + std::to_string(rows.size()), {}, hint);
    return rows[0];
}

HeaderTable read_header_table(const std::string& path) {
    TableReader lines(path);
    HeaderTable t;
    t.name = lines.name();
    std::string_view line;
    std::vector<std::string_view> fields;
    while (lines.next(line)) {
        if (line.empty()) continue;
        if (t.columns.empty() && line.starts_with("##")) {
            t.comments.emplace_back(line.substr(2));
            continue;
        }
        split_tabs(line, fields);
        if (t.columns.empty()) {
            for (auto f : fields) t.columns.emplace_back(f);
            if (!t.columns.empty() && t.columns[0].starts_with("#")) t.columns[0].erase(0, 1);
            continue;
        }
        if (fields.size() != t.columns.size()) wrong_width(t.columns.size(), fields.size(), lines.locus());
        t.rows.emplace_back(fields.begin(), fields.end());
        t.row_lines.push_back(lines.line_number());
    }
    if (t.columns.empty()) throw input_error(t.name, "the file is empty", {}, "expected a header line and rows");
    return t;
}

}  // namespace somatic::report
