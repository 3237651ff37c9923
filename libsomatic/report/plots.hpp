// The report's pictures, as SVG to put inline. The genome-wide copy number
// and the signature spectrum are the tools' own plotters (cnv/plot.hpp,
// sig/plot_svg.hpp) fed from the files those tools wrote; the allele-fraction
// histogram is the report's (af_histogram.hpp). The XML declaration the
// plotters begin with is dropped: inside HTML it is not allowed.
#pragma once

#include <string>

#include "libsomatic/report/cnv_input.hpp"
#include "libsomatic/report/sig_input.hpp"
#include "libsomatic/sig/catalogue.hpp"

namespace somatic::report {

// somatic-cnv's figure from its calls BED: segment log2, the segments' BAF
// and their total and minor copy number (the bins' points are not in the
// BED, so none are drawn). `purity`, `ploidy`, `sex` title it.
std::string copy_number_svg(const CnvSegmentsInput& cnv, double purity, double ploidy, const std::string& sex);

// somatic-sig's figure: the sample's column of the catalogue (96 channels)
// and its exposures. An input error when the catalogue has no column named
// as the exposures' sample (and more than one column).
std::string spectrum_svg(const sig::ChannelTable& catalogue, const std::string& catalogue_name,
                         const ExposuresInput& exposures);

// "<?xml ...?>\n" removed from the front of `svg`.
std::string inline_svg(std::string svg);

}  // namespace somatic::report
