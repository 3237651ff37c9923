// somatic-snv from inputs to VCF, for the tool and for anyone embedding the
// caller: open and check the inputs, cut the regions to the targets if
// there are any, measure the normal's typical depth and estimate the somatic
// and shared priors and the one-sided artefact rates on a fixed genome
// sample (reusing that reading when the sample is the whole genome), write
// the header, call the regions' chunks on the region engine and write them
// in order.
#pragma once

#include <cstdint>
#include <string>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/io/vcf_writer.hpp"
#include "libsomatic/snv/caller.hpp"
#include "libsomatic/snv/targets.hpp"

namespace somatic::snv {

struct PipelineOptions {
    CallerInputs inputs;     // the alignments, the reference and the optional VCFs
    CallerOptions caller;
    std::string tumour_name, normal_name;  // empty: the alignments' SM tag
    std::string germline_hets_output;      // empty: no germline-hets VCF
    // The callable territory as BED (empty: none): positions of the regions
    // called where both samples reach LowDepth's minimum depths with reads
    // that pass the read filter; the denominator of mutational burden.
    std::string callable_output;
    int64_t chunk_size = 250000;           // bases per parallel work unit
    bool pass_only = false;                // write only records that pass every filter
    // Without regions, the whole genome means the reference's primary
    // contigs that both alignments hold; this adds the alternate, decoy,
    // HLA and unplaced ones (core/contigs is_secondary_contig).
    bool include_secondary_contigs = false;
    // A clear sample mismatch (sample_identity.hpp: the tumour and the
    // normal look like two people) stops the run unless this is set.
    bool allow_sample_mismatch = false;
    // Exome or panel targets (BED; targets.hpp), each widened by
    // target_padding bases on both sides. Only the parts of the regions
    // (`regions`, or else the whole genome as above) inside them are
    // called, and the genome sample is drawn from them. Empty: no targets.
    std::string targets;
    int64_t target_padding = kDefaultTargetPadding;
    // Estimated on the genome sample, or as given in `caller` (the shared
    // prior's switch is caller.estimate_shared_prior).
    bool estimate_prior = true;
    bool estimate_orientation_rates = true;
    bool estimate_strand_rates = true;
    int threads = 1;
    // Sorted and merged (core/interval); empty: the whole genome as above.
    std::vector<Interval> regions;
    std::string output = "-";  // the calls; "-" is standard output
    VcfFormat output_format = VcfFormat::vcf;
    Provenance provenance{"somatic-snv", "", "", false};

    // Throws a usage error naming the field (inputs.tumour, chunk_size,
    // target_padding, ...) for a missing input or a value out of range;
    // caller.validate() then speaks in CallerOptions' field names.
    void validate() const;
};

struct PipelineSummary {
    uint64_t records = 0;  // written to the calls
    uint64_t passed = 0;   // of them, passing every filter
    uint64_t callable_bases = 0;  // with callable_output
};

PipelineSummary run_pipeline(PipelineOptions options);

}  // namespace somatic::snv
