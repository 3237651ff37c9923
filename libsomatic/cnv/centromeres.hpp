// Where each chromosome's centromere lies, for the arm-aware HRD measures
// (hrd_score.hpp: telomeric allelic imbalance and large-scale transitions).
//
// Built in: the centromeres of the GRCh37 and GRCh38 primary chromosomes
// (centromere_table.cpp). A contig takes one only when both its name ("chr1"
// or "1") and its length are that build's, so that a contig of another
// assembly, or a piece cut from one, never borrows a position that is not
// its own. Other references give a BED file (--centromeres): chrom, start,
// end; the lines of one chromosome are joined into their span, so UCSC's
// cytoBand lines of stain "acen" can be given as they are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace somatic::cnv {

struct Centromere {
    int64_t beg = -1, end = -1;  // 0-based, half-open; -1: unknown
    bool known() const { return beg >= 0; }
};

// The built-in centromere of each of `contigs` whose name and length
// (`lengths[i]`, 0: unknown) match GRCh37's or GRCh38's; unknown otherwise.
// `builds` gets the names of the builds that matched ("GRCh38"), once each.
std::vector<Centromere> builtin_centromeres(const std::vector<std::string>& contigs,
                                            const std::vector<int64_t>& lengths, std::vector<std::string>& builds);

// The centromere of each of `contigs` from a BED file (names matched with or
// without "chr"); unknown for a contig the file does not name. Throws an
// input error for a line with fewer than three fields, positions that are not
// numbers, or end <= start.
std::vector<Centromere> read_centromeres(const std::string& bed, const std::vector<std::string>& contigs);

// The built-in table as text, "#build chrom length cen_start cen_end" (for its test).
std::string_view centromere_table_text();

}  // namespace somatic::cnv
