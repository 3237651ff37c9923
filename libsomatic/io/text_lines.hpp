// Line-by-line reading of text tables (BED, TSV), plain or gzipped, from a
// file or standard input, through htslib's file layer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct htsFile;

namespace somatic {

class TextLines {
public:
    explicit TextLines(std::string path);  // "-": standard input
    ~TextLines();
    TextLines(const TextLines&) = delete;
    TextLines& operator=(const TextLines&) = delete;

    // The next line without its newline (and without a '\r'); false at the end.
    // The view is valid until the next call.
    bool next(std::string_view& line);
    uint64_t line_number() const { return line_number_; }
    std::string name() const;

private:
    std::string path_;
    htsFile* file_ = nullptr;
    std::string buffer_;
    uint64_t line_number_ = 0;
};

// Splits on tabs into views of `line`.
void split_tabs(std::string_view line, std::vector<std::string_view>& fields);

}  // namespace somatic
