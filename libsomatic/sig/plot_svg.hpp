// A picture of a fit, as hand-written SVG: per sample, its spectrum in
// COSMIC's layout for the catalogue's type (SBS96: the six classes C>A ...
// T>G; ID83: 1 bp deletions and insertions of C and T by homopolymer length,
// longer ones by repeat count, deletions with microhomology, under coloured
// bands; DBS78: ten blocks by REF dinucleotide) and a bar chart of its
// exposures (signatures with a non-zero exposure).
#pragma once

#include <string>
#include <vector>

#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/cohort_fit.hpp"
#include "libsomatic/sig/signatures.hpp"

namespace somatic::sig {

std::string plot_svg(const ChannelTable& catalogue, const SignatureSet& signatures, const std::vector<SampleFit>& fits);

}  // namespace somatic::sig
