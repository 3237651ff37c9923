#include "libsomatic/snv/indel_candidates.hpp"

#include <htslib/sam.h>

#include <algorithm>
#include <map>

namespace somatic::snv {

namespace {
bool is_acgt(char b) { return b == 'A' || b == 'C' || b == 'G' || b == 'T'; }
bool all_acgt(std::string_view s) { return std::all_of(s.begin(), s.end(), is_acgt); }
}  // namespace

bool left_align_deletion(const RefWindow& ref, int64_t start, int length, IndelAllele& out) {
    if (length < 1 || start - 1 < ref.beg || start + length > ref.end()) return false;
    // Shift left while the base before the deletion equals its last base.
    while (start - 1 > ref.beg && ref.at(start - 1) == ref.at(start + length - 1)) --start;
    const std::string_view bases = ref.bases.substr(static_cast<size_t>(start - 1 - ref.beg),
                                                    static_cast<size_t>(length + 1));
    if (!all_acgt(bases)) return false;
    // Stopped by the window, not by the sequence: its leftmost place is unknown.
    if (start - 1 == ref.beg && ref.beg > 0 && bases[0] == bases.back()) return false;
    out.pos = start - 1;
    out.ref = std::string(bases);
    out.alt = std::string(1, bases[0]);
    return true;
}

bool left_align_insertion(const RefWindow& ref, int64_t start, std::string inserted, IndelAllele& out) {
    if (inserted.empty() || start - 1 < ref.beg || start > ref.end() || !all_acgt(inserted)) return false;
    while (start - 1 > ref.beg && ref.at(start - 1) == inserted.back()) {
        inserted.pop_back();
        inserted.insert(inserted.begin(), ref.at(start - 1));
        --start;
    }
    const char pad = ref.at(start - 1);
    if (!is_acgt(pad)) return false;
    if (start - 1 == ref.beg && ref.beg > 0 && pad == inserted.back()) return false;
    out.pos = start - 1;
    out.ref = std::string(1, pad);
    out.alt = out.ref + inserted;
    return true;
}

bool normalise_indel(const RefWindow& ref, int64_t pos, std::string_view r, std::string_view a, IndelAllele& out) {
    if (r.empty() || a.empty() || !all_acgt(r) || !all_acgt(a) || r.size() == a.size()) return false;
    while (r.size() > 1 && a.size() > 1 && r.back() == a.back()) r.remove_suffix(1), a.remove_suffix(1);
    while (r.size() > 1 && a.size() > 1 && r.front() == a.front()) r.remove_prefix(1), a.remove_prefix(1), ++pos;
    if (std::min(r.size(), a.size()) != 1 || r[0] != a[0]) return false;  // a complex change, not a plain indel
    const int64_t start = pos + 1;
    if (r.size() > a.size()) {
        const int length = static_cast<int>(r.size() - 1);
        return left_align_deletion(ref, start, length, out);
    }
    return left_align_insertion(ref, start, std::string(a.substr(1)), out);
}

void read_indels(const bam1_t* read, const RefWindow& ref, std::vector<IndelAllele>& out) {
    const uint32_t* cigar = bam_get_cigar(read);
    const uint32_t n = read->core.n_cigar;
    for (uint32_t i = 0; i < n; ++i) {
        const int op = bam_cigar_op(cigar[i]);
        if (op == BAM_CREF_SKIP || op == BAM_CPAD) return;
    }
    const uint8_t* seq = bam_get_seq(read);
    int64_t rpos = read->core.pos;
    int32_t qpos = 0;
    IndelAllele allele;
    for (uint32_t i = 0; i < n; ++i) {
        const int op = bam_cigar_op(cigar[i]);
        const int len = static_cast<int>(bam_cigar_oplen(cigar[i]));
        switch (op) {
            case BAM_CMATCH:
            case BAM_CEQUAL:
            case BAM_CDIFF:
                rpos += len;
                qpos += len;
                break;
            case BAM_CSOFT_CLIP:
                qpos += len;
                break;
            case BAM_CDEL:
                // An indel at a read's first or last aligned base is not anchored.
                if (len <= kMaxIndelLength && i > 0 && i + 1 < n && left_align_deletion(ref, rpos, len, allele)) {
                    out.push_back(allele);
                }
                rpos += len;
                break;
            case BAM_CINS:
                if (len <= kMaxIndelLength && i > 0 && i + 1 < n) {
                    std::string inserted(static_cast<size_t>(len), 'N');
                    for (int k = 0; k < len; ++k) inserted[static_cast<size_t>(k)] = seq_nt16_str[bam_seqi(seq, qpos + k)];
                    if (left_align_insertion(ref, rpos, std::move(inserted), allele)) out.push_back(allele);
                }
                qpos += len;
                break;
            default:  // H
                break;
        }
    }
}

namespace {

// Bases of a clip compared with the reference: enough that a chance match
// within kMaxIndelLength is rare (4^-12 per place), few enough for short clips.
constexpr int kMinClipMatch = 12;
constexpr int kMaxClipMatch = 20;

bool matches(const RefWindow& ref, int64_t at, std::string_view s) {
    if (at < ref.beg || at + static_cast<int64_t>(s.size()) > ref.end()) return false;
    return ref.bases.substr(static_cast<size_t>(at - ref.beg), s.size()) == s;
}

}  // namespace

void clipped_indels(const bam1_t* read, const RefWindow& ref, std::vector<IndelAllele>& out) {
    const uint32_t* cigar = bam_get_cigar(read);
    const uint32_t n = read->core.n_cigar;
    if (n < 2) return;
    const int len = read->core.l_qseq;
    const uint8_t* seq = bam_get_seq(read);
    std::string bases(static_cast<size_t>(len), 'N');
    for (int k = 0; k < len; ++k) bases[static_cast<size_t>(k)] = seq_nt16_str[bam_seqi(seq, k)];
    IndelAllele a;
    // Trailing clip: the reference goes on d bases further (a deletion), or
    // after the clip's first k bases (an insertion of them).
    if (bam_cigar_op(cigar[n - 1]) == BAM_CSOFT_CLIP) {
        const int c = static_cast<int>(bam_cigar_oplen(cigar[n - 1]));
        const std::string_view clip = std::string_view(bases).substr(static_cast<size_t>(len - c));
        const int64_t e = bam_endpos(read);
        if (c >= kMinClipMatch) {
            const auto head = clip.substr(0, std::min(c, kMaxClipMatch));
            for (int d = 1; d <= kMaxIndelLength; ++d) {
                if (matches(ref, e + d, head)) {
                    if (left_align_deletion(ref, e, d, a)) out.push_back(a);
                    break;
                }
            }
        }
        for (int k = 1; k <= kMaxIndelLength && c - k >= kMinClipMatch; ++k) {
            const auto rest = clip.substr(static_cast<size_t>(k), static_cast<size_t>(std::min(c - k, kMaxClipMatch)));
            if (matches(ref, e, rest)) {
                if (left_align_insertion(ref, e, std::string(clip.substr(0, static_cast<size_t>(k))), a)) out.push_back(a);
                break;
            }
        }
    }
    // Leading clip: the same, leftwards.
    if (bam_cigar_op(cigar[0]) == BAM_CSOFT_CLIP) {
        const int c = static_cast<int>(bam_cigar_oplen(cigar[0]));
        const std::string_view clip = std::string_view(bases).substr(0, static_cast<size_t>(c));
        const int64_t s = read->core.pos;
        if (c >= kMinClipMatch) {
            const int m = std::min(c, kMaxClipMatch);
            const auto tail = clip.substr(static_cast<size_t>(c - m));
            for (int d = 1; d <= kMaxIndelLength; ++d) {
                if (matches(ref, s - d - m, tail)) {
                    if (left_align_deletion(ref, s - d, d, a)) out.push_back(a);
                    break;
                }
            }
        }
        for (int k = 1; k <= kMaxIndelLength && c - k >= kMinClipMatch; ++k) {
            const int m = std::min(c - k, kMaxClipMatch);
            const auto before = clip.substr(static_cast<size_t>(c - k - m), static_cast<size_t>(m));
            if (matches(ref, s - m, before)) {
                if (left_align_insertion(ref, s, std::string(clip.substr(static_cast<size_t>(c - k))), a)) {
                    out.push_back(a);
                }
                break;
            }
        }
    }
}

std::vector<IndelCandidate> indel_candidates(const ReadBatch& reads, const RefWindow& ref, const Interval& keep,
                                             uint32_t min_reads) {
    std::map<IndelAllele, uint32_t> seen;
    std::vector<IndelAllele> found;
    for (size_t r = 0; r < reads.size(); ++r) {
        const bam1_t* read = reads[r];
        found.clear();
        read_indels(read, ref, found);
        clipped_indels(read, ref, found);
        for (auto& a : found) {
            if (keep.contains(a.pos)) ++seen[a];
        }
    }
    std::vector<IndelCandidate> out;
    for (auto& [allele, n] : seen) {
        if (n >= min_reads) out.push_back({allele, n});
    }
    return out;
}

}  // namespace somatic::snv
