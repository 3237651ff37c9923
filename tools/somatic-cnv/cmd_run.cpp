// somatic-cnv run: every stage, from alignments to calls.
#include "commands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

void check_fit(const cnv::FitOptions& f);  // cmd_fit.cpp

int run_all(int argc, char** argv) {
    CommonOptions common;
    cnv::PipelineOptions p;
    FitCli cli;
    std::string ratio_sex, tables;
    bool no_gc = false, keep_duplicates = false, no_baf = false;
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("tumour,T", po::value(&p.tumour)->value_name("BAM"), "the tumour's alignments (BAM or CRAM, indexed)")
        ("normal,N", po::value(&p.normal)->value_name("BAM"), "the matched normal's alignments")
        ("tables", po::value(&tables)->value_name("PREFIX"),
         "also write every stage's table: PREFIX.tumour.bins.tsv, .normal.bins.tsv, .ratios.tsv, .baf.tsv, .segments.tsv");
    add_het_source_options(inputs, p.germline_hets, p.snp_sites);
    po::options_description options;
    options.add(inputs)
        .add(common_options(common, {true, true, false}))
        .add(layout_options(p.layout, p.targets))
        .add(read_options(p.count.filter, keep_duplicates))
        .add(ratio_options(p.ratio, ratio_sex, no_gc))
        .add(het_options(p.het, p.min_base_quality))
        .add(segment_options(p.segment, no_baf))
        .add(fit_options(p.call, cli));
    po::variables_map vm;
    // `somatic-cnv run ...` arrives here without the tool name; `somatic-cnv --tumour ...` with it.
    if (!parse(argc, argv,
               "Usage: somatic-cnv [run] --tumour T.bam --normal N.bam --reference ref.fa\n"
               "                   [--germline-hets hets.vcf.gz | --snp-sites sites.vcf.gz] [options] > segments.bed",
               options, vm)) {
        return 0;
    }
    validate(common);
    check_call_outputs(cli, common);
    check_fit(p.call.fit);
    check_fractions(p.het.min_af, p.het.max_af, "--het-min-af/--het-max-af");
    if (common.reference.empty()) throw usage_error("--reference is required");
    p.count.filter.skip_duplicates = !keep_duplicates;
    p.ratio.sex = cnv::parse_sex(ratio_sex);
    p.ratio.gc_correct = !no_gc;
    p.segment.smooth_outliers = !vm.count("no-smooth");
    p.segment.correlated_noise = !vm.count("independent-noise");
    p.segment.use_baf = !no_baf;
    p.call.fit.use_baf = !no_baf;
    p.call.sex = p.ratio.sex;
    const cnv::PipelineResult r = cnv::run_pipeline(common, p);
    if (!tables.empty()) {
        cnv::write_bin_table(r.tumour_bins, tables + ".tumour.bins.tsv");
        cnv::write_bin_table(r.normal_bins, tables + ".normal.bins.tsv");
        cnv::write_ratio_table(r.ratios, tables + ".ratios.tsv");
        cnv::write_het_table(r.hets, tables + ".baf.tsv");
        cnv::write_segment_table(r.calls.table, tables + ".segments.tsv");
    }
    // argv[0] is "run" after `somatic-cnv run`, the program itself otherwise.
    const std::string typed = std::string(argv[0]) == "run" ? "somatic-cnv " + command_line(argc, argv)
                                                            : command_line(argc, argv);
    write_call_outputs(r.calls, &r.segment_input, common.output, cli, common, typed);
    return 0;
}

}  // namespace somatic::cnv_tool
