// Indel candidates from the reads' CIGAR insertions and deletions, each
// moved to its leftmost equivalent position (left-aligned) and written as
// VCF writes it: a padding base, then the deleted or inserted bases. An
// aligner places one indel at different positions in different reads; left
// alignment makes them one candidate, and the candidate then belongs to
// the chunk holding its padding base.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/io/alignment_file.hpp"

struct bam1_t;

namespace somatic::snv {

// One indel allele. pos is the 0-based position of the padding base; ref
// and alt both start with it, and one of them is that base alone.
struct IndelAllele {
    int64_t pos = 0;
    std::string ref, alt;

    bool is_insertion() const { return alt.size() > ref.size(); }
    int length() const { return static_cast<int>(is_insertion() ? alt.size() - ref.size() : ref.size() - alt.size()); }
    // The inserted or deleted bases.
    std::string_view changed() const {
        return std::string_view(is_insertion() ? alt : ref).substr(1);
    }
    friend bool operator==(const IndelAllele&, const IndelAllele&) = default;
    friend auto operator<=>(const IndelAllele&, const IndelAllele&) = default;
};

// The reference of a window: bases [beg, beg + bases.size()).
struct RefWindow {
    int64_t beg = 0;
    std::string_view bases;
    int64_t end() const { return beg + static_cast<int64_t>(bases.size()); }
    char at(int64_t pos) const { return bases[static_cast<size_t>(pos - beg)]; }
    bool holds(int64_t pos) const { return pos >= beg && pos < end(); }
};

inline constexpr int kMaxIndelLength = 50;

// A deletion of ref [start, start + length) or an insertion of `inserted`
// before ref position `start`, left-aligned within `ref` and given its
// padding base. False when the padding base or the shifted indel leaves
// the window, or touches an N (the reference does not say what it is).
bool left_align_deletion(const RefWindow& ref, int64_t start, int length, IndelAllele& out);
bool left_align_insertion(const RefWindow& ref, int64_t start, std::string inserted, IndelAllele& out);

// A VCF record's allele pair trimmed to its parsimonious form (common
// suffix, then common prefix down to one padding base) and left-aligned;
// false for anything but a plain insertion or deletion of A/C/G/T.
bool normalise_indel(const RefWindow& ref, int64_t pos, std::string_view ref_allele, std::string_view alt_allele,
                     IndelAllele& out);

// The left-aligned indels of 1..kMaxIndelLength bases in one read's CIGAR.
// Reads with CIGAR N (spliced) or P give none; = and X count as M.
void read_indels(const bam1_t* read, const RefWindow& ref, std::vector<IndelAllele>& out);

// The indels a read's soft clip implies (for longer insertions and indels
// near a read's end, which aligners clip): a clip of at least 12 bases whose
// first (last) 12-20 bases the reference holds 1..kMaxIndelLength bases
// further on (back) is a deletion, and one whose bases after (before) its
// first (last) k the reference continues with at once is an insertion of
// those k. Left-aligned; a candidate still needs the haplotype scoring.
void clipped_indels(const bam1_t* read, const RefWindow& ref, std::vector<IndelAllele>& out);

struct IndelCandidate {
    IndelAllele allele;
    uint32_t reads = 0;  // reads whose CIGAR holds it
};

// Every indel held by at least `min_reads` reads of `reads` (in their CIGAR
// or implied by a soft clip) with its padding base inside `keep`, sorted by
// allele.
std::vector<IndelCandidate> indel_candidates(const ReadBatch& reads, const RefWindow& ref, const Interval& keep,
                                             uint32_t min_reads);

}  // namespace somatic::snv
