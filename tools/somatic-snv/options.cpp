#include "options.hpp"

#include <cstdio>
#include <optional>

#include "libsomatic/cli/flag_names.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/io/vcf_writer.hpp"
#include "somatic_version.h"

namespace po = boost::program_options;

namespace somatic::snv_tool {

namespace {

const char* kUsage =
    "somatic-snv: call somatic SNVs from a tumour/normal pair, or from a tumour alone\n\n"
    "Usage: somatic-snv --tumour T.bam --normal N.bam --reference ref.fa [options] > calls.vcf\n"
    "       somatic-snv --tumour T.bam --germline-resource AF.vcf.gz --reference ref.fa [options] > calls.vcf\n";

// The flags of the fields snv::PipelineOptions::validate() and
// snv::CallerOptions::validate() name.
const cli::FlagNames kFlags{
    {"inputs.tumour", "--tumour"},
    {"inputs.normal", "--normal"},
    {"inputs.germline_resource", "--germline-resource"},
    {"germline_hets_output", "--germline-hets"},
    {"priors.population_af_absent", "--af-not-in-resource"},
    {"filters.max_germline_probability", "--max-germline-probability"},
    {"inputs.reference", "--reference"},
    {"chunk_size", "--chunk-size"},
    {"min_alt_reads", "--min-alt-reads"},
    {"priors.max_tumour_in_normal", "--tumour-in-normal"},
    {"priors.shared", "--shared-prior"},
    {"target_padding", "--target-padding"},
};

// "auto" (nullopt) or a number.
std::optional<double> auto_or_any_number(const std::string& text, const std::string& option) {
    if (text == "auto") return std::nullopt;
    try {
        size_t used = 0;
        const double value = std::stod(text, &used);
        if (used != text.size()) throw std::invalid_argument(text);
        return value;
    } catch (const std::exception&) {
        throw usage_error(option + " must be 'auto' or a number, not '" + text + "'");
    }
}

// "auto" (nullopt) or a number in (0, highest).
std::optional<double> auto_or_number(const std::string& text, const std::string& option, double highest) {
    const auto value = auto_or_any_number(text, option);
    if (value && !(*value > 0 && *value < highest)) {
        char bound[32];
        std::snprintf(bound, sizeof bound, "%g", highest);
        throw usage_error(option + " must be between 0 and " + bound);
    }
    return value;
}

po::options_description input_options(snv::PipelineOptions& o) {
    po::options_description d("Inputs");
    d.add_options()
        ("tumour,T", po::value(&o.inputs.tumour)->value_name("BAM"), "tumour alignments (BAM or CRAM, indexed)")
        ("normal,N", po::value(&o.inputs.normal)->value_name("BAM"), "normal alignments (BAM or CRAM, indexed); without it, tumour-only calling, which needs "
         "--germline-resource")
        ("tumour-name", po::value(&o.tumour_name)->value_name("NAME"), "tumour sample name (default: the BAM's SM tag)")
        ("normal-name", po::value(&o.normal_name)->value_name("NAME"), "normal sample name (default: the BAM's SM tag)")
        ("force-sites", po::value(&o.inputs.force_sites)->value_name("VCF"),
         "always report these SNVs and indels (indexed VCF), whatever their evidence; symbolic and complex "
         "alleles are skipped")
        ("germline-resource", po::value(&o.inputs.germline_resource)->value_name("VCF"),
         "population allele frequencies (indexed VCF with INFO/AF, e.g. gnomAD); required without --normal")
        ("panel-of-normals", po::value(&o.inputs.panel_of_normals)->value_name("VCF"),
         "sites seen in a panel of normals (indexed VCF)")
        ("targets", po::value(&o.targets)->value_name("BED"),
         "exome or panel targets: call only inside them (padded), and draw the genome sample from them")
        ("target-padding", cli::value(&o.target_padding),
         "bases added on each side of every target (reads run past the baits)")
        ("germline-hets", po::value(&o.germline_hets_output)->value_name("FILE"),
         "also write the normal's heterozygous sites with tumour and normal allele counts (VCF)")
        ("callable", po::value(&o.callable_output)->value_name("BED"),
         "also write the callable territory: where both samples reach the LowDepth minimum depths (BED)");
    return d;
}

// The four model settings that are "auto" or a number, as typed; and
// --no-mnv, the library's merge_mnvs switch the other way round.
struct AutoSettings {
    std::string somatic_prior = "auto", shared_prior = "auto", orientation_rate = "auto", strand_rate = "auto";
    bool no_mnv = false;
    bool no_indels = false;  // --no-indels
};

po::options_description model_options(snv::PipelineOptions& o, AutoSettings& a) {
    auto& c = o.caller;
    po::options_description d("Reads and model");
    d.add_options()
        ("min-mapq", cli::value(&c.read_filter.min_mapq), "ignore reads below this mapping quality")
        ("min-base-quality", cli::value(&c.pileup.min_base_quality), "ignore bases below this quality")
        ("min-alt-reads", cli::value(&c.min_alt_reads), "tumour alt fragments needed to consider a site")
        ("no-indels", po::bool_switch(&a.no_indels), "call SNVs only (no indel candidates, scoring or error model)")
        ("somatic-prior", cli::value(&a.somatic_prior),
         "prior probability of a somatic SNV per site; auto: estimated from the candidates of a fixed 4 Mb "
         "sample of the genome (between 1e-7 and 1e-4)")
        ("orientation-artefact-rate", cli::value(&a.orientation_rate),
         "share of candidate sites that are one-orientation artefacts (8-oxoG, FFPE), for every substitution "
         "and orientation; auto: learned per substitution and orientation from the same genome sample")
        ("strand-artefact-rate", cli::value(&a.strand_rate),
         "the same for one-strand artefacts (alt reads all forward or all reverse)")
        ("shared-prior", cli::value(&a.shared_prior),
         "prior probability of a low-fraction variant shared by both samples (clonal haematopoiesis, mosaicism, "
         "tumour cells in the normal), per site; auto: estimated with the somatic prior (between 1e-8 and 1e-4)")
        ("af-not-in-resource", cli::value(&c.priors.population_af_absent),
         "tumour-only mode: population allele frequency of an allele the germline resource lacks")
        ("tumour-in-normal", cli::value(&c.priors.max_tumour_in_normal),
         "largest fraction of the tumour's alt allele the normal may carry (tumour-in-normal contamination)")
        ("min-report-qss", cli::value(&c.min_report_qss), "do not write candidates below this QSS")
        ("pass-only", po::bool_switch(&o.pass_only), "write only records that pass every filter")
        ("no-mnv", po::bool_switch(&a.no_mnv),
         "write adjacent somatic substitutions on the same fragments as separate SNVs, not one MNV record")
        ("allow-sample-mismatch", po::bool_switch(&o.allow_sample_mismatch),
         "call even when the tumour and the normal look like two different people (a sample swap)")
        ("include-alt-contigs", po::bool_switch(&o.include_secondary_contigs),
         "without -r/-R, call the alternate, decoy, HLA and unplaced contigs too")
        ("chunk-size", cli::value(&o.chunk_size), "bases per parallel work unit");
    return d;
}

po::options_description filter_options(snv::FilterThresholds& f) {
    po::options_description d("Filters (each sets a FILTER ID)");
    d.add_options()
        ("min-qss", cli::value(&f.min_qss), "LowQSS below this somatic quality")
        ("min-tumour-depth", cli::value(&f.min_tumour_depth), "LowDepth below this tumour depth")
        ("min-normal-depth", cli::value(&f.min_normal_depth), "LowDepth below this normal depth")
        ("max-normal-alt-reads", cli::value(&f.max_normal_alt_reads),
         "NormalAlt when the normal has more alt reads than this ...")
        ("max-normal-alt-ratio", cli::value(&f.max_normal_alt_ratio),
         "... more than contamination at this fraction of the tumour's alt fraction explains ...")
        ("max-normal-alt-phred", cli::value(&f.max_normal_alt_phred),
         "... with this confidence (Phred of the binomial tail, INFO/NALTQ)")
        ("max-strand-bias", cli::value(&f.max_strand_bias), "StrandBias above this Phred Fisher score")
        ("min-end-distance", cli::value(&f.min_end_distance),
         "ReadEnd below this median alt distance to a read end ...")
        ("max-read-end-bias", cli::value(&f.max_read_end_bias),
         "... when alt reads are near an end more often than ref reads (Phred Fisher above this, INFO/ENDQ)")
        ("min-alt-mapq", cli::value(&f.min_alt_mapq), "LowMapQ below this median alt mapping quality")
        ("cluster-window", cli::value(&f.cluster_window), "Clustered: window in bp ...")
        ("max-cluster-events", cli::value(&f.max_cluster_events), "... holding more than this many other events")
        ("max-normal-depth-factor", cli::value(&f.max_normal_depth_factor),
         "HighDepth above this times the normal's typical depth where it has reads (the tumour's without a "
         "normal)")
        ("max-orientation-bias", cli::value(&f.max_orientation_bias), "OrientationBias above this Phred Fisher score")
        ("max-population-af", cli::value(&f.max_population_af),
         "PopulationAF above this germline-resource allele frequency")
        ("max-germline-probability", cli::value(&f.max_germline_probability),
         "tumour-only mode: Germline above this posterior germline probability (INFO/PGERM)")
        ("min-slippage-ratio", cli::value(&f.min_slippage_ratio),
         "RepeatSlippage: indel in a repeat with tumour AF below this x its context's learned error rate (INFO/IER)")
        ("germline-indel-window", cli::value(&f.germline_indel_window),
         "NearbyGermlineIndel: another indel within this many bp ...")
        ("min-germline-indel-fraction", cli::value(&f.min_germline_indel_fraction),
         "... in at least this fraction of the normal's reads")
        ("near-indel-window", cli::value(&f.near_indel_window),
         "NearIndel: an SNV with an indel candidate within this many bp ...")
        ("max-near-indel-fraction", cli::value(&f.max_near_indel_fraction),
         "... that explains at least this fraction of its tumour alt reads better");
    return d;
}

}  // namespace

bool parse(int argc, char** argv, CommonOptions& common, snv::PipelineOptions& o) {
    AutoSettings a;
    cli::Parser parser("somatic-snv", kUsage);
    parser.add(input_options(o)).add(common_options(common)).add(model_options(o, a)).add(filter_options(o.caller.filters));
    if (!parser.parse(argc, argv)) return false;
    validate(common);
    check_distinct_outputs(
        {{"-o", common.output}, {"--germline-hets", o.germline_hets_output}, {"--callable", o.callable_output}});
    o.inputs.reference = common.reference;
    o.threads = common.threads;
    o.output = common.output;
    o.output_format =
        common.output_type.empty() ? vcf_format_from_name(common.output) : parse_vcf_format(common.output_type);
    // The shared prior's range is the library's check (priors.shared).
    const auto shared = auto_or_any_number(a.shared_prior, "--shared-prior");
    o.caller.estimate_shared_prior = !shared;
    if (shared) o.caller.priors.shared = *shared;
    cli::with_flags(kFlags, [&] { o.validate(); });
    const auto prior = auto_or_number(a.somatic_prior, "--somatic-prior", 0.01);
    o.estimate_prior = !prior;
    if (prior) o.caller.priors.somatic = *prior;
    const auto rate = auto_or_number(a.orientation_rate, "--orientation-artefact-rate", 0.45);
    o.estimate_orientation_rates = !rate;
    if (rate) o.caller.orientation_artefacts = snv::ArtefactRates::uniform(*rate);
    const auto strand = auto_or_number(a.strand_rate, "--strand-artefact-rate", 0.45);
    o.estimate_strand_rates = !strand;
    if (strand) o.caller.strand_artefacts = snv::ArtefactRates::uniform(*strand);
    o.caller.germline_hets = !o.germline_hets_output.empty();
    o.caller.merge_mnvs = !a.no_mnv;
    o.caller.call_indels = !a.no_indels;
    o.provenance = {"somatic-snv", SOMATIC_VERSION, command_line(argc, argv), !common.no_version};
    // -r/-R against the reference's contigs; none: the library's whole genome.
    if (!common.regions.empty() || !common.regions_file.empty()) {
        o.regions = resolve_regions(common, Reference(common.reference).contigs());
    }
    return true;
}

}  // namespace somatic::snv_tool
