// What somatic-snv does with the sample identity and contamination
// estimates (sample_identity.hpp) of its genome sample: says them on
// standard error, and stops a run whose tumour and normal clearly come from
// two people before any output is written, unless allowed.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/snv/sample_identity.hpp"

namespace somatic::snv {

struct SampleChecks {
    IdentityCheck identity;
    ContaminationEstimate contamination;
};

// A tumour holding at least this share of another person's DNA (by the
// lower end of its interval) is said to be contaminated as a warning: at 2%
// the other person's heterozygous SNPs sit at 1% allele fraction, where a
// deep tumour's subclonal calls begin.
inline constexpr double kContaminationWarning = 0.02;

// Throws an input error naming both files on a mismatch, unless
// allow_mismatch (then a warning).
SampleChecks check_samples(const std::vector<GenotypeSite>& sites, const std::string& tumour,
                           const std::string& normal, bool allow_mismatch);

}  // namespace somatic::snv
