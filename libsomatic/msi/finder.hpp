// Finding microsatellites in a stretch of reference sequence.
//
// A microsatellite is a maximal run of one motif of 1 to max_unit bases
// (the motif not itself a repeat of a shorter one: AA is A, ATAT is AT)
// that repeats at least min_homopolymer times (motif of one base) or
// min_repeats times (longer motifs), trimmed to whole units. Only sites a
// read can measure are kept: at most max_length bases, with `flank` bases
// of A/C/G/T on both sides that overlap no other such run (the read's
// anchors must be unique sequence, not the next repeat). The runs are
// snv::repeat_tracts', the indel model's, with these thresholds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "libsomatic/msi/sites.hpp"

namespace somatic::msi {

struct FinderOptions {
    // MSIsensor's defaults for the sites it tests (msisensor msi -p 10 -s 5,
    // motifs up to 5 bases, context 5): shorter runs rarely slip.
    int min_homopolymer = 10;
    int min_repeats = 5;
    int max_unit = 5;
    int max_length = 50;  // a 100-150 bp read must hold the run and both flanks
    int flank = 5;

    // Throws a usage error naming the field of a bad value.
    void validate() const;
};

// The sites of `seq` (upper case; seq[0] is at contig position `seq_beg`)
// whose start lies in [own_beg, own_end), in position order. `seq` must
// reach max_length + flank + 1 bases beyond both ends of the owned range
// where the contig allows, so that each run is seen whole with its
// neighbours.
std::vector<Microsatellite> find_microsatellites(std::string_view seq, const std::string& contig, int64_t seq_beg,
                                                 int64_t own_beg, int64_t own_end, const FinderOptions& options);

}  // namespace somatic::msi
