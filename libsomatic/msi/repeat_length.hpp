// The length of a microsatellite in one read, measured from the read's
// sequence, not from its alignment.
//
// The read must hold the site's reference flank on each side, exactly and
// at good base quality; the repeat's length is the number of read bases
// between them. Where the aligner put an indel inside the repeat (left,
// right, as a mismatch run or not at all) does not matter: this is
// MSIsensor's realignment-free measurement. The alignment is used only to
// say where in the read to look for the left flank. A read that ends inside
// the repeat or a flank, or whose flank differs from the reference (a
// sequencing error or a SNP), is not counted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "libsomatic/msi/sites.hpp"

struct bam1_t;

namespace somatic::msi {

// What a read is checked against: the site and its reference flanks.
struct SiteAnchors {
    int64_t beg = 0, end = 0;  // the repeat on the reference
    std::string left;          // reference bases [beg - flank, beg)
    std::string right;         // reference bases [end, end + flank)
};

// `reference` holds the site's contig from `ref_beg` on.
SiteAnchors anchors_of(const Microsatellite& site, std::string_view reference, int64_t ref_beg, int flank);

// The core, on plain sequence: `left_hint` is where the alignment puts the
// left flank's first base in the read (-1: not in the read). Looks for the
// left flank at the hint, then ever further from it up to the repeat's
// reference length either way (an aligner may shift a read whose repeat
// changed); then for the right flank's first occurrence after it, up to
// twice the reference length plus 10 bases of repeat. `quality` holds
// Phred scores (empty: not checked); every flank base needs
// `min_base_quality`. Returns the repeat's length in bases.
std::optional<int> repeat_length(std::string_view read, std::string_view quality, int64_t left_hint,
                                 const SiteAnchors& site, int min_base_quality);

// The read's offset aligned to reference position `pos` (a match, not an
// insertion or deletion or a clipped base), or -1.
int64_t query_offset(const bam1_t* read, int64_t pos);

// A record's bases as text and its qualities (empty when the record stores
// none), decoded once per read however many sites it covers.
struct ReadBases {
    std::string seq;
    std::string_view quality;  // into the record
};
void decode(const bam1_t* read, ReadBases& out);

// The same on a BAM record: its decoded bases and the alignment's hint.
std::optional<int> repeat_length(const bam1_t* read, const ReadBases& bases, const SiteAnchors& site,
                                 int min_base_quality);
std::optional<int> repeat_length(const bam1_t* read, const SiteAnchors& site, int min_base_quality);

}  // namespace somatic::msi
