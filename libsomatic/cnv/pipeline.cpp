#include "libsomatic/cnv/pipeline.hpp"

#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/bed_reader.hpp"
#include "libsomatic/io/reference.hpp"

namespace somatic::cnv {

BinTable make_layout(const ContigDict& reference, const std::vector<Interval>& regions, const std::string& targets,
                     const LayoutOptions& options) {
    if (options.bin_size < 1) throw usage_error("--bin-size must be at least 1");
    if (targets.empty()) return make_wgs_layout(regions, reference, options);
    return make_target_layout(read_work_intervals(targets, reference, "targets"), regions, reference, options);
}

HetTable load_het_sites(const HetSource& s, const CommonOptions& common, const PileupHetOptions& options) {
    if (!s.germline_hets.empty() && !s.snp_sites.empty()) throw usage_error("give --germline-hets or --snp-sites, not both");
    if (!s.germline_hets.empty()) {
        if (common.reference.empty()) return read_germline_hets(s.germline_hets, options.criteria);
        const ContigDict contigs = Reference(common.reference).contigs();
        HetTable table = read_germline_hets(s.germline_hets, options.criteria, &contigs, common.reference);
        keep_sites_in(table, resolve_regions(common, contigs));  // the run's regions only
        return table;
    }
    if (s.snp_sites.empty()) return {};
    if (s.tumour.empty() || s.normal.empty()) throw usage_error("--snp-sites needs --tumour and --normal");
    if (common.reference.empty()) throw usage_error("--snp-sites needs --reference");
    const ContigDict contigs = Reference(common.reference).contigs();
    PileupHetOptions p = options;
    p.threads = common.threads;
    return pileup_het_sites(s.snp_sites, s.tumour, s.normal, common.reference, resolve_regions(common, contigs), p);
}

PipelineResult run_pipeline(const CommonOptions& common, const PipelineOptions& o) {
    if (o.tumour.empty() || o.normal.empty()) throw usage_error("--tumour and --normal are both required");
    if (!o.germline_hets.empty() && !o.snp_sites.empty()) {
        throw usage_error("give --germline-hets or --snp-sites, not both");
    }
    PipelineResult r;
    ContigDict contigs;
    {
        const Reference reference(common.reference);
        contigs = reference.contigs();
    }
    const std::vector<Interval> regions = resolve_regions(common, contigs);
    const BinTable layout = make_layout(contigs, regions, o.targets, o.layout);
    log::info("bins: " + std::to_string(layout.size()) + " bins");
    CountOptions count = o.count;
    count.threads = common.threads;
    auto tables = count_bins(layout, {o.tumour, o.normal}, common.reference, count);
    r.tumour_bins = std::move(tables[0]);
    r.normal_bins = std::move(tables[1]);
    r.ratios = compute_ratios(r.tumour_bins, r.normal_bins, o.ratio, o.tumour, o.normal);

    PileupHetOptions p;
    p.criteria = o.het;
    p.filter = o.count.filter;
    p.min_base_quality = o.min_base_quality;
    r.hets = load_het_sites(HetSource{o.germline_hets, o.snp_sites, o.tumour, o.normal}, common, p);
    r.segment_input = input_from_ratios(r.ratios);
    const size_t placed = attach_het_sites(r.segment_input, r.hets);
    if (!o.germline_hets.empty() || !o.snp_sites.empty()) {
        if (placed == 0) log::warning("no heterozygous site falls in a kept bin: the fit uses depth alone");
    }
    SegmentOptions so = o.segment;
    so.threads = common.threads;
    const Segmentation segmentation = segment(r.segment_input, so);
    log::info("segment: " + std::to_string(segmentation.segments.size()) + " segments");
    r.calls = call_copy_number(to_table(segmentation, r.segment_input), o.call);
    return r;
}

}  // namespace somatic::cnv
