// somatic-cnv run: every stage, from alignments to calls.
#include "commands.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_all(int argc, char** argv) {
    CommonOptions common;
    cnv::RunJob job;
    cnv::PipelineOptions& p = job.pipeline;
    bool no_gc = false, keep_duplicates = false, no_baf = false;
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("tumour,T", po::value(&p.tumour)->value_name("BAM"), "the tumour's alignments (BAM or CRAM, indexed)")
        ("normal,N", po::value(&p.normal)->value_name("BAM"), "the matched normal's alignments (optional with --pooled-reference)")
        ("tables", po::value(&job.tables)->value_name("PREFIX"),
         "also write every stage's table: PREFIX.tumour.bins.tsv, .normal.bins.tsv, .ratios.tsv, .baf.tsv, .segments.tsv");
    add_pooled_reference_option(inputs, p.pooled_reference);
    add_het_source_options(inputs, p.germline_hets, p.snp_sites);
    po::options_description options;
    options.add(inputs)
        .add(common_options(common, {true, true, false}))
        .add(layout_options(p.layout, p.targets))
        .add(read_options(p.count.filter, keep_duplicates))
        .add(ratio_options(p.ratio, no_gc))
        .add(het_options(p.het.criteria, p.het.min_base_quality))
        .add(segment_options(p.segment, no_baf))
        .add(fit_options(p.call, job.outputs));
    po::variables_map vm;
    // `somatic-cnv run ...` arrives here without the tool name; `somatic-cnv --tumour ...` with it.
    if (!parse(argc, argv,
               "Usage: somatic-cnv [run] --tumour T.bam (--normal N.bam | --pooled-reference pool.tsv) --reference ref.fa\n"
               "                   [--germline-hets hets.vcf.gz | --snp-sites sites.vcf.gz] [options] > segments.bed",
               options, vm)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    p.reference = common.reference;
    p.threads = common.threads;
    p.count.filter.skip_duplicates = !keep_duplicates;
    p.ratio.gc_correct = !no_gc;
    p.segment.smooth_outliers = !vm.count("no-smooth");
    p.segment.correlated_noise = !vm.count("independent-noise");
    p.segment.use_baf = !no_baf;
    p.call.fit.use_baf = !no_baf;
    job.outputs.bed_file = common.output;
    // argv[0] is "run" after `somatic-cnv run`, the program itself otherwise.
    const std::string typed = std::string(argv[0]) == "run" ? "somatic-cnv " + command_line(argc, argv)
                                                            : command_line(argc, argv);
    job.outputs.provenance = provenance(common, typed);
    cli::with_flags(kFlags, [&] { job.validate(); });
    p.regions = chosen_regions(common);
    cnv::run(job);
    return 0;
}

}  // namespace somatic::cnv_tool
