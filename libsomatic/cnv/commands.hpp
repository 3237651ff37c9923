// Each somatic-cnv subcommand as one call: read its inputs, run its stage,
// write its output. A tool parses its command line into one of these jobs,
// then calls run(job); job.validate() (which run also calls) lets it check
// the options before it does anything else. Errors in the options are usage
// errors in the jobs' field names (a tool puts its flags in their place with
// cli::with_flags); "-" is standard input or output.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/cnv/outputs.hpp"
#include "libsomatic/cnv/pipeline.hpp"
#include "libsomatic/cnv/pooled_reference.hpp"
#include "libsomatic/cnv/segment_io.hpp"

namespace somatic::cnv {

// `bins`: reads per bin of one alignment file.
struct BinsJob {
    std::string alignments;         // BAM or CRAM
    std::string reference;
    std::vector<Interval> regions;  // empty: the whole reference
    std::string targets;            // BED of exome/panel targets; empty: whole-genome bins
    LayoutOptions layout;
    CountOptions count;
    std::string output = "-";
    void validate() const;
};
void run(const BinsJob& job);

// `reference`: a pooled reference from many normals' alignments, counted
// in one streamed pass each over the layout of `bins`.
struct ReferenceJob {
    std::vector<std::string> normals;  // BAM or CRAM files
    std::string reference;             // FASTA
    std::vector<Interval> regions;     // empty: the whole reference
    std::string targets;
    LayoutOptions layout;
    CountOptions count;
    PoolOptions pool;
    std::string version;  // written in the header; empty: none
    std::string output = "-";
    void validate() const;
};
void run(const ReferenceJob& job);

// `ratio`: log2 ratios from the tumour's and the normal's bins tables, or
// from the tumour's and a pooled reference (the normal's table, when also
// given, then serves for its chrX depth only).
struct RatioJob {
    std::string tumour_bins, normal_bins;  // normal_bins: optional with pooled_reference
    std::string pooled_reference;
    RatioOptions ratio;
    std::string output = "-";
    void validate() const;
};
void run(const RatioJob& job);

// `baf`: allele counts from exactly one of the sources.
struct BafJob {
    HetSource source;
    PileupHetOptions pileup;
    std::string output = "-";
    void validate() const;
};
void run(const BafJob& job);

// `segment`: a log2 table, with the het sites of a `baf` table when given.
struct SegmentJob {
    std::string log2_table;
    Log2TableOptions table;  // position_scale must be above 0
    std::string baf;         // empty: log2 alone
    SegmentOptions segment;
    std::string output = "-";
    void validate() const;
};
void run(const SegmentJob& job);

// `fit`: purity, ploidy and calls from a segments table. The ratios and baf
// tables give the SVG its points (read only when outputs.plot_file is set).
struct FitJob {
    std::string segments;
    CallOptions call;
    std::string ratios, baf;
    CallOutputs outputs;
    void validate() const;
};
void run(const FitJob& job);

// `run`: every stage, from alignments to calls; each stage's table too
// when `tables` (a prefix) is set.
struct RunJob {
    PipelineOptions pipeline;
    std::string tables;
    CallOutputs outputs;
    void validate() const;
};
void run(const RunJob& job);

}  // namespace somatic::cnv
