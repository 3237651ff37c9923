// The 96 single-base-substitution channels (SBS96) and the folding of a
// substitution in its trinucleotide context onto the pyrimidine strand.
//
// A substitution is named by the pyrimidine (C or T) of its base pair, as
// COSMIC does: a G>T on the given strand is a C>A on the other one, with the
// flanking bases complemented and swapped. Channel order is COSMIC's: for each
// substitution C>A, C>G, C>T, T>A, T>C, T>G; for each 5' base A, C, G, T; for
// each 3' base A, C, G, T. So channel 0 is A[C>A]A and channel 95 is T[T>G]T.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace somatic::sig {

inline constexpr int kChannels = 96;

// "A[C>A]A" for channel 0 ... "T[T>G]T" for channel 95.
const std::string& channel_name(int channel);

// The channel of a name such as "A[C>A]A" (case-sensitive, COSMIC spelling),
// or -1 when the name is not one of the 96.
int channel_index(std::string_view name);

// The channel of the two-column layout MutationalPatterns' tables use:
// substitution "C>A" and trinucleotide "ACA". -1 when not valid.
int channel_index(std::string_view substitution, std::string_view trinucleotide);

// The six substitution classes, in channel order, and the class of a channel.
const std::array<std::string, 6>& substitution_classes();
inline int substitution_class(int channel) { return channel / 16; }

// The channel of `ref` > `alt` with 5' neighbour `before` and 3' neighbour
// `after`, all base codes 0-3 (A, C, G, T) on the same strand. Folds onto the
// pyrimidine strand when `ref` is a purine. Returns -1 when any code is not
// 0-3 (an N) or when ref == alt.
int fold_channel(uint8_t before, uint8_t ref, uint8_t alt, uint8_t after);

}  // namespace somatic::sig
