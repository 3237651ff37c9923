// Stage 2 against a pooled reference (pooled_reference.hpp) instead of a
// matched normal: the tumour's depth is corrected as in the ratio stage
// (per base, over its GC curve per bin kind, over its median on the kept
// autosomal bins), and its log2 ratio is log2(tumour / expected), where the
// expected depth is the reference's, times the bin's normal copy number over
// 2. Bins the reference marks unusable are dropped, with those the ratio
// stage drops for N content or an absent sex chromosome. As in the ratio
// stage the log2 ratios are shifted so that the mean linear ratio is 1.
//
// The sex is --sex when given; otherwise inferred from the chrX depth of the
// matched normal when there is one, else of the tumour (whose chrX copy
// number may have changed: give --sex for a tumour without a normal).
//
// The reference's spread does not weight the segmentation: the segmenter
// weighs bins by noise class (target, off-target) and by the noise's
// correlation, not bin by bin; unusable bins (spread above the reference's
// limit) are dropped instead.
#pragma once

#include <string>

#include "libsomatic/cnv/pooled_reference.hpp"
#include "libsomatic/cnv/ratio.hpp"

namespace somatic::cnv {

// Throws an input error naming `ref_file` when the reference's bins are not
// the tumour's (check_reference_layout), and when no bin is left.
// `normal`, when given, is the matched normal's bins table, read for its
// chrX depth only.
RatioTable compute_pooled_ratios(const BinTable& tumour, const PooledReference& ref, const RatioOptions& options,
                                 const std::string& tumour_file, const std::string& ref_file,
                                 const BinTable* normal = nullptr);

}  // namespace somatic::cnv
