// The repeat context of an indel, named as Strelka2 names it: the repeat
// unit RU (the shortest sequence whose copies make the inserted or deleted
// sequence), RC the number of copies of RU that the reference holds from
// the base after the padding base on, and IC the number the alternative
// allele holds there (RC - k for a deletion of k copies, RC + k for an
// insertion). A 1 bp deletion in AAAAA: RU=A, RC=5, IC=4. Outside repeats
// a deletion has RC=1, IC=0 and an insertion RC=0, IC=1.
//
// Also the reference's repeat tracts, for the indel error model: maximal
// runs of copies of a primitive unit of 1-6 bp, at least two copies long.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace somatic::snv {

struct RepeatContext {
    std::string unit;   // RU
    int ref_count = 0;  // RC
    int alt_count = 0;  // IC
    // The unit length, or 0 when the indel is not a change of whole copies
    // of a unit of at most kMaxRepeatUnit bases in a repeat of two or more.
    int unit_length_in_repeat() const;
};

inline constexpr int kMaxRepeatUnit = 6;

// The shortest u such that `s` is copies of its first u bases.
std::string_view shortest_unit(std::string_view s);

// `sequence` is the reference from the base after the padding base to as
// far as the repeat may reach; `changed` is the inserted or deleted
// sequence of the left-aligned indel.
RepeatContext repeat_context(std::string_view sequence, std::string_view changed, bool is_insertion);

struct RepeatTract {
    int64_t beg = 0;  // offset of the first base in the scanned sequence
    int unit_length = 0;
    int count = 0;  // whole copies
};

// The tracts of `sequence` (no N in them), ordered by start; a homopolymer
// is reported once, as unit length 1, not also as copies of AA.
std::vector<RepeatTract> repeat_tracts(std::string_view sequence, int min_count = 2);

}  // namespace somatic::snv
