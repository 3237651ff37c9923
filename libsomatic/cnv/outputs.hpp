// The files of the calls stage, written together: the calls BED and the
// side files asked for (.seg, summary, SVG; see call_writers.hpp and
// plot.hpp for their formats). And every stage's table of a whole run.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/cnv/call_writers.hpp"
#include "libsomatic/cnv/calls.hpp"
#include "libsomatic/cnv/centromeres.hpp"
#include "libsomatic/cnv/pipeline.hpp"
#include "libsomatic/cnv/segment.hpp"

namespace somatic::cnv {

struct CallOutputs {
    std::string bed_file = "-";    // the calls; "-" is standard output
    std::string seg_file;          // IGV .seg; empty: not written
    std::string summary_file;      // the purity/ploidy summary; empty: not written
    std::string plot_file;         // SVG; empty: not written
    std::string sample = "tumour"; // the .seg file's ID column
    Provenance provenance;          // the BED's ##source/##commandline lines
    // The HRD measures' centromeres (hrd_score.hpp): a BED file, or empty
    // for the built-in GRCh37/GRCh38 table (centromeres.hpp), matched by the
    // lengths of `reference`'s contigs (empty: lengths unknown, none match).
    std::string centromeres;
    std::string reference;
    // Throws a usage error when two of the four files name the same
    // file ("-" included: two files on one standard output would be mixed).
    // Devices such as /dev/null may be shared.
    void validate() const;
};

// Writes every file of `outputs`: each under a temporary name first, all
// renamed only once all are written (the calls last), so that a failure
// anywhere, standard output included, leaves none of them looking complete.
// `points` (optional) are the bins and het sites the SVG draws. Logs the
// chosen purity and ploidy, and the HRD measures.
void write_call_outputs(const CnvCalls& calls, const SegmentInput* points, const CallOutputs& outputs);

// The centromere of each of calls' contigs, as `outputs` asks for them.
std::vector<Centromere> call_centromeres(const CnvCalls& calls, const CallOutputs& outputs);

// Each stage's table of `run`, as the subcommands write them:
// PREFIX.tumour.bins.tsv, PREFIX.normal.bins.tsv (when there is a normal), PREFIX.ratios.tsv,
// PREFIX.baf.tsv, PREFIX.segments.tsv.
void write_stage_tables(const PipelineResult& result, const std::string& prefix);

}  // namespace somatic::cnv
