// A picture of a fit, as hand-written SVG: per sample, its 96-channel
// spectrum in the usual six-colour layout (C>A, C>G, C>T, T>A, T>C, T>G) and
// a bar chart of its exposures (signatures with a non-zero exposure).
#pragma once

#include <string>
#include <vector>

#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/cohort_fit.hpp"
#include "libsomatic/sig/signatures.hpp"

namespace somatic::sig {

std::string plot_svg(const ChannelTable& catalogue, const SignatureSet& signatures, const std::vector<SampleFit>& fits);

}  // namespace somatic::sig
