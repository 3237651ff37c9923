// From the command line's inputs to one catalogue: each VCF/BCF is counted
// as one sample (files in parallel, each worker with its own reference
// cache), each catalogue table contributes its columns, in input order.
// The catalogue's type (SBS96, ID83, DBS78) is the one asked for, else the
// tables' own, else default_type; every table must be of that type.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/vcf_catalogue.hpp"

namespace somatic::sig {

struct BuildOptions {
    std::optional<CatalogueType> type;      // none: the tables' type, else default_type
    CatalogueType default_type = CatalogueType::sbs96;  // fit: the signatures' type
    bool all_types = false;                 // VCFs only: every type at once (BuildResult::all)
    std::string reference;                  // needed when an input is a VCF
    CatalogueOptions catalogue;
    std::vector<std::string> sample_names;  // one per input when given (VCFs only)
    bool allow_tables = true;               // false: every input must be a VCF
    int threads = 1;

    // catalogue.validate(); throws an OptionError naming the field at fault.
    void validate() const;
};

struct VcfSummary {
    std::string file;
    std::string sample;
    CatalogueSummary counts;
};

struct BuildResult {
    ChannelTable catalogue;
    std::vector<ChannelTable> all;      // with all_types: one per type, in catalogue_types() order
    std::vector<VcfSummary> summaries;  // one per VCF input, in order (tables have none)
};

// Throws an input error for a table of another type than the catalogue's,
// and a usage error when all_types meets a table, when a VCF comes without
// a reference, when
// sample_names has the wrong length, when "-" is given twice, and when two
// samples end up with the same name (a VCF's name collision first falls back
// to its file name, with a warning).
BuildResult build_catalogue(const std::vector<std::string>& inputs, const BuildOptions& options);

// One line for the log: what was counted and what was skipped, and why.
std::string describe(const VcfSummary& summary, MnvMode mnv);

// Logs each VCF's counts once (describe(), at debug level); says how many
// SNV records were merged into doublets when `types` has SBS96 or DBS78 (an
// SBS96 count lower than an older catalogue's is then no surprise); and warns
// of a VCF with nothing counted into a catalogue of `types` (SNVs, indels or
// doublets), saying why.
void log_summaries(const BuildResult& result, MnvMode mnv, const std::vector<CatalogueType>& types);

}  // namespace somatic::sig
