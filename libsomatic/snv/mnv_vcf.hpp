// The VCF side of multi-base substitutions (mnv_merge.hpp): their header
// lines, and the alleles and INFO of a merged record. An MNV record has REF
// and ALT of equal length (two bases or more) and the flag INFO/MNV; each
// base's evidence stays visible: INFO/MNVQSS (each base's QSS, called
// alone), INFO/MNVALT (the tumour's fragments with each base's alt) and
// INFO/MNVPHASE (the tumour's fragments covering every base that carry the
// whole ALT haplotype, and those that carry some of its alt bases but not
// all).
#pragma once

#include <string>
#include <vector>

#include "libsomatic/snv/caller.hpp"

struct bcf1_t;
struct bcf_hdr_t;

namespace somatic::snv {

std::vector<std::string> mnv_header_lines();

// Sets an MNV's alleles and INFO fields on a record begun as its first base;
// nothing for an SNV.
void add_mnv_fields(bcf_hdr_t* header, bcf1_t* record, const SnvCall& call);

}  // namespace somatic::snv
