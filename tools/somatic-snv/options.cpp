#include "options.hpp"

#include <cstdio>
#include <optional>


#include "libsomatic/core/error.hpp"
#include "somatic_version.h"

namespace po = boost::program_options;

namespace somatic::snv_tool {

namespace {

const char* kUsage =
    "somatic-snv: call somatic SNVs from a tumour/normal pair\n\n"
    "Usage: somatic-snv --tumour T.bam --normal N.bam --reference ref.fa [options] > calls.vcf\n";

}  // namespace

namespace {
// "auto" (nullopt) or a number in (0, highest).
std::optional<double> auto_or_number(const std::string& text, const std::string& option, double highest) {
    if (text == "auto") return std::nullopt;
    double value = 0;
    try {
        size_t used = 0;
        value = std::stod(text, &used);
        if (used != text.size()) throw std::invalid_argument(text);
    } catch (const std::exception&) {
        throw usage_error(option + " must be 'auto' or a number, not '" + text + "'");
    }
    if (!(value > 0 && value < highest)) {
        char bound[32];
        std::snprintf(bound, sizeof bound, "%g", highest);
        throw usage_error(option + " must be between 0 and " + bound);
    }
    return value;
}
}  // namespace

bool parse(int argc, char** argv, Options& o) {
    auto& f = o.caller.filters;
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("tumour,T", po::value(&o.inputs.tumour)->value_name("BAM"), "tumour alignments (BAM or CRAM, indexed)")
        ("normal,N", po::value(&o.inputs.normal)->value_name("BAM"), "normal alignments (BAM or CRAM, indexed)")
        ("tumour-name", po::value(&o.tumour_name)->value_name("NAME"), "tumour sample name (default: the BAM's SM tag)")
        ("normal-name", po::value(&o.normal_name)->value_name("NAME"), "normal sample name (default: the BAM's SM tag)")
        ("force-sites", po::value(&o.inputs.force_sites)->value_name("VCF"),
         "always report these SNVs (indexed VCF), whatever their evidence")
        ("germline-resource", po::value(&o.inputs.germline_resource)->value_name("VCF"),
         "population allele frequencies (indexed VCF with INFO/AF, e.g. gnomAD)")
        ("panel-of-normals", po::value(&o.inputs.panel_of_normals)->value_name("VCF"),
         "sites seen in a panel of normals (indexed VCF)")
        ("targets", po::value(&o.targets)->value_name("BED"),
         "exome or panel targets: call only inside them (padded), and draw the genome sample from them")
        ("target-padding", po::value(&o.target_padding)->default_value(100),
         "bases added on each side of every target (reads run past the baits)")
        ("germline-hets", po::value(&o.germline_hets_output)->value_name("FILE"),
         "also write the normal's heterozygous sites with tumour and normal allele counts (VCF)");

    std::string somatic_prior, shared_prior, orientation_rate, strand_rate;
    po::options_description model("Reads and model");
    model.add_options()
        ("min-mapq", po::value(&o.caller.read_filter.min_mapq)->default_value(20), "ignore reads below this mapping quality")
        ("min-base-quality", po::value(&o.caller.pileup.min_base_quality)->default_value(13), "ignore bases below this quality")
        ("min-alt-reads", po::value(&o.caller.min_alt_reads)->default_value(2), "tumour alt fragments needed to consider a site")
        ("somatic-prior", po::value(&somatic_prior)->default_value("auto"),
         "prior probability of a somatic SNV per site; auto: estimated from the candidates of a fixed 4 Mb "
         "sample of the genome (between 1e-7 and 1e-4)")
        ("orientation-artefact-rate", po::value(&orientation_rate)->default_value("auto"),
         "share of candidate sites that are one-orientation artefacts (8-oxoG, FFPE), for every substitution "
         "and orientation; auto: learned per substitution and orientation from the same genome sample")
        ("strand-artefact-rate", po::value(&strand_rate)->default_value("auto"),
         "the same for one-strand artefacts (alt reads all forward or all reverse)")
        ("shared-prior", po::value(&shared_prior)->default_value("auto"),
         "prior probability of a low-fraction variant shared by both samples (clonal haematopoiesis, mosaicism, "
         "tumour cells in the normal), per site; auto: estimated with the somatic prior (between 1e-8 and 1e-4)")
        ("tumour-in-normal", po::value(&o.caller.priors.max_tumour_in_normal)->default_value(0.1, "0.1"),
         "largest fraction of the tumour's alt allele the normal may carry (tumour-in-normal contamination)")
        ("min-report-qss", po::value(&o.caller.min_report_qss)->default_value(3, "3"), "do not write candidates below this QSS")
        ("pass-only", po::bool_switch(&o.pass_only), "write only records that pass every filter")
        ("chunk-size", po::value(&o.chunk_size)->default_value(250000), "bases per parallel work unit");

    po::options_description filters("Filters (each sets a FILTER ID)");
    filters.add_options()
        ("min-qss", po::value(&f.min_qss)->default_value(20, "20"), "LowQSS below this somatic quality")
        ("min-tumour-depth", po::value(&f.min_tumour_depth)->default_value(10), "LowDepth below this tumour depth")
        ("min-normal-depth", po::value(&f.min_normal_depth)->default_value(8), "LowDepth below this normal depth")
        ("max-normal-alt-reads", po::value(&f.max_normal_alt_reads)->default_value(1),
         "NormalAlt when the normal has more alt reads than this ...")
        ("max-normal-alt-ratio", po::value(&f.max_normal_alt_ratio)->default_value(0.1, "0.1"),
         "... more than contamination at this fraction of the tumour's alt fraction explains ...")
        ("max-normal-alt-phred", po::value(&f.max_normal_alt_phred)->default_value(20, "20"),
         "... with this confidence (Phred of the binomial tail, INFO/NALTQ)")
        ("max-strand-bias", po::value(&f.max_strand_bias)->default_value(30, "30"), "StrandBias above this Phred Fisher score")
        ("min-end-distance", po::value(&f.min_end_distance)->default_value(5, "5"),
         "ReadEnd below this median alt distance to a read end ...")
        ("max-read-end-bias", po::value(&f.max_read_end_bias)->default_value(20, "20"),
         "... when alt reads are near an end more often than ref reads (Phred Fisher above this, INFO/ENDQ)")
        ("min-alt-mapq", po::value(&f.min_alt_mapq)->default_value(40, "40"), "LowMapQ below this median alt mapping quality")
        ("cluster-window", po::value(&f.cluster_window)->default_value(100), "Clustered: window in bp ...")
        ("max-cluster-events", po::value(&f.max_cluster_events)->default_value(2), "... holding more than this many other events")
        ("max-normal-depth-factor", po::value(&f.max_normal_depth_factor)->default_value(3, "3"),
         "HighDepth above this times the normal's mean depth")
        ("max-orientation-bias", po::value(&f.max_orientation_bias)->default_value(30, "30"),
         "OrientationBias above this Phred Fisher score")
        ("max-population-af", po::value(&f.max_population_af)->default_value(0.01, "0.01"),
         "PopulationAF above this germline-resource allele frequency");

    po::options_description info("Information");
    info.add_options()("help,h", "show this help")("version", "show the version");

    po::options_description all;
    all.add(inputs).add(common_options(o.common)).add(model).add(filters).add(info);
    po::variables_map vm;
    if (!parse_or_answer(argc, argv, all, vm, "somatic-snv", kUsage, SOMATIC_VERSION)) return false;
    po::notify(vm);
    validate(o.common);
    check_distinct_outputs({{"-o", o.common.output}, {"--germline-hets", o.germline_hets_output}});
    if (o.inputs.tumour.empty()) throw usage_error("--tumour is required");
    if (o.inputs.normal.empty()) throw usage_error("--normal is required");
    if (o.common.reference.empty()) throw usage_error("--reference is required");
    if (o.chunk_size < 1000) throw usage_error("--chunk-size must be at least 1000");
    if (o.caller.min_alt_reads < 1) throw usage_error("--min-alt-reads must be at least 1");
    if (o.caller.priors.max_tumour_in_normal < 0 || o.caller.priors.max_tumour_in_normal > 0.5) {
        throw usage_error("--tumour-in-normal must be between 0 and 0.5");
    }
    if (o.target_padding < 0) throw usage_error("--target-padding must be at least 0");
    const auto shared = auto_or_number(shared_prior, "--shared-prior", 0.01);
    o.caller.estimate_shared_prior = !shared;
    if (shared) o.caller.priors.shared = *shared;
    const auto prior = auto_or_number(somatic_prior, "--somatic-prior", 0.01);
    o.estimate_prior = !prior;
    if (prior) o.caller.priors.somatic = *prior;
    const auto rate = auto_or_number(orientation_rate, "--orientation-artefact-rate", 0.45);
    o.estimate_orientation_rates = !rate;
    if (rate) o.caller.orientation_artefacts = snv::ArtefactRates::uniform(*rate);
    const auto strand = auto_or_number(strand_rate, "--strand-artefact-rate", 0.45);
    o.estimate_strand_rates = !strand;
    if (strand) o.caller.strand_artefacts = snv::ArtefactRates::uniform(*strand);
    o.inputs.reference = o.common.reference;
    o.caller.germline_hets = !o.germline_hets_output.empty();
    return true;
}

}  // namespace somatic::snv_tool
