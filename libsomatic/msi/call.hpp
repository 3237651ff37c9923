// somatic-msi call: microsatellite instability of a tumour against its
// normal, the MSIsensor way.
//
// At each site, the repeat's length in every read of each sample that
// spans it with both flanks (msi/repeat_length); sites where both samples
// have `min_depth` such reads are tested (msi/length_test) and called
// unstable at a Benjamini-Hochberg q-value of at most `fdr`. The share of
// unstable sites among those tested is the MSI score, and a tumour at or
// above `threshold` percent is MSI-H, otherwise MSS.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/msi/length_test.hpp"
#include "libsomatic/msi/sites.hpp"

namespace somatic::msi {

struct CallOptions {
    std::string tumour, normal, reference, sites;
    std::vector<Interval> regions;  // empty: every site
    std::string output = "-";       // per-site table
    std::string summary;            // one-row summary table; empty: none
    int threads = 1;
    int64_t chunk_size = 1'000'000;
    int flank = 5;             // bases of exact reference sequence each side of the repeat
    int min_mapq = 20;
    int min_base_quality = 20;  // of every flank base
    // MSIsensor's coverage threshold: 20 for exomes (15 for genomes).
    int min_depth = 20;
    int min_column = 5;  // lengths seen in fewer reads (both samples) pooled
    double fdr = 0.05;   // MSIsensor's -f
    // MSI-H at or above this percent of unstable sites: MSIsensor's cut-off,
    // set on TCGA exomes with the same test (Niu et al. 2014).
    double threshold = 3.5;

    void validate() const;
};

struct SiteResult {
    Microsatellite site;
    LengthCounts tumour, normal;
    bool tested = false;  // both samples at min_depth
    LengthTest test;
    double q_value = 1.0;
    bool unstable = false;
};

struct CallSummary {
    uint64_t sites = 0;
    uint64_t tested = 0;
    uint64_t unstable = 0;
    double percent_unstable = 0.0;
    bool msi_high = false;
    double threshold = 0.0;
};

// Throws an input error when the sites do not match the reference. A sample
// where no site could be tested gets a summary of 0 sites tested and status
// NA (not determined), with a warning.
CallSummary run_call(const CallOptions& options);

// The statistics over every site measured: q-values, calls and the summary
// (the pure part of run_call).
CallSummary call_sites(std::vector<SiteResult>& results, const CallOptions& options);

}  // namespace somatic::msi
