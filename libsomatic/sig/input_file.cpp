#include "libsomatic/sig/input_file.hpp"

#include <htslib/hts.h>
#include <sys/stat.h>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/input_path.hpp"

namespace somatic::sig {

InputFile::InputFile(std::string path) : path_(std::move(path)) {
    require_input_file(path_);
    const auto level = hts_get_log_level();
    hts_set_log_level(HTS_LOG_OFF);
    file_ = hts_open(path_.c_str(), "r");
    hts_set_log_level(level);
    if (!file_) throw input_error(name(), "cannot open", {}, "check the file exists and is readable");
    const htsFormat* fmt = hts_get_format(file_);
    if (fmt->format == empty_format) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(name(), "the file is empty", {},
                          "give a VCF/BCF of somatic calls or an SBS96 catalogue table");
    }
    is_vcf_ = fmt->format == vcf || fmt->format == bcf;
    is_bcf_ = fmt->format == bcf;
    if (is_vcf_ && fmt->compression == bgzf && path_ != "-" && hts_check_EOF(file_) == 0) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(name(), "the file is truncated (no end-of-file marker)", {}, "produce the file again");
    }
}

InputFile::~InputFile() {
    if (file_) hts_close(file_);
}

std::string InputFile::name() const { return display_name(path_); }

std::string file_stem(const std::string& path) {
    if (path == "-") return "stdin";
    std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    auto strip = [&](std::string_view suffix) {
        if (base.size() > suffix.size() && base.ends_with(suffix)) {
            base.resize(base.size() - suffix.size());
            return true;
        }
        return false;
    };
    strip(".gz") || strip(".bgz");
    strip(".vcf") || strip(".bcf") || strip(".tsv") || strip(".txt");
    return base;
}

}  // namespace somatic::sig
