#include "libsomatic/msi/repeat_length.hpp"

#include <htslib/sam.h>

#include <algorithm>

namespace somatic::msi {

SiteAnchors anchors_of(const Microsatellite& site, std::string_view reference, int64_t ref_beg, int flank) {
    SiteAnchors a;
    a.beg = site.beg;
    a.end = site.end;
    const int64_t l = site.beg - flank - ref_beg, r = site.end - ref_beg;
    if (l >= 0 && r + flank <= static_cast<int64_t>(reference.size())) {
        a.left = std::string(reference.substr(static_cast<size_t>(l), static_cast<size_t>(flank)));
        a.right = std::string(reference.substr(static_cast<size_t>(r), static_cast<size_t>(flank)));
    }
    return a;
}

namespace {

bool good_quality(std::string_view quality, int64_t at, size_t n, int min_base_quality) {
    if (quality.empty()) return true;
    for (size_t i = 0; i < n; ++i) {
        if (static_cast<unsigned char>(quality[static_cast<size_t>(at) + i]) < min_base_quality) return false;
    }
    return true;
}

}  // namespace

std::optional<int> repeat_length(std::string_view read, std::string_view quality, int64_t left_hint,
                                 const SiteAnchors& site, int min_base_quality) {
    const int64_t n = static_cast<int64_t>(read.size());
    const int64_t f = static_cast<int64_t>(site.left.size());
    if (left_hint < 0 || f == 0 || site.right.size() != site.left.size()) return std::nullopt;
    const int64_t ref_length = site.end - site.beg;
    auto left_at = [&](int64_t q) { return q >= 0 && q + f <= n && read.substr(q, f) == site.left; };
    int64_t left = -1;
    for (int64_t d = 0; d <= ref_length && left < 0; ++d) {
        if (left_at(left_hint - d)) left = left_hint - d;
        else if (left_at(left_hint + d)) left = left_hint + d;
    }
    if (left < 0) return std::nullopt;
    const int64_t start = left + f;
    for (int64_t q = start; q <= start + 2 * ref_length + 10; ++q) {
        if (q + f > n) return std::nullopt;  // the read ends inside the repeat or its right flank
        if (read.substr(q, f) != site.right) continue;
        if (!good_quality(quality, left, f, min_base_quality) || !good_quality(quality, q, f, min_base_quality)) {
            return std::nullopt;
        }
        return static_cast<int>(q - start);
    }
    return std::nullopt;
}

int64_t query_offset(const bam1_t* read, int64_t pos) {
    int64_t ref = read->core.pos, query = 0;
    const uint32_t* cigar = bam_get_cigar(read);
    for (uint32_t i = 0; i < read->core.n_cigar; ++i) {
        const int op = bam_cigar_op(cigar[i]);
        const int64_t len = bam_cigar_oplen(cigar[i]);
        const int type = bam_cigar_type(op);  // bit 1: consumes query, bit 2: consumes reference
        if ((type & 1) && (type & 2)) {
            if (pos >= ref && pos < ref + len) return query + (pos - ref);
            ref += len;
            query += len;
        } else if (type & 2) {
            if (pos >= ref && pos < ref + len) return -1;
            ref += len;
        } else if (type & 1) {
            query += len;
        }
        if (ref > pos) break;
    }
    return -1;
}

void decode(const bam1_t* read, ReadBases& out) {
    const int n = read->core.l_qseq;
    out.seq.resize(static_cast<size_t>(n));
    const uint8_t* s = bam_get_seq(read);
    for (int i = 0; i < n; ++i) out.seq[static_cast<size_t>(i)] = seq_nt16_str[bam_seqi(s, i)];
    const uint8_t* q = bam_get_qual(read);
    // A record without qualities stores 0xff: then they are not checked.
    out.quality = n > 0 && q[0] == 0xff ? std::string_view()
                                        : std::string_view(reinterpret_cast<const char*>(q), static_cast<size_t>(n));
}

std::optional<int> repeat_length(const bam1_t* read, const ReadBases& bases, const SiteAnchors& site,
                                 int min_base_quality) {
    const int64_t hint = query_offset(read, site.beg - static_cast<int64_t>(site.left.size()));
    if (hint < 0) return std::nullopt;
    return repeat_length(bases.seq, bases.quality, hint, site, min_base_quality);
}

std::optional<int> repeat_length(const bam1_t* read, const SiteAnchors& site, int min_base_quality) {
    ReadBases bases;
    decode(read, bases);
    return repeat_length(read, bases, site, min_base_quality);
}

}  // namespace somatic::msi
