// Every stage of somatic-cnv in sequence, for `somatic-cnv run`: bins ->
// ratios -> het sites -> segments -> purity/ploidy and calls. Each stage's
// product is kept so that the tool can write any of them; each is also
// available alone through the stage's own header.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/cnv/bin_counts.hpp"
#include "libsomatic/cnv/bins.hpp"
#include "libsomatic/cnv/calls.hpp"
#include "libsomatic/cnv/het_sites.hpp"
#include "libsomatic/cnv/ratio.hpp"
#include "libsomatic/cnv/segment.hpp"

namespace somatic::cnv {

struct PipelineOptions {
    std::string tumour, normal;
    std::string germline_hets;  // a VCF with both samples' AD, or
    std::string snp_sites;      // known SNP sites to genotype from the alignments
    std::string targets;        // BED of targets: exome/panel bins
    LayoutOptions layout;
    CountOptions count;
    RatioOptions ratio;
    HetCriteria het;
    int min_base_quality = 13;
    SegmentOptions segment;
    CallOptions call;
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
// germline-hets VCF (checked against --reference when one is given), or from
// a sites VCF genotyped in the two alignments over the regions of `common`.
// Throws a usage error for both sources, or for sites without both
// alignments or a reference; an empty table when neither is given.
struct HetSource {
    std::string germline_hets, snp_sites, tumour, normal;
};
HetTable load_het_sites(const HetSource& source, const CommonOptions& common, const PileupHetOptions& options);

PipelineResult run_pipeline(const CommonOptions& common, const PipelineOptions& options);

}  // namespace somatic::cnv
