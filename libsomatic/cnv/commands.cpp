#include "libsomatic/cnv/commands.hpp"

#include <chrono>
#include <memory>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic::cnv {

void validate(const BinsJob& job) {
    validate(job.layout);
    validate(job.count);
}

void run(const BinsJob& job) {
    validate(job);
    const ContigDict contigs = Reference(job.reference).contigs();
    const BinTable layout =
        make_layout(contigs, job.regions.empty() ? whole_genome(contigs) : job.regions, job.targets, job.layout);
    auto tables = count_bins(layout, {job.alignments}, job.reference, job.count);
    write_bin_table(tables[0], job.output);
}

void validate(const RatioJob& job) { validate(job.ratio); }

void run(const RatioJob& job) {
    validate(job);
    const BinTable tumour = read_bin_table(job.tumour_bins);
    const BinTable normal = read_bin_table(job.normal_bins);
    write_ratio_table(compute_ratios(tumour, normal, job.ratio, display_name(job.tumour_bins), display_name(job.normal_bins)),
                      job.output);
}

void validate(const BafJob& job) {
    if (job.source.germline_hets.empty() == job.source.snp_sites.empty()) {
        throw usage_error("give one of germline_hets and snp_sites");
    }
    validate(job.source);
    validate(job.pileup);
}

void run(const BafJob& job) {
    validate(job);
    write_het_table(load_het_sites(job.source, job.pileup), job.output);
}

void validate(const SegmentJob& job) {
    if (!(job.table.position_scale > 0)) throw usage_error("position_scale must be above 0");
    validate(job.segment);
}

void run(const SegmentJob& job) {
    validate(job);
    SegmentInput in = read_log2_table(job.log2_table, job.table);
    if (!job.baf.empty() && job.segment.use_baf) {
        const size_t placed = attach_het_sites(in, read_het_table(job.baf));
        log::info("segment: " + std::to_string(placed) + " het sites placed in bins");
        if (placed == 0) log::warning("no het site of " + job.baf + " falls on a contig of the table: segmenting log2 alone");
    }
    const auto start = std::chrono::steady_clock::now();
    const Segmentation s = segment(in, job.segment);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    log::info("segment: " + std::to_string(s.segments.size()) + " segments from " + std::to_string(in.size()) +
              " bins in " + format_fixed(took.count(), 2) + " s");
    write_segment_table(to_table(s, in), job.output);
}

void validate(const FitJob& job) {
    validate(job.outputs);
    validate(job.call);
}

void run(const FitJob& job) {
    validate(job);
    const CnvCalls calls = call_copy_number(read_segment_table(job.segments), job.call);
    std::unique_ptr<SegmentInput> points;
    if (!job.outputs.plot_file.empty() && !job.ratios.empty()) {
        points = std::make_unique<SegmentInput>(read_log2_table(job.ratios));
        if (!job.baf.empty()) attach_het_sites(*points, read_het_table(job.baf));
    }
    write_call_outputs(calls, points.get(), job.outputs);
}

void validate(const RunJob& job) {
    validate(job.outputs);
    validate(job.pipeline);
}

void run(const RunJob& job) {
    validate(job);
    const PipelineResult r = run_pipeline(job.pipeline);
    if (!job.tables.empty()) write_stage_tables(r, job.tables);
    write_call_outputs(r.calls, &r.segment_input, job.outputs);
}

}  // namespace somatic::cnv
