// The tables of somatic-sig extract: the signatures (COSMIC's layout), the
// exposures, and the report of every K tried.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/extract.hpp"

namespace somatic::sig {

// "Type" then one column per signature; the type's channels in COSMIC's order.
std::string format_signature_table(const std::vector<std::string>& names, const Eigen::MatrixXd& signatures,
                                   CatalogueType type = CatalogueType::sbs96);

// One row per sample, as fit writes it: exposures (mutations), Mutations,
// Cosine, Unexplained.
std::string format_extracted_exposures(const ChannelTable& catalogue, const Rank& rank);

// Two tab-separated tables, separated by an empty line:
//   K  Stability  MinStability  Deviance  BIC  MeanCosine  Stable  Chosen
//   Signature  Stability  Nearest  Cosine     (the chosen K; Nearest and
//                                             Cosine NA without a reference)
std::string format_extraction_report(const Extraction& e, const std::vector<Nearest>& nearest,
                                     CatalogueType type = CatalogueType::sbs96);

}  // namespace somatic::sig
