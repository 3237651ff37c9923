// Stage 6: copy-number calls per segment, from a segments table: the sex
// that decides chrX/chrY's normal copy number, the purity/ploidy fit (or the
// user's values), and each segment's state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/cnv/genome.hpp"
#include "libsomatic/cnv/purity_fit.hpp"
#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/cnv/snv_evidence.hpp"

namespace somatic::cnv {

struct CallOptions {
    FitOptions fit;
    Sex sex = Sex::unknown;  // unknown: the table's ##sex= line, else female
    // Fewer bins than this and the fit is made but said to be unsupported:
    // it weighs segments by the log2 noise measured over the bins, which n
    // bins give to within about 1 / sqrt(2 n) (16% at 20).
    uint64_t min_fit_bins = 20;
    // somatic-snv's VCF of the pair: its SNVs' allele fractions weigh the
    // solutions (snv_evidence.hpp, weigh_snv_evidence). Empty: none.
    std::string somatic_vcf;
    void validate() const;  // fit.validate()
};

struct CnvCalls {
    SegmentTable table;
    std::vector<FitSegment> fit_segments;  // one per segment
    FitResult fit;
    std::vector<SegmentCall> calls;        // one per segment
    Sex sex = Sex::unknown;
    bool depth_only = false;               // no het site anywhere: no allele-specific states
    double purity = NAN, ploidy = NAN;     // the chosen solution
};

CnvCalls call_copy_number(SegmentTable table, const CallOptions& options);

// Each solution's SNV evidence (count and log-likelihood) from the SNVs and
// the segment holding each (-1: none); an SNV counts only when every
// solution calls its segment above CN 0.
void add_snv_evidence(std::vector<Solution>& solutions, const std::vector<FitSegment>& segments,
                      const std::vector<SomaticSnv>& snvs, const std::vector<int64_t>& segment_of, double log2_sd,
                      const FitResult& fit, const FitOptions& options);

}  // namespace somatic::cnv
