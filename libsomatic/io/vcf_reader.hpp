// Reading VCF and BCF (plain, bgzipped, or standard input) through htslib,
// with errors that name the file and the line's locus instead of htslib's
// own messages.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

struct htsFile;
struct bcf_hdr_t;
struct bcf1_t;
struct hts_idx_t;
struct tbx_t;
struct hts_itr_t;

namespace somatic {

class VcfReader {
public:
    // "-" reads standard input. With `need_index`, the .tbi/.csi is loaded
    // (and its absence is an error) so that fetch() can be used.
    explicit VcfReader(std::string path, bool need_index = false);
    ~VcfReader();
    VcfReader(const VcfReader&) = delete;
    VcfReader& operator=(const VcfReader&) = delete;

    const std::string& path() const { return path_; }
    std::string name() const;  // for messages: the path or "standard input"
    bcf_hdr_t* header() const { return header_; }
    // ##contig lines, in order; lengths are 0 where the header gives none.
    ContigDict contigs() const;
    std::vector<std::string> samples() const;

    // Reads the next record, unpacked up to FORMAT. Returns false at the end.
    // Throws an input error on a malformed line and, when `check_order` is
    // set, on a record that comes before the previous one.
    bool next(bcf1_t* record);
    void set_check_order(bool on) { check_order_ = on; }

    // Restricts next() to records overlapping `region` (needs the index).
    // A contig absent from the file gives no records.
    void fetch(const Interval& region);

    // "chr1:12345" for a record of this file (1-based, as the user sees it).
    std::string locus(const bcf1_t* record) const;

private:
    void open(bool need_index);
    void release();  // frees whatever is open; the destructor and a failing constructor

    std::string path_;
    htsFile* file_ = nullptr;
    bcf_hdr_t* header_ = nullptr;
    hts_idx_t* index_ = nullptr;  // BCF
    tbx_t* tabix_ = nullptr;      // VCF.gz
    hts_itr_t* iterator_ = nullptr;
    int read_text_line(bcf1_t* record);

    bool is_text_ = false;
    uint64_t text_line_ = 0;
    bool region_empty_ = false;
    bool check_order_ = false;
    std::set<int> finished_;  // contigs already left behind
    int last_rid_ = -1;
    int64_t last_pos_ = -1;
    uint64_t records_ = 0;
    std::string line_buffer_;
};

}  // namespace somatic
