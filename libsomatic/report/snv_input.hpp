// The somatic small-variant VCF as the report reads it: each record's
// filter, allele fraction and depths, and the consequence an annotator wrote
// (consequence.hpp); from the header, the samples, the tools that made and
// annotated it, and the quality lines somatic-snv writes
// (##sample_identity, ##tumour_contamination, ##normal_typical_depth).
//
// A VCF of another caller may lack what the report wants (FORMAT/AD or AF,
// DP, an annotation): what is missing is listed in `gaps`, one sentence each,
// and the report shows it where the section would have been.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/report/consequence.hpp"
#include "libsomatic/report/provenance.hpp"

namespace somatic::report {

enum class VariantKind { snv, mnv, indel, other };
const char* variant_kind_name(VariantKind kind);

struct Variant {
    std::string chrom;
    int64_t pos = 0;  // VCF POS, 1-based (shown as is; intervals use pos - 1)
    std::string ref, alt, filter;
    bool pass = false;
    VariantKind kind = VariantKind::other;
    double af = NAN;           // tumour alt allele fraction (NaN: unknown)
    int64_t depth = -1;        // tumour depth (-1: unknown)
    int64_t alt_reads = -1;
    double normal_af = NAN;
    int64_t normal_depth = -1;
    Consequence annotation;    // the most severe; empty fields when none
};

struct SnvInput {
    std::string name;  // for messages
    std::string tumour, normal;  // sample names ("" when there is no normal column)
    ContigDict contigs;
    std::vector<std::string> header;  // "##" lines without "##", ##contig/INFO/FORMAT/FILTER left out
    std::vector<ToolRun> tools;
    std::string reference;             // ##reference, else --reference of a tool's command line, else ""
    std::string sample_identity;       // ##sample_identity value, "" when absent
    std::string tumour_contamination;  // ##tumour_contamination value
    double normal_typical_depth = NAN;
    bool tumour_only = false;
    AnnotationSource annotation = AnnotationSource::none;
    std::vector<Variant> variants;     // every record, in file order
    std::vector<std::string> gaps;     // what the file lacks, as sentences for the report
};

// `tumour_sample` names the tumour column when given; otherwise
// ##tumor_sample, else the last sample column. Throws an input error for a
// file that cannot be read or a tumour sample it does not have.
SnvInput read_snv_vcf(const std::string& path, const std::string& tumour_sample = {});

// The kind of a REF/ALT pair: equal length 1 an SNV, equal length > 1 an
// MNV, different lengths an indel; symbolic or missing alleles are "other".
VariantKind variant_kind(const std::string& ref, const std::string& alt);

}  // namespace somatic::report
