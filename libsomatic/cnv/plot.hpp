// A genome-wide SVG of a copy-number result, written by hand (no plotting
// library): log2 ratios with segment means, BAF at het sites with the
// segments' BAF and 1 - BAF, and the called total and minor copy numbers.
// Contigs are laid end to end in table order; points are thinned to at most
// 20,000 per panel (every k-th, deterministic) to keep the file small.
#pragma once

#include <string>

#include "libsomatic/cnv/calls.hpp"
#include "libsomatic/cnv/segment.hpp"

namespace somatic::cnv {

// `bins` (optional) gives the points: bin log2 ratios and het-site BAFs
// (the BAF points are the bins' sites, drawn at the bin's position).
void format_svg(const CnvCalls& calls, const SegmentInput* bins, std::string& out);

}  // namespace somatic::cnv
