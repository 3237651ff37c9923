#include "libsomatic/io/vcf_reader.hpp"

#include <htslib/hts.h>
#include <htslib/kstring.h>
#include <htslib/tbx.h>
#include <htslib/vcf.h>
#include <sys/stat.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/input_path.hpp"

namespace somatic {

namespace {
class QuietHtslib {
public:
    QuietHtslib() : level_(hts_get_log_level()) { hts_set_log_level(HTS_LOG_OFF); }
    ~QuietHtslib() { hts_set_log_level(level_); }

private:
    htsLogLevel level_;
};
}  // namespace

VcfReader::VcfReader(std::string path, bool need_index) : path_(std::move(path)) {
    // A constructor that throws never runs the destructor: free what open()
    // acquired before the error leaves.
    try {
        open(need_index);
    } catch (...) {
        release();
        throw;
    }
}

void VcfReader::open(bool need_index) {
    QuietHtslib quiet;
    require_input_file(path_, "a VCF file");
    file_ = hts_open(path_.c_str(), "r");
    if (!file_) throw input_error(name(), "cannot open", {}, "check the file exists and is readable");
    // A copy: hts_get_format points into file_, which the error paths close
    // before the message reads the format (a use after free).
    const htsFormat format = *hts_get_format(file_);
    const htsFormat* fmt = &format;
    if (fmt->format != vcf && fmt->format != bcf) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(name(), fmt->format == empty_format ? "the file is empty" : "is not a VCF or BCF file",
                          {}, "a VCF starts with a ##fileformat=VCFv4.x line");
    }
    if (fmt->compression == bgzf && path_ != "-" && hts_check_EOF(file_) == 0) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(name(), "the file is truncated (no end-of-file marker)", {}, "produce the file again");
    }
    is_text_ = fmt->format == vcf;
    header_ = bcf_hdr_read(file_);
    if (!header_) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(name(), "cannot read the VCF header", {}, "it must start with ##fileformat and have a #CHROM line");
    }
    if (need_index) {
        if (fmt->format == bcf) {
            index_ = bcf_index_load(path_.c_str());
        } else {
            tabix_ = tbx_index_load(path_.c_str());
        }
        if (!index_ && !tabix_) {
            throw input_error(name(), "no index found", {},
                              "compress it with bgzip and index it with 'bcftools index -t " + path_ + "'");
        }
        // An index older than its data answers region queries with the old
        // file's offsets: records are skipped or misread without an error.
        for (const char* suffix : {".tbi", ".csi"}) {
            const std::string index = path_ + suffix;
            struct stat ds {}, is {};
            if (stat(index.c_str(), &is) != 0 || stat(path_.c_str(), &ds) != 0) continue;
            // One second of slack, as for alignment indexes: copies write the two files a moment apart.
            if (is.st_mtime + 1 < ds.st_mtime) {
                throw input_error(name(), "the index " + index + " is older than the data file", {},
                                  "re-index it with 'bcftools index -f " + path_ + "'");
            }
        }
    }
}

VcfReader::~VcfReader() { release(); }

void VcfReader::release() {
    if (iterator_) hts_itr_destroy(iterator_);
    if (index_) hts_idx_destroy(index_);
    if (tabix_) tbx_destroy(tabix_);
    if (header_) bcf_hdr_destroy(header_);
    if (file_) hts_close(file_);
    iterator_ = nullptr;
    index_ = nullptr;
    tabix_ = nullptr;
    header_ = nullptr;
    file_ = nullptr;
}

std::string VcfReader::name() const { return display_name(path_); }

ContigDict VcfReader::contigs() const {
    std::vector<Contig> out;
    const int n = header_->n[BCF_DT_CTG];
    for (int i = 0; i < n; ++i) {
        const char* id = header_->id[BCF_DT_CTG][i].key;
        const bcf_hrec_t* hrec = header_->id[BCF_DT_CTG][i].val->hrec[0];
        int64_t length = 0;
        if (hrec) {
            const int k = bcf_hrec_find_key(const_cast<bcf_hrec_t*>(hrec), "length");
            if (k >= 0) length = std::strtoll(hrec->vals[k], nullptr, 10);
        }
        out.push_back({id, length});
    }
    return ContigDict(std::move(out));
}

std::vector<std::string> VcfReader::samples() const {
    std::vector<std::string> out;
    for (int i = 0; i < bcf_hdr_nsamples(header_); ++i) out.emplace_back(header_->samples[i]);
    return out;
}

std::string VcfReader::locus(const bcf1_t* record) const {
    return std::string(bcf_hdr_id2name(header_, record->rid)) + ":" + std::to_string(record->pos + 1);
}

void VcfReader::fetch(const Interval& region) {
    if (iterator_) {
        hts_itr_destroy(iterator_);
        iterator_ = nullptr;
    }
    region_empty_ = false;
    if (!index_ && !tabix_) throw Error(ErrorKind::internal, name(), "fetch() without an index");
    if (tabix_) {
        const int tid = tbx_name2id(tabix_, region.contig.c_str());
        if (tid < 0) {
            region_empty_ = true;
            return;
        }
        iterator_ = tbx_itr_queryi(tabix_, tid, region.beg, region.end);
    } else {
        const int rid = bcf_hdr_name2id(header_, region.contig.c_str());
        if (rid < 0) {
            region_empty_ = true;
            return;
        }
        iterator_ = bcf_itr_queryi(index_, rid, region.beg, region.end);
    }
    if (!iterator_) region_empty_ = true;
}

// Text VCF is read line by line so that a short line is reported as such
// (htslib accepts a line that stops after REF without complaint).
int VcfReader::read_text_line(bcf1_t* record) {
    kstring_t line{0, 0, nullptr};
    int ret = hts_getline(file_, '\n', &line);
    if (ret < 0) {
        free(line.s);
        return ret;
    }
    ++text_line_;
    size_t tabs = 0;
    for (size_t i = 0; i < line.l; ++i) tabs += line.s[i] == '\t';
    const int nsamples = bcf_hdr_nsamples(header_);
    const size_t needed = nsamples > 0 ? 9 + static_cast<size_t>(nsamples) : 8;
    if (tabs + 1 < needed) {
        std::string first(line.s, std::min<size_t>(line.l, 40));
        free(line.s);
        throw input_error(name(), "malformed VCF record: " + std::to_string(tabs + 1) + " columns where " +
                                      std::to_string(needed) + " are needed",
                          "data line " + std::to_string(text_line_) + " ('" + first + "')",
                          "columns must be separated by tabs");
    }
    // htslib reads POS "12x4" as 12 without complaint. (0 is allowed: the
    // VCF specification uses it for a telomere.)
    const char* pos = std::strchr(line.s, '\t');
    if (pos) {
        const char* end = std::strchr(pos + 1, '\t');
        std::string text(pos + 1, end ? end : line.s + line.l);
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
            free(line.s);
            throw input_error(name(), "malformed VCF record: POS '" + text + "' is not a whole number",
                              "data line " + std::to_string(text_line_), "check the file with 'bcftools view'");
        }
    }
    ret = vcf_parse(&line, header_, record);
    free(line.s);
    return ret < 0 ? -2 : 0;
}

bool VcfReader::next(bcf1_t* record) {
    QuietHtslib quiet;
    int ret;
    if (iterator_ || region_empty_) {
        if (region_empty_) return false;
        if (tabix_) {
            kstring_t line{0, 0, nullptr};
            ret = tbx_itr_next(file_, tabix_, iterator_, &line);
            if (ret >= 0) {
                ret = vcf_parse(&line, header_, record);
                if (ret < 0) ret = -2;
            }
            free(line.s);
        } else {
            ret = bcf_itr_next(file_, iterator_, record);
        }
    } else if (is_text_) {
        ret = read_text_line(record);
    } else {
        ret = bcf_read(file_, header_, record);
    }
    if (ret == -1) return false;
    if (ret < -1 || record->errcode) {
        std::string where = "record " + std::to_string(records_ + 1);
        if (ret >= -1 && record->rid >= 0) where = locus(record);
        std::string what = "malformed VCF record";
        if (record->errcode & BCF_ERR_CTG_UNDEF) what = "a record's contig has no ##contig header line";
        if (record->errcode & BCF_ERR_NCOLS) what = "a record has too few columns";
        throw input_error(name(), what, where, "check the file with 'bcftools view'");
    }
    ++records_;
    bcf_unpack(record, BCF_UN_STR);
    if (check_order_) {
        // Contigs may come in any order, but each once, and positions ascend within it.
        const bool contig_done = record->rid != last_rid_ && finished_.count(record->rid);
        if (contig_done || (record->rid == last_rid_ && record->pos < last_pos_)) {
            throw input_error(name(), "records are not sorted", locus(record), "sort it with 'bcftools sort'");
        }
        if (record->rid != last_rid_ && last_rid_ >= 0) finished_.insert(last_rid_);
        last_rid_ = record->rid;
        last_pos_ = record->pos;
    }
    return true;
}

}  // namespace somatic
