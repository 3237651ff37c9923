#include "libsomatic/io/reference.hpp"

#include <htslib/faidx.h>
#include <htslib/hts.h>

#include <cstdlib>
#include <vector>

#include "libsomatic/core/error.hpp"

namespace somatic {

Reference::Reference(std::string path) : path_(std::move(path)) {
    if (path_.empty()) throw usage_error("a reference FASTA is required", "give it with --reference");
    // htslib would print its own complaints; the error we throw says it once.
    const auto old_level = hts_get_log_level();
    hts_set_log_level(HTS_LOG_OFF);
    fai_ = fai_load3(path_.c_str(), nullptr, nullptr, FAI_CREATE);
    hts_set_log_level(old_level);
    if (!fai_) {
        throw input_error(path_, "cannot open the reference FASTA or its index",
                          {}, "check the file exists; a bgzipped FASTA also needs its .fai and .gzi (samtools faidx)");
    }
    const int n = faidx_nseq(fai_);
    std::vector<Contig> contigs;
    contigs.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const char* name = faidx_iseq(fai_, i);
        contigs.push_back({name, static_cast<int64_t>(faidx_seq_len(fai_, name))});
    }
    if (contigs.empty()) throw input_error(path_, "the reference has no sequences");
    contigs_ = ContigDict(std::move(contigs));
}

Reference::~Reference() {
    if (fai_) fai_destroy(fai_);
}

Reference::Reference(Reference&& other) noexcept
    : path_(std::move(other.path_)), fai_(other.fai_), contigs_(std::move(other.contigs_)) {
    other.fai_ = nullptr;
}

Reference& Reference::operator=(Reference&& other) noexcept {
    if (this != &other) {
        if (fai_) fai_destroy(fai_);
        path_ = std::move(other.path_);
        fai_ = other.fai_;
        contigs_ = std::move(other.contigs_);
        other.fai_ = nullptr;
    }
    return *this;
}

std::string Reference::fetch(const std::string& contig, int64_t beg, int64_t end) const {
    const Contig* c = contigs_.find(contig);
    if (!c) throw input_error(path_, "contig '" + contig + "' is not in the reference", {}, contigs_.suggest(contig));
    if (end > c->length) end = c->length;
    if (beg >= end) return {};
    hts_pos_t len = 0;
    char* seq = faidx_fetch_seq64(fai_, contig.c_str(), beg, end - 1, &len);
    if (!seq || len < 0) {
        std::free(seq);
        throw input_error(path_, "cannot read the reference sequence", Interval{contig, beg, end}.to_region_string(),
                          "the FASTA or its index may be truncated or stale; rebuild it with samtools faidx");
    }
    std::string out(seq, static_cast<size_t>(len));
    std::free(seq);
    for (char& b : out) {
        if (b >= 'a' && b <= 'z') b = static_cast<char>(b - 'a' + 'A');
    }
    return out;
}

}  // namespace somatic
