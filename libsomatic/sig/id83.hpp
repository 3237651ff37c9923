// The 83 small insertion and deletion channels (ID83) of COSMIC, as
// SigProfilerMatrixGenerator defines them, and the classification of one
// indel against the reference.
//
// An indel is first reduced to a pure deletion or insertion of one sequence
// S (|S| = L) and left-aligned against the reference (normalise_indel): a
// VCF from another caller, or one never passed through `bcftools norm`,
// classifies as the normalised one would. Then, with the reference read 3'
// of the event (left alignment leaves no copy of S on the 5' side):
//
//   1 bp deletion   1:Del:C|T:k  k = copies of the deleted base that follow
//                   it, 0-5 (5 = 5 or more), so k + 1 is the homopolymer's
//                   length in the reference (deleting one T of TTTTT is
//                   1:Del:T:4). The base is named on the pyrimidine strand
//                   (a deleted A is a T, a G a C).
//   1 bp insertion  1:Ins:C|T:k  k = copies of the inserted base already in
//                   the reference after the insertion point, 0-5+.
//   longer, L = 2, 3, 4 or 5+ (channel prefix n = min(L, 5)):
//     deletion      n:Del:R:k  k = copies of S that follow the deleted one,
//                   0-5+ (the unit is S itself, as in SigProfiler);
//                   when k = 0 and S's first m bases repeat right after it
//                   (microhomology, 1 <= m < L): n:Del:M:m, m capped at 5;
//                   with neither: n:Del:R:0.
//     insertion     n:Ins:R:k  k = copies of S already in the reference
//                   after the insertion point, 0-5+. Insertions have no
//                   microhomology channels.
//
// Both the repeat and the microhomology scans stop at an N or the contig end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace somatic::sig {

inline constexpr int kIdChannels = 83;

// "1:Del:C:0" ... "5:Del:M:5", in COSMIC order.
std::vector<std::string> id83_channel_names();

// A pure deletion of `sequence` (reference bases [pos, pos + L)) or a pure
// insertion of `sequence` before reference base `pos`. 0-based.
struct Indel {
    bool deletion = true;
    int64_t pos = 0;
    std::string sequence;  // upper case A/C/G/T
};

enum class IndelShape {
    indel,      // `out` holds the normalised indel
    not_indel,  // REF == ALT after trimming, or equal lengths
    complex,    // bases both removed and added (REF AC, ALT GTT): no ID83 channel
    not_acgt,   // a character other than A/C/G/T in REF or ALT
};

// Trims the bases REF and ALT share (suffix first, then prefix, as
// `bcftools norm` does) and shifts what is left as far 5' as the reference
// allows. `seq` is the whole contig (upper case), `pos0` the record's 0-based
// position; REF is assumed to match `seq` (the caller checks it). `moved` is
// set when the result differs from the record as written, i.e. the record
// was not left-aligned and parsimonious with one padding base.
IndelShape normalise_indel(const std::string& seq, int64_t pos0, std::string_view ref, std::string_view alt,
                           Indel& out, bool& moved);

// The ID83 channel of a normalised indel (see above).
int id83_channel(const std::string& seq, const Indel& indel);

// The plot's blocks: 16 groups of consecutive channels with COSMIC's
// header labels and colours (1bp Del C, 1bp Del T, 1bp Ins C, 1bp Ins T,
// 2..5+ bp Del repeats, 2..5+ bp Ins repeats, 2..5+ bp microhomology).
struct Id83Group {
    int first;          // first channel
    int count;          // channels in the block
    std::string top;    // band label ("1bp Deletion", ...)
    std::string label;  // block label ("C", "T", "2", "5+")
    const char* colour;
};
const std::vector<Id83Group>& id83_groups();

}  // namespace somatic::sig
