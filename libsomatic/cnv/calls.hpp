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

namespace somatic::cnv {

struct CallOptions {
    FitOptions fit;
    Sex sex = Sex::unknown;  // unknown: the table's ##sex= line, else female
    // Fewer bins than this and the fit is made but said to be unsupported:
    // it weighs segments by the log2 noise measured over the bins, which n
    // bins give to within about 1 / sqrt(2 n) (16% at 20).
    uint64_t min_fit_bins = 20;
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

}  // namespace somatic::cnv
