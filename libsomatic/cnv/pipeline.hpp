// Every stage of somatic-cnv in sequence, for `somatic-cnv run`: bins ->
// ratios -> het sites -> segments -> purity/ploidy and calls. Each stage's
// product is kept so that the tool can write any of them; each is also
// available alone through the stage's own header.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/cnv/bin_counts.hpp"
#include "libsomatic/cnv/bins.hpp"
#include "libsomatic/cnv/calls.hpp"
#include "libsomatic/cnv/het_sites.hpp"
#include "libsomatic/cnv/ratio.hpp"
#include "libsomatic/cnv/segment.hpp"

namespace somatic::cnv {

struct PipelineOptions {
    std::string reference;          // FASTA, required
    int threads = 1;                // for every stage (overrides the stages' own)
    std::vector<Interval> regions;  // sorted and merged; empty: the whole reference
    std::string tumour, normal;     // normal: optional with a pooled reference
    std::string pooled_reference;   // `somatic-cnv reference`'s table: the expected depth (pooled_ratio.hpp)
    std::string germline_hets;  // a VCF with both samples' AD, or
    std::string snp_sites;      // known SNP sites to genotype from the alignments
    std::string targets;        // BED of targets: exome/panel bins
    LayoutOptions layout;
    CountOptions count;
    RatioOptions ratio;
    PileupHetOptions het;            // its filter and threads are the count's and the run's
    SegmentOptions segment;
    CallOptions call;                // unknown sex: the ratio stage's
    // With a pooled reference, the depth expectation is the pool's and a
    // matched normal, when given, serves for its het sites (and its chrX
    // depth) only, as in CNVkit.
    // Throws a usage error for a missing tumour, reference, or normal
    // without a pooled reference, both
    // sources of het sites, or a stage's option out of range.
    void validate() const;
};

struct PipelineResult {
    BinTable tumour_bins, normal_bins;
    RatioTable ratios;
    HetTable hets;
    SegmentInput segment_input;
    CnvCalls calls;
};

// The bin layout: fixed bins over the regions, or the targets' bins.
BinTable make_layout(const ContigDict& reference, const std::vector<Interval>& regions, const std::string& targets,
                     const LayoutOptions& options);


// Stage 3's input, as `run` and `baf` take it: the allele counts from a
// germline-hets VCF (checked against `reference` when one is given), or from
// a sites VCF genotyped in the two alignments over `regions` (empty: the
// whole reference). validate() throws a usage error for both sources, or
// for sites without both alignments or a reference; the table is empty when
// neither source is given.
struct HetSource {
    std::string germline_hets, snp_sites, tumour, normal;
    std::string reference;
    std::vector<Interval> regions;
    void validate() const;
};
HetTable load_het_sites(const HetSource& source, const PileupHetOptions& options);

PipelineResult run_pipeline(const PipelineOptions& options);

}  // namespace somatic::cnv
