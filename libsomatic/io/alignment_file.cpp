#include "libsomatic/io/alignment_file.hpp"

#include <htslib/cram.h>
#include <htslib/hts.h>
#include <htslib/sam.h>
#include <htslib/thread_pool.h>
#include <sys/stat.h>

#include <new>
#include <set>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/input_path.hpp"

namespace somatic {

bool ReadFilter::passes(const bam1_t* read) const {
    const uint16_t flag = read->core.flag;
    if (skip_unmapped && (flag & BAM_FUNMAP)) return false;
    if (skip_secondary && (flag & BAM_FSECONDARY)) return false;
    if (skip_supplementary && (flag & BAM_FSUPPLEMENTARY)) return false;
    if (skip_qc_fail && (flag & BAM_FQCFAIL)) return false;
    if (skip_duplicates && (flag & BAM_FDUP)) return false;
    return read->core.qual >= min_mapq;
}

ReadBatch::~ReadBatch() {
    for (bam1_t* b : records_) bam_destroy1(b);
}

ReadBatch::ReadBatch(ReadBatch&& o) noexcept : records_(std::move(o.records_)), size_(o.size_) {
    o.records_.clear();
    o.size_ = 0;
}

ReadBatch& ReadBatch::operator=(ReadBatch&& o) noexcept {
    if (this != &o) {
        for (bam1_t* b : records_) bam_destroy1(b);
        records_ = std::move(o.records_);
        size_ = o.size_;
        o.records_.clear();
        o.size_ = 0;
    }
    return *this;
}

bam1_t* ReadBatch::next_slot() {
    if (size_ == records_.size()) {
        bam1_t* b = bam_init1();
        if (!b) throw std::bad_alloc();
        records_.push_back(b);
    }
    return records_[size_];
}

namespace {

// htslib's messages about a file we then reject would duplicate ours.
class QuietHtslib {
public:
    QuietHtslib() : level_(hts_get_log_level()) { hts_set_log_level(HTS_LOG_OFF); }
    ~QuietHtslib() { hts_set_log_level(level_); }

private:
    htsLogLevel level_;
};

bool index_is_stale(const std::string& data, const char* index) {
    struct stat ds {}, is {};
    if (!index || stat(data.c_str(), &ds) != 0 || stat(index, &is) != 0) return false;
    // One second of slack: copies and checkouts write the two files a moment apart.
    return is.st_mtime + 1 < ds.st_mtime;
}

}  // namespace

AlignmentFile::AlignmentFile(std::string path, const std::string& reference_path, htsThreadPool* pool)
    : path_(std::move(path)) {
    QuietHtslib quiet;
    if (path_ == "-") {
        throw usage_error("alignments cannot be read from standard input", "the caller needs an indexed BAM or CRAM");
    }
    require_input_file(path_, "an alignment file");
    file_ = hts_open(path_.c_str(), "r");
    if (!file_) throw input_error(path_, "cannot open the alignment file", {}, "check it exists and is readable");
    const htsFormat* fmt = hts_get_format(file_);
    if (fmt->category != sequence_data || (fmt->format != bam && fmt->format != cram && fmt->format != sam)) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(path_, "is not a BAM or CRAM file");
    }
    is_cram_ = fmt->format == cram;
    if (fmt->format == sam) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(path_, "is a SAM text file", {}, "convert it to an indexed BAM or CRAM with samtools");
    }
    if (is_cram_) {
        if (reference_path.empty()) {
            hts_close(file_);
            file_ = nullptr;
            throw input_error(path_, "a CRAM file needs its reference", {}, "give it with --reference");
        }
        hts_set_fai_filename(file_, reference_path.c_str());
    }
    // A BGZF file that lacks the empty end-of-file block was cut short.
    if (hts_check_EOF(file_) == 0) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(path_, "the file is truncated (no end-of-file marker)",
                          {}, "the copy or the aligner's run did not finish; produce the file again");
    }
    if (pool) hts_set_opt(file_, HTS_OPT_THREAD_POOL, pool);
    header_ = sam_hdr_read(file_);
    if (!header_) {
        hts_close(file_);
        file_ = nullptr;
        throw input_error(path_, "cannot read the header", {}, "the file may be truncated or not an alignment file");
    }
    index_ = sam_index_load3(file_, path_.c_str(), nullptr, HTS_IDX_SAVE_REMOTE);
    if (!index_) {
        sam_hdr_destroy(header_);
        hts_close(file_);
        header_ = nullptr;
        file_ = nullptr;
        throw input_error(path_, "no index found", {}, "index it with 'samtools index " + path_ + "'");
    }
    for (const char* ext : {".bai", ".csi", ".crai"}) {
        const std::string candidate = path_ + ext;
        struct stat is {};
        if (stat(candidate.c_str(), &is) == 0) {
            if (index_is_stale(path_, candidate.c_str())) {
                hts_idx_destroy(index_);
                sam_hdr_destroy(header_);
                hts_close(file_);
                index_ = nullptr;
                header_ = nullptr;
                file_ = nullptr;
                throw input_error(path_, "the index " + candidate + " is older than the data file",
                                  {}, "re-index it with 'samtools index " + path_ + "'");
            }
            break;
        }
    }
    std::vector<Contig> contigs;
    for (int i = 0; i < sam_hdr_nref(header_); ++i) {
        contigs.push_back({sam_hdr_tid2name(header_, i), static_cast<int64_t>(sam_hdr_tid2len(header_, i))});
    }
    contigs_ = ContigDict(std::move(contigs));
}

AlignmentFile::~AlignmentFile() {
    if (index_) hts_idx_destroy(index_);
    if (header_) sam_hdr_destroy(header_);
    if (file_) hts_close(file_);
}

std::string AlignmentFile::sample_name() const {
    std::set<std::string> samples;
    const int n = sam_hdr_count_lines(header_, "RG");
    kstring_t value{0, 0, nullptr};
    for (int i = 0; i < n; ++i) {
        if (sam_hdr_find_tag_pos(header_, "RG", i, "SM", &value) == 0) samples.insert(value.s);
    }
    free(value.s);
    if (samples.empty()) {
        throw input_error(path_, "no read group with a sample name (@RG SM tag)", {},
                          "add one with samtools addreplacerg, or name the sample with --tumour-name/--normal-name");
    }
    if (samples.size() > 1) {
        throw input_error(path_, "holds more than one sample ('" + *samples.begin() + "' and '" +
                                     *std::next(samples.begin()) + "')",
                          {}, "give one sample per file, or name the sample with --tumour-name/--normal-name");
    }
    return *samples.begin();
}

hts_itr_t* AlignmentFile::query(const Interval& region) {
    const int tid = sam_hdr_name2tid(header_, region.contig.c_str());
    if (tid < 0) {
        throw input_error(path_, "contig '" + region.contig + "' is not in the header", {}, contigs_.suggest(region.contig));
    }
    hts_itr_t* it = sam_itr_queryi(index_, tid, region.beg, region.end);
    if (!it) throw input_error(path_, "cannot query the index", region.to_region_string(), "re-index the file");
    return it;
}

void AlignmentFile::check_end(int ret, const Interval& region) const {
    if (ret < -1) {
        throw input_error(path_, "cannot decode the reads", region.to_region_string(),
                          is_cram_ ? "the file is corrupt, or the CRAM's reference differs from --reference"
                                   : "the file is truncated or corrupt");
    }
}

ReadCounts AlignmentFile::fetch(const Interval& region, const ReadFilter& filter, ReadBatch& out) {
    ReadCounts counts;
    hts_itr_t* it = query(region);
    int ret;
    while ((ret = sam_itr_next(file_, it, out.next_slot())) >= 0) {
        bam1_t* b = out.next_slot();
        if (filter.passes(b)) {
            out.push();
            ++counts.kept;
        } else {
            ++counts.filtered;
        }
    }
    hts_itr_destroy(it);
    check_end(ret, region);
    return counts;
}

void AlignmentFile::for_each(const Interval& region, const std::function<void(const bam1_t*)>& on_read) {
    hts_itr_t* it = query(region);
    bam1_t* b = bam_init1();
    if (!b) {
        hts_itr_destroy(it);
        throw std::bad_alloc();
    }
    int ret;
    try {
        while ((ret = sam_itr_next(file_, it, b)) >= 0) on_read(b);
    } catch (...) {
        bam_destroy1(b);
        hts_itr_destroy(it);
        throw;
    }
    bam_destroy1(b);
    hts_itr_destroy(it);
    check_end(ret, region);
}

void AlignmentFile::decode_positions_only() {
    if (is_cram_) hts_set_opt(file_, CRAM_OPT_REQUIRED_FIELDS, SAM_FLAG | SAM_RNAME | SAM_POS | SAM_MAPQ);
}

}  // namespace somatic
