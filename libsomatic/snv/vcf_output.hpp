// somatic-snv's VCF: the header (every FILTER, INFO and FORMAT field the
// records use) and the translation of calls into records. Samples are
// written normal first, then tumour, and named in ##normal_sample and
// ##tumor_sample lines, which downstream tools read. In tumour-only mode
// (no normal name) the header says ##tumour_only=true, the tumour is the
// only sample column, INFO/PGERM gives each call's germline probability and
// the normal's INFO/NALTQ is left out.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/io/vcf_writer.hpp"
#include "libsomatic/snv/caller.hpp"
#include "libsomatic/snv/filters.hpp"

struct bcf1_t;

namespace somatic::snv {

struct SampleNames {
    std::string tumour;
    std::string normal;  // empty: tumour-only mode
};

// `model_lines` are extra ##key=value lines stating model settings chosen at
// run time (the estimated somatic prior).
// With `indels`, the indel INFO fields (INDEL, RU, RC, IC, IER) and FILTERs
// too.
void define_calls_header(VcfWriter& writer, const ContigDict& contigs, const SampleNames& names,
                         const FilterThresholds& thresholds, const Provenance& provenance,
                         const std::vector<std::string>& model_lines = {}, bool indels = false);
void define_hets_header(VcfWriter& writer, const ContigDict& contigs, const SampleNames& names,
                        const Provenance& provenance);

// Turns calls into records of `writer`'s header, reusing one bcf1_t.
class RecordBuilder {
public:
    explicit RecordBuilder(VcfWriter& writer);
    ~RecordBuilder();
    RecordBuilder(const RecordBuilder&) = delete;
    RecordBuilder& operator=(const RecordBuilder&) = delete;

    void write_call(const std::string& contig, const SnvCall& call);
    void write_indel(const std::string& contig, const IndelCall& call);
    void write_het(const std::string& contig, const GermlineHet& het);

private:
    void start(const std::string& contig, int64_t pos, uint8_t ref, uint8_t alt);
    void start(const std::string& contig, int64_t pos, const std::string& ref, const std::string& alt);
    // What SNV and indel records share: QUAL, FILTER, INFO and FORMAT.
    template <class Call>
    void fill(const Call& call);
    VcfWriter& writer_;
    bcf1_t* record_;
};

}  // namespace somatic::snv
