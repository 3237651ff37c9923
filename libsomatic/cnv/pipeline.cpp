#include "libsomatic/cnv/pipeline.hpp"

#include "libsomatic/cnv/pooled_ratio.hpp"
#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/bed_reader.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/parallel/region_engine.hpp"

namespace somatic::cnv {

BinTable make_layout(const ContigDict& reference, const std::vector<Interval>& regions, const std::string& targets,
                     const LayoutOptions& options) {
    options.validate();
    if (targets.empty()) return make_wgs_layout(regions, reference, options);
    return make_target_layout(read_work_intervals(targets, reference, "targets"), regions, reference, options);
}

void HetSource::validate() const {
    if (!germline_hets.empty() && !snp_sites.empty()) {
        throw usage_error("give germline_hets or snp_sites, not both");
    }
    if (snp_sites.empty()) return;
    if (tumour.empty() || normal.empty()) {
        throw usage_error("snp_sites needs tumour and normal");
    }
    if (reference.empty()) throw usage_error("snp_sites needs reference");
}

HetTable load_het_sites(const HetSource& s, const PileupHetOptions& options) {
    s.validate();
    options.validate();
    if (!s.germline_hets.empty()) {
        if (s.reference.empty()) return read_germline_hets(s.germline_hets, options.criteria);
        const ContigDict contigs = Reference(s.reference).contigs();
        HetTable table = read_germline_hets(s.germline_hets, options.criteria, &contigs, s.reference);
        keep_sites_in(table, s.regions.empty() ? whole_genome(contigs) : s.regions);  // the run's regions only
        return table;
    }
    if (s.snp_sites.empty()) return {};
    const ContigDict contigs = Reference(s.reference).contigs();
    return pileup_het_sites(s.snp_sites, s.tumour, s.normal, s.reference,
                            s.regions.empty() ? whole_genome(contigs) : s.regions, options);
}

void PipelineOptions::validate() const {
    if (tumour.empty()) throw usage_error("tumour is required");
    if (normal.empty() && pooled_reference.empty()) {
        throw usage_error("normal is required without pooled_reference");
    }
    HetSource{germline_hets, snp_sites, tumour, normal, reference, {}}.validate();
    if (reference.empty()) throw usage_error("reference is required");
    if (threads < 1) throw usage_error("threads must be at least 1");
    layout.validate();
    ratio.validate();
    het.criteria.validate();
    segment.validate();
    call.validate();
}

PipelineResult run_pipeline(const PipelineOptions& o) {
    o.validate();
    PipelineResult r;
    ContigDict contigs;
    {
        const Reference reference(o.reference);
        contigs = reference.contigs();
    }
    const std::vector<Interval> regions = o.regions.empty() ? whole_genome(contigs) : o.regions;
    const BinTable layout = make_layout(contigs, regions, o.targets, o.layout);
    log::info("bins: " + std::to_string(layout.size()) + " bins");
    PooledReference pool;
    if (!o.pooled_reference.empty()) {
        // Checked before any read is counted.
        pool = read_pooled_reference(o.pooled_reference);
        check_reference_assembly(pool, display_name(o.pooled_reference), contigs, o.reference);
        check_reference_layout(pool, display_name(o.pooled_reference), layout, "this run's bins", false);
    }
    CountOptions count = o.count;
    count.threads = o.threads;
    count.validate();
    std::vector<std::string> files{o.tumour};
    if (!o.normal.empty()) files.push_back(o.normal);
    auto tables = count_bins(layout, files, o.reference, count);
    r.tumour_bins = std::move(tables[0]);
    if (!o.normal.empty()) r.normal_bins = std::move(tables[1]);
    if (o.pooled_reference.empty()) {
        r.ratios = compute_ratios(r.tumour_bins, r.normal_bins, o.ratio, o.tumour, o.normal);
    } else {
        r.ratios = compute_pooled_ratios(r.tumour_bins, pool, o.ratio, o.tumour, display_name(o.pooled_reference),
                                         o.normal.empty() ? nullptr : &r.normal_bins);
    }

    PileupHetOptions p = o.het;
    p.filter = o.count.filter;
    p.threads = o.threads;
    r.hets = load_het_sites(HetSource{o.germline_hets, o.snp_sites, o.tumour, o.normal, o.reference, regions}, p);
    r.segment_input = input_from_ratios(r.ratios);
    const size_t placed = attach_het_sites(r.segment_input, r.hets);
    if (!o.germline_hets.empty() || !o.snp_sites.empty()) {
        if (placed == 0) log::warning("no heterozygous site falls in a kept bin: the fit uses depth alone");
    }
    SegmentOptions so = o.segment;
    so.threads = o.threads;
    const Segmentation segmentation = segment(r.segment_input, so);
    log::info("segment: " + std::to_string(segmentation.segments.size()) + " segments");
    CallOptions call = o.call;
    if (call.sex == Sex::unknown) call.sex = o.ratio.sex;
    r.calls = call_copy_number(to_table(segmentation, r.segment_input), call);
    return r;
}

}  // namespace somatic::cnv
