// Reference sequence access through htslib's faidx (plain or bgzipped FASTA).
//
// One Reference is one open file handle and is not safe to share between
// threads; workers each open their own (opening reads only the .fai).
#pragma once

#include <memory>
#include <string>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

struct faidx_t;

namespace somatic {

class Reference {
public:
    // Opens `path` and its .fai (built when missing and the directory is
    // writable, as samtools faidx would). Throws an input error naming the
    // file when it cannot be read or indexed.
    explicit Reference(std::string path);
    ~Reference();
    Reference(Reference&&) noexcept;
    Reference& operator=(Reference&&) noexcept;

    const std::string& path() const { return path_; }
    const ContigDict& contigs() const { return contigs_; }

    // The bases of [beg, end) in upper case; positions past the contig end
    // are not returned (the string is shorter). Throws on an unknown contig.
    std::string fetch(const std::string& contig, int64_t beg, int64_t end) const;
    std::string fetch(const Interval& iv) const { return fetch(iv.contig, iv.beg, iv.end); }

private:
    std::string path_;
    faidx_t* fai_ = nullptr;
    ContigDict contigs_;
};

}  // namespace somatic
