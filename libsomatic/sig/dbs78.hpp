// The 78 doublet-base-substitution channels (DBS78) of COSMIC.
//
// A doublet is two adjacent bases both substituted, REF XY > ALT ZW. Its base
// pairs can be read on either strand, so XY>ZW and its reverse complement
// revcomp(XY)>revcomp(ZW) are one channel, named as COSMIC names it: the 10
// REF dinucleotides AC, AT, CC, CG, CT, GC, TA, TC, TG, TT (each the one of
// its strand pair COSMIC chose), and for the 4 palindromic ones (AT, CG, GC,
// TA) only 6 of the 9 ALTs, since ALT and its reverse complement are then the
// same event. 6 x 9 + 4 x 6 = 78. Order and spelling are COSMIC v3.4's
// (AC>CA ... TT>GG).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace somatic::sig {

inline constexpr int kDbsChannels = 78;

// "AC>CA" ... "TT>GG", in COSMIC order.
std::vector<std::string> dbs78_channel_names();

// The channel of REF `ref` > ALT `alt` (two bases each, A/C/G/T in either
// case), folded onto COSMIC's strand; -1 when either is not two bases, holds
// another character, or a base is unchanged (that is an SNV, not a doublet).
int dbs78_channel(std::string_view ref, std::string_view alt);

// The REF dinucleotide group of a channel (0-9, in the order above) and the
// groups' names: the plot's blocks.
int dbs78_group(int channel);
const std::vector<std::string>& dbs78_groups();

}  // namespace somatic::sig
