#include "libsomatic/io/text_lines.hpp"

#include <htslib/hts.h>
#include <htslib/kstring.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/input_path.hpp"

namespace somatic {

TextLines::TextLines(std::string path) : path_(std::move(path)) {
    require_input_file(path_);
    // htslib would log its own line about a failure; the error below says it once, with the reason.
    const auto level = hts_get_log_level();
    hts_set_log_level(HTS_LOG_OFF);
    file_ = hts_open(path_.c_str(), "r");
    const int saved = errno;
    hts_set_log_level(level);
    if (!file_) {
        throw input_error(name(), std::string("cannot open: ") + std::strerror(saved), {},
                          "check the file exists and is readable");
    }
}

TextLines::~TextLines() {
    if (file_) hts_close(file_);
}

std::string TextLines::name() const { return display_name(path_); }

bool TextLines::next(std::string_view& line) {
    kstring_t s{0, 0, nullptr};
    const int ret = hts_getline(file_, '\n', &s);
    if (ret < -1) {
        free(s.s);
        throw input_error(name(), "cannot read", "line " + std::to_string(line_number_ + 1), "the file may be truncated");
    }
    if (ret == -1) {
        free(s.s);
        return false;
    }
    buffer_.assign(s.s, s.l);
    free(s.s);
    if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
    ++line_number_;
    line = buffer_;
    return true;
}

void split_tabs(std::string_view line, std::vector<std::string_view>& fields) {
    fields.clear();
    size_t start = 0;
    while (true) {
        const size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return;
        }
        fields.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
}

}  // namespace somatic
