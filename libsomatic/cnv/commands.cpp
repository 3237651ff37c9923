#include "libsomatic/cnv/commands.hpp"

#include <chrono>
#include <memory>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/centromeres.hpp"
#include "libsomatic/cnv/pooled_ratio.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic::cnv {

void BinsJob::validate() const {
    layout.validate();
    count.validate();
}

void run(const BinsJob& job) {
    job.validate();
    const ContigDict contigs = Reference(job.reference).contigs();
    const BinTable layout =
        make_layout(contigs, job.regions.empty() ? whole_genome(contigs) : job.regions, job.targets, job.layout);
    auto tables = count_bins(layout, {job.alignments}, job.reference, job.count);
    write_bin_table(tables[0], job.output);
}

void ReferenceJob::validate() const {
    if (normals.empty()) throw usage_error("give the normals' alignment files");
    if (reference.empty()) throw usage_error("reference is required");
    layout.validate();
    count.validate();
    pool.validate();
}

void run(const ReferenceJob& job) {
    job.validate();
    const ContigDict contigs = Reference(job.reference).contigs();
    const BinTable layout =
        make_layout(contigs, job.regions.empty() ? whole_genome(contigs) : job.regions, job.targets, job.layout);
    log::info("reference: " + std::to_string(layout.size()) + " bins, " + std::to_string(job.normals.size()) + " normals");
    const std::vector<BinTable> tables = count_bins(layout, job.normals, job.reference, job.count);
    std::vector<std::string> names;
    for (const std::string& f : job.normals) names.push_back(display_name(f));
    PooledReference ref = build_pooled_reference(tables, names, job.pool);
    for (size_t j = 0; j < tables.size(); ++j) {
        if (!tables[j].sample.empty()) ref.normals[j] += " (sample " + tables[j].sample + ")";
    }
    // Only the contigs that hold bins, so that a run on a sub-region of the
    // same FASTA is not mistaken for another assembly.
    std::vector<Contig> used;
    for (const std::string& name : ref.contigs) used.push_back(*contigs.find(name));
    ref.assembly = ContigDict(std::move(used));
    ref.version = job.version;
    write_pooled_reference(ref, job.output);
}

void RatioJob::validate() const {
    ratio.validate();
    if (normal_bins.empty() && pooled_reference.empty()) {
        throw usage_error("give the normal's bins table or pooled_reference");
    }
}

void run(const RatioJob& job) {
    job.validate();
    const BinTable tumour = read_bin_table(job.tumour_bins);
    std::unique_ptr<BinTable> normal;
    if (!job.normal_bins.empty()) normal = std::make_unique<BinTable>(read_bin_table(job.normal_bins));
    if (job.pooled_reference.empty()) {
        write_ratio_table(compute_ratios(tumour, *normal, job.ratio, display_name(job.tumour_bins), display_name(job.normal_bins)),
                          job.output);
        return;
    }
    const PooledReference pool = read_pooled_reference(job.pooled_reference);
    write_ratio_table(compute_pooled_ratios(tumour, pool, job.ratio, display_name(job.tumour_bins),
                                            display_name(job.pooled_reference), normal.get()),
                      job.output);
}

void BafJob::validate() const {
    if (source.germline_hets.empty() == source.snp_sites.empty()) {
        throw usage_error("give one of germline_hets and snp_sites");
    }
    source.validate();
    pileup.validate();
}

void run(const BafJob& job) {
    job.validate();
    write_het_table(load_het_sites(job.source, job.pileup), job.output);
}

void SegmentJob::validate() const {
    if (!(table.position_scale > 0)) throw usage_error("position_scale must be above 0");
    segment.validate();
}

void run(const SegmentJob& job) {
    job.validate();
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

void FitJob::validate() const {
    outputs.validate();
    call.validate();
}

void run(const FitJob& job) {
    job.validate();
    const CnvCalls calls = call_copy_number(read_segment_table(job.segments), job.call);
    std::unique_ptr<SegmentInput> points;
    if (!job.outputs.plot_file.empty() && !job.ratios.empty()) {
        points = std::make_unique<SegmentInput>(read_log2_table(job.ratios));
        if (!job.baf.empty()) attach_het_sites(*points, read_het_table(job.baf));
    }
    write_call_outputs(calls, points.get(), job.outputs);
}

void RunJob::validate() const {
    outputs.validate();
    pipeline.validate();
}

void run(const RunJob& job) {
    job.validate();
    // A missing or malformed centromere BED fails now, not after the whole
    // pipeline's counting and fitting; its few lines are read again for HRD.
    if (!job.outputs.centromeres.empty()) read_centromeres(job.outputs.centromeres, {});
    const PipelineResult r = run_pipeline(job.pipeline);
    if (!job.tables.empty()) write_stage_tables(r, job.tables);
    CallOutputs outputs = job.outputs;
    if (outputs.reference.empty()) outputs.reference = job.pipeline.reference;  // its lengths pick HRD's centromeres
    write_call_outputs(r.calls, &r.segment_input, outputs);
}

}  // namespace somatic::cnv
