#include "options.hpp"

#include <vector>

#include "libsomatic/cli/parser.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/reference.hpp"
#include "somatic_version.h"

namespace somatic::cnv {

void validate(boost::any& value, const std::vector<std::string>& tokens, Sex*, int) {
    value = parse_sex(boost::program_options::validators::get_single_string(tokens));
}

}  // namespace somatic::cnv

namespace somatic::cnv_tool {

std::string sex_text(cnv::Sex sex) { return sex == cnv::Sex::unknown ? "auto" : std::string(cnv::sex_name(sex)); }

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

po::options_description ratio_options(cnv::RatioOptions& r, bool& no_gc) {
    po::options_description d("Normalisation");
    d.add_options()
        ("sex", po::value(&r.sex)->default_value(r.sex, sex_text(r.sex))->value_name("female|male|auto"),
         "the patient's sex; auto infers it from the normal's chrX depth")
        ("max-n-fraction", po::value(&r.max_n_fraction)->default_value(r.max_n_fraction, cnv::format_real(r.max_n_fraction))->value_name("F"),
         "drop bins with a larger fraction of N bases")
        ("min-normal-depth-ratio", po::value(&r.min_normal_depth)->default_value(r.min_normal_depth, cnv::format_real(r.min_normal_depth))->value_name("F"),
         "drop bins whose normal depth is below F times the expected (poorly mappable)")
        ("max-normal-depth-ratio", po::value(&r.max_normal_depth)->default_value(r.max_normal_depth, cnv::format_real(r.max_normal_depth))->value_name("F"),
         "drop bins whose normal depth is above F times the expected (collapsed repeats)")
        ("no-gc-correct", po::bool_switch(&no_gc), "skip the GC-bias correction");
    return d;
}

po::options_description pool_options(cnv::PoolOptions& p, bool& no_gc) {
    po::options_description d("Usable bins");
    d.add_options()
        ("max-n-fraction", po::value(&p.max_n_fraction)->default_value(p.max_n_fraction, cnv::format_real(p.max_n_fraction))->value_name("F"),
         "bins with a larger fraction of N bases are unusable")
        ("min-depth-ratio", po::value(&p.min_depth)->default_value(p.min_depth, cnv::format_real(p.min_depth))->value_name("F"),
         "bins whose expected depth is below F times the typical are unusable (poorly mappable)")
        ("max-depth-ratio", po::value(&p.max_depth)->default_value(p.max_depth, cnv::format_real(p.max_depth))->value_name("F"),
         "bins whose expected depth is above F times the typical are unusable (collapsed repeats)")
        ("max-spread", po::value(&p.max_spread)->default_value(p.max_spread, cnv::format_real(p.max_spread))->value_name("SD"),
         "bins whose normals' log2 depths have a robust sd above SD are unusable")
        ("min-reads", po::value(&p.min_reads)->default_value(p.min_reads, cnv::format_real(p.min_reads))->value_name("N"),
         "bins whose normals hold a median of fewer than N reads are unusable")
        ("no-gc-correct", po::bool_switch(&no_gc), "skip the GC-bias correction");
    return d;
}

void add_pooled_reference_option(po::options_description& d, std::string& path) {
    d.add_options()
        ("pooled-reference", po::value(&path)->value_name("TSV"),
         "the expected depth from 'somatic-cnv reference' instead of the normal's (a normal then gives het sites only)");
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
        ("no-smooth", "leave single-bin outliers where they are during the search")
        ("independent-noise", "treat every bin's noise as independent of its neighbours' (no long-run variance)")
        ("no-baf", po::bool_switch(&no_baf), "segment and fit on log2 ratios alone");
    return d;
}

po::options_description fit_options(cnv::CallOptions& c, cnv::CallOutputs& out) {
    po::options_description d("Purity, ploidy and calls");
    auto& f = c.fit;
    d.add_options()
        ("purity", po::value(&f.purity)->value_name("P"), "fix the purity instead of fitting it")
        ("ploidy", po::value(&f.ploidy)->value_name("PSI"), "fix the ploidy instead of fitting it")
        ("min-purity", po::value(&f.purity_min)->default_value(f.purity_min, cnv::format_real(f.purity_min))->value_name("P"), "purity grid start")
        ("max-purity", po::value(&f.purity_max)->default_value(f.purity_max, cnv::format_real(f.purity_max))->value_name("P"), "purity grid end")
        ("min-ploidy", po::value(&f.ploidy_min)->default_value(f.ploidy_min, cnv::format_real(f.ploidy_min))->value_name("PSI"), "ploidy grid start")
        ("max-ploidy", po::value(&f.ploidy_max)->default_value(f.ploidy_max, cnv::format_real(f.ploidy_max))->value_name("PSI"), "ploidy grid end")
        ("max-cn", po::value(&f.max_cn)->default_value(f.max_cn)->value_name("N"),
         "the highest total copy number of a segment of --focal-length or longer")
        ("max-focal-cn", po::value(&f.max_focal_cn)->default_value(f.max_focal_cn)->value_name("N"),
         "the highest total copy number of a shorter segment (a focal amplification)")
        ("focal-length", po::value(&f.focal_length)->default_value(f.focal_length)->value_name("BP"),
         "segments shorter than this may reach --max-focal-cn")
        ("event-penalty", po::value(&f.event_penalty)->default_value(f.event_penalty, cnv::format_real(f.event_penalty))->value_name("X"),
         "parsimony prior: score per copy-number event per bin")
        ("doubling-penalty", po::value(&f.doubling_penalty)->default_value(f.doubling_penalty, cnv::format_real(f.doubling_penalty))->value_name("X"),
         "parsimony prior: score per bin of a whole-genome doubling")
        ("subclonal-penalty", po::value(&f.subclonal_penalty)->default_value(f.subclonal_penalty, cnv::format_real(f.subclonal_penalty))->value_name("X"),
         "parsimony prior: score per bin of a subclonal mixture's cell fraction, beyond its event")
        ("no-subclonal", po::bool_switch()->notifier([&f](bool off) { if (off) f.subclonal = false; }),
         "call every segment clonal: no mixtures of two states")
        ("somatic-vcf", po::value(&c.somatic_vcf)->value_name("FILE"),
         "somatic-snv's VCF: its SNVs' allele fractions weigh doubled against undoubled solutions")
        ("snv-margin", po::value(&f.snv_margin)->default_value(f.snv_margin, cnv::format_real(f.snv_margin))->value_name("LLR"),
         "the SNV log-likelihood ratio that overrides the ranking among near-equal fits")
        ("log2-tolerance", po::value(&f.log2_tolerance)->default_value(f.log2_tolerance, cnv::format_real(f.log2_tolerance))->value_name("SD"),
         "systematic log2 error allowed to a segment's mean")
        ("baf-tolerance", po::value(&f.baf_tolerance)->default_value(f.baf_tolerance, cnv::format_real(f.baf_tolerance))->value_name("SD"),
         "systematic BAF error allowed to a segment's mean")
        ("seg", po::value(&out.seg_file)->value_name("FILE"), "also write the segments as an IGV .seg file")
        ("summary", po::value(&out.summary_file)->value_name("FILE"), "also write the purity/ploidy and HRD summary (TSV)")
        ("centromeres", po::value(&out.centromeres)->value_name("BED"),
         "centromeres for HRD's TAI and LST (default: built in for GRCh37/GRCh38, matched by contig name and length)")
        ("plot", po::value(&out.plot_file)->value_name("FILE"), "also draw the genome as SVG")
        ("sample", po::value(&out.sample)->default_value(out.sample)->value_name("NAME"), "the ID column of the .seg file");
    return d;
}

bool parse(int argc, char** argv, const std::string& usage, const po::options_description& options,
           po::variables_map& vm, std::vector<std::string>* positional, int max_positional) {
    cli::Parser parser("somatic-cnv", usage);
    parser.add(options);
    if (positional) parser.positional(*positional, max_positional);
    return parser.parse(argc, argv, vm);
}

const cli::FlagNames kFlags{
    // PipelineOptions, HetSource and the jobs
    {"reference", "--reference"}, {"threads", "--threads"}, {"tumour", "--tumour"}, {"normal", "--normal"},
    {"pooled_reference", "--pooled-reference"}, {"normals", "NORMAL.bam"},
    {"germline_hets", "--germline-hets"}, {"snp_sites", "--snp-sites"}, {"targets", "--targets"},
    // LayoutOptions
    {"bin_size", "--bin-size"}, {"target_bin_size", "--target-bin-size"}, {"off_target_bin_size", "--off-target-bin-size"},
    // RatioOptions
    {"max_n_fraction", "--max-n-fraction"}, {"min_normal_depth", "--min-normal-depth-ratio"},
    {"max_normal_depth", "--max-normal-depth-ratio"},
    // PoolOptions
    {"min_depth", "--min-depth-ratio"}, {"max_depth", "--max-depth-ratio"}, {"max_spread", "--max-spread"},
    {"min_reads", "--min-reads"},
    // HetCriteria, PileupHetOptions
    {"min_af", "--het-min-af"}, {"max_af", "--het-max-af"}, {"min_depth", "--het-min-depth"},
    {"min_base_quality", "--min-base-quality"},
    // Log2TableOptions, SegmentOptions
    {"column", "--column"}, {"position_scale", "--position-scale"}, {"penalty", "--penalty"}, {"min_bins", "--min-bins"},
    // FitOptions
    {"purity", "--purity"}, {"ploidy", "--ploidy"}, {"purity_min", "--min-purity"}, {"purity_max", "--max-purity"},
    {"ploidy_min", "--min-ploidy"}, {"ploidy_max", "--max-ploidy"}, {"max_cn", "--max-cn"}, {"max_focal_cn", "--max-focal-cn"},
    {"focal_length", "--focal-length"}, {"event_penalty", "--event-penalty"},
    {"doubling_penalty", "--doubling-penalty"}, {"subclonal_penalty", "--subclonal-penalty"}, {"snv_margin", "--snv-margin"},
    {"log2_tolerance", "--log2-tolerance"}, {"baf_tolerance", "--baf-tolerance"},
    // CallOutputs
    {"bed_file", "-o"}, {"seg_file", "--seg"}, {"summary_file", "--summary"}, {"centromeres", "--centromeres"}, {"plot_file", "--plot"}, {"sample", "--sample"},
};

std::vector<Interval> chosen_regions(const CommonOptions& common) {
    if (common.regions.empty() && common.regions_file.empty()) return {};
    return resolve_regions(common, Reference(common.reference).contigs());
}

cnv::Provenance provenance(const CommonOptions& common, const std::string& command_line) {
    cnv::Provenance p;
    if (!common.no_version) {
        p.tool_version = SOMATIC_VERSION;
        p.command_line = command_line;
    }
    return p;
}

}  // namespace somatic::cnv_tool
