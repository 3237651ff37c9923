// The exposures table of `somatic-sig fit`: one row per sample.
//
//   Sample  <signature>...  Mutations  Cosine  Unexplained  ExpectedUnexplained
//   [bootstrap columns]
//
// Exposures are counts of mutations (or fractions of the sample's mutations
// with `fractions`). Cosine is the cosine similarity of the catalogue and its
// reconstruction; Unexplained is sum |catalogue - reconstruction| / (2 x
// Mutations), the share of mutations in channels in excess of the
// reconstruction; ExpectedUnexplained is what sampling noise alone would give
// were the reconstruction the truth (cohort_fit.hpp). A
// sample without mutations has zeros and NA. With a bootstrap, each
// signature gets <name>_low and <name>_high (the percentile interval) after
// the summary columns, or, with a separate bootstrap table, that table has
// one row per sample and signature:
//
//   Sample  Signature  Exposure  Low  High  Presence
#pragma once

#include <string>
#include <vector>

#include "libsomatic/sig/cohort_fit.hpp"

namespace somatic::sig {

struct TableOptions {
    bool fractions = false;
    bool bootstrap_columns = false;  // the _low/_high columns in the main table
};

std::string format_exposures(const std::vector<std::string>& signatures, const std::vector<SampleFit>& fits,
                             const TableOptions& options);

std::string format_bootstrap(const std::vector<std::string>& signatures, const std::vector<SampleFit>& fits,
                             const TableOptions& options);

}  // namespace somatic::sig
