// What a contig is, for copy number: an autosome (normal copy number 2), a
// sex chromosome (copy number by sex), or something to leave out of the
// purity fit (mitochondria, unplaced and alternate contigs). And the sex of
// the sample, given or inferred from the normal's chrX depth.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace somatic::cnv {

// A contig name without a leading "chr" (any case): "chr1" and "1" are one chromosome.
std::string_view strip_chr(std::string_view name);

enum class ContigClass { autosome, x, y, other };

// "chrX"/"X" -> x, "chrY"/"Y" -> y; "chrM", "MT", names with '_' and the
// GL/KI/JH/HLA/EBV contigs -> other; every other name -> autosome.
ContigClass classify_contig(std::string_view name);

enum class Sex { unknown, female, male };

std::string_view sex_name(Sex sex);
// "female"/"f"/"xx", "male"/"m"/"xy", "unknown"/"auto"; throws a usage error otherwise.
Sex parse_sex(std::string_view text);

// The normal copy number of a contig class in a sample of this sex (an
// unknown sex counts as female): 2, 1 or 0.
int normal_copy_number(ContigClass c, Sex sex);

// Infers sex from the normal's read counts per bin: the median count of
// chrX bins over the median of autosomal bins is near 1 in a female and near
// 0.5 in a male. Unknown when there are fewer than 20 chrX bins with reads.
// `ratio` receives the measured value (NaN when not measurable).
Sex infer_sex(const std::vector<ContigClass>& bin_class, const std::vector<double>& normal_counts, double* ratio);

}  // namespace somatic::cnv
