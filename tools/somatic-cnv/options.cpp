#include "options.hpp"

#include <memory>
#include <vector>

#include "libsomatic/cli/parser.hpp"
#include "libsomatic/cnv/plot.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "somatic_version.h"

namespace somatic::cnv_tool {

po::options_description layout_options(cnv::LayoutOptions& l, std::string& targets) {
    po::options_description d("Bins");
    d.add_options()
        ("bin-size", po::value(&l.bin_size)->default_value(l.bin_size)->value_name("BP"), "whole-genome bin size")
        ("targets", po::value(&targets)->value_name("BED"), "exome/panel targets: target bins plus off-target bins in the gaps")
        ("target-bin-size", po::value(&l.target_bin_size)->default_value(l.target_bin_size)->value_name("BP"),
         "cut longer targets into pieces of at most BP")
        ("off-target-bin-size", po::value(&l.off_target_bin_size)->default_value(l.off_target_bin_size)->value_name("BP"),
         "off-target bin size");
    return d;
}

void add_het_source_options(po::options_description& d, std::string& germline_hets, std::string& snp_sites) {
    d.add_options()
        ("germline-hets", po::value(&germline_hets)->value_name("VCF"), "a VCF with FORMAT/AD of the tumour and the normal")
        ("snp-sites", po::value(&snp_sites)->value_name("VCF"), "known SNP sites, genotyped from --tumour and --normal");
}

po::options_description read_options(ReadFilter& f, bool& keep_duplicates) {
    po::options_description d("Reads");
    d.add_options()
        ("min-mapq", po::value(&f.min_mapq)->default_value(f.min_mapq)->value_name("Q"), "skip reads of lower mapping quality")
        ("keep-duplicates", po::bool_switch(&keep_duplicates), "count reads flagged as duplicates");
    return d;
}

po::options_description ratio_options(cnv::RatioOptions& r, std::string& sex, bool& no_gc) {
    po::options_description d("Normalisation");
    d.add_options()
        ("sex", po::value(&sex)->default_value("auto")->value_name("female|male|auto"),
         "the patient's sex; auto infers it from the normal's chrX depth")
        ("max-n-fraction", po::value(&r.max_n_fraction)->default_value(r.max_n_fraction, cnv::format_real(r.max_n_fraction))->value_name("F"),
         "drop bins with a larger fraction of N bases")
        ("min-normal-depth", po::value(&r.min_normal_depth)->default_value(r.min_normal_depth, cnv::format_real(r.min_normal_depth))->value_name("F"),
         "drop bins whose normal depth is below F times the expected (poorly mappable)")
        ("max-normal-depth", po::value(&r.max_normal_depth)->default_value(r.max_normal_depth, cnv::format_real(r.max_normal_depth))->value_name("F"),
         "drop bins whose normal depth is above F times the expected (collapsed repeats)")
        ("no-gc-correct", po::bool_switch(&no_gc), "skip the GC-bias correction");
    return d;
}

po::options_description het_options(cnv::HetCriteria& h, int& min_base_quality) {
    po::options_description d("Heterozygous sites");
    d.add_options()
        ("het-min-af", po::value(&h.min_af)->default_value(h.min_af, cnv::format_real(h.min_af))->value_name("F"), "a normal alt fraction of at least F ...")
        ("het-max-af", po::value(&h.max_af)->default_value(h.max_af, cnv::format_real(h.max_af))->value_name("F"), "... and at most F makes a het site")
        ("het-min-depth", po::value(&h.min_depth)->default_value(h.min_depth)->value_name("N"), "... with a normal depth of at least N")
        ("min-base-quality", po::value(&min_base_quality)->default_value(min_base_quality)->value_name("Q"),
         "bases counted at --snp-sites");
    return d;
}

po::options_description segment_options(cnv::SegmentOptions& s, bool& no_baf) {
    po::options_description d("Segmentation");
    d.add_options()
        ("penalty", po::value(&s.penalty)->default_value(s.penalty, cnv::format_real(s.penalty))->value_name("BETA"),
         "sensitivity: a change-point costs BETA * log(bins); lower finds more segments")
        ("min-bins", po::value(&s.min_bins)->default_value(s.min_bins)->value_name("N"), "the shortest segment, in bins")
        ("no-smooth", "keep single-bin outliers as they are (no winsorising)")
        ("independent-noise", "treat every bin's noise as independent of its neighbours' (no long-run variance)")
        ("no-baf", po::bool_switch(&no_baf), "segment and fit on log2 ratios alone");
    return d;
}

po::options_description fit_options(cnv::CallOptions& c, FitCli& cli) {
    po::options_description d("Purity, ploidy and calls");
    auto& f = c.fit;
    d.add_options()
        ("purity", po::value(&f.purity)->value_name("P"), "fix the purity instead of fitting it")
        ("ploidy", po::value(&f.ploidy)->value_name("PSI"), "fix the ploidy instead of fitting it")
        ("min-purity", po::value(&f.purity_min)->default_value(f.purity_min, cnv::format_real(f.purity_min))->value_name("P"), "purity grid start")
        ("max-purity", po::value(&f.purity_max)->default_value(f.purity_max, cnv::format_real(f.purity_max))->value_name("P"), "purity grid end")
        ("min-ploidy", po::value(&f.ploidy_min)->default_value(f.ploidy_min, cnv::format_real(f.ploidy_min))->value_name("PSI"), "ploidy grid start")
        ("max-ploidy", po::value(&f.ploidy_max)->default_value(f.ploidy_max, cnv::format_real(f.ploidy_max))->value_name("PSI"), "ploidy grid end")
        ("max-cn", po::value(&f.max_cn)->default_value(f.max_cn)->value_name("N"), "the highest total copy number")
        ("log2-tolerance", po::value(&f.log2_tolerance)->default_value(f.log2_tolerance, cnv::format_real(f.log2_tolerance))->value_name("SD"),
         "systematic log2 error allowed to a segment's mean")
        ("baf-tolerance", po::value(&f.baf_tolerance)->default_value(f.baf_tolerance, cnv::format_real(f.baf_tolerance))->value_name("SD"),
         "systematic BAF error allowed to a segment's mean")
        ("seg", po::value(&cli.seg)->value_name("FILE"), "also write the segments as an IGV .seg file")
        ("summary", po::value(&cli.summary)->value_name("FILE"), "also write the purity/ploidy summary (TSV)")
        ("plot", po::value(&cli.plot)->value_name("FILE"), "also draw the genome as SVG")
        ("sample", po::value(&cli.sample)->default_value(cli.sample)->value_name("NAME"), "the ID column of the .seg file");
    return d;
}

void check_fractions(double lo, double hi, const char* what) {
    if (!(lo >= 0 && hi <= 1 && lo <= hi)) {
        throw usage_error(std::string(what) + " must satisfy 0 <= min <= max <= 1");
    }
}

bool parse(int argc, char** argv, const std::string& usage, const po::options_description& options,
           po::variables_map& vm, std::vector<std::string>* positional, int max_positional) {
    cli::Parser parser("somatic-cnv", usage);
    parser.add(options);
    if (positional) parser.positional(*positional, max_positional);
    return parser.parse(argc, argv, vm);
}

void check_call_outputs(const FitCli& cli, const CommonOptions& common) {
    check_distinct_outputs({{"-o", common.output}, {"--seg", cli.seg}, {"--summary", cli.summary}, {"--plot", cli.plot}});
}

void write_call_outputs(const cnv::CnvCalls& calls, const cnv::SegmentInput* points, const std::string& bed_path,
                        const FitCli& cli, const CommonOptions& common, const std::string& command_line) {
    // Every file is written under a temporary name first and renamed only
    // when all of them are written (the calls last): a failure anywhere,
    // standard output included, leaves none of them behind looking complete.
    std::vector<std::unique_ptr<TableWriter>> outputs;
    auto write_file = [&](const std::string& path, const std::string& text) {
        outputs.push_back(std::make_unique<TableWriter>(path));
        outputs.back()->write(text);
    };
    if (!cli.seg.empty()) {
        std::string t;
        cnv::format_seg(calls, cli.sample, t);
        write_file(cli.seg, t);
    }
    if (!cli.summary.empty()) {
        std::string t;
        cnv::format_summary(calls, t);
        write_file(cli.summary, t);
    }
    if (!cli.plot.empty()) {
        std::string t;
        cnv::format_svg(calls, points, t);
        write_file(cli.plot, t);
    }
    cnv::Provenance p;
    if (!common.no_version) {
        p.tool_version = SOMATIC_VERSION;
        p.command_line = command_line;
    }
    std::string t;
    cnv::format_calls_bed(calls, p, t);
    write_file(bed_path, t);
    for (auto& out : outputs) out->finish();
    for (auto& out : outputs) out->close();
    const auto& best = calls.fit.solutions.front();
    log::info("purity " + cnv::format_fixed(best.purity, 2) + ", ploidy " + cnv::format_fixed(best.called_ploidy, 2) +
              (best.genome_doubled ? " (genome doubled)" : "") + ", " + std::to_string(calls.table.segments.size()) +
              " segments");
}

}  // namespace somatic::cnv_tool
