// somatic-pon: parse the command line, then hand over to the library
// (libsomatic/snv/panel_of_normals.hpp), which counts every normal's bases
// and writes the sites that several normals share as the VCF somatic-snv's
// --panel-of-normals reads.
#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/cli/flag_names.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/snv/panel_of_normals.hpp"
#include "somatic_version.h"

using namespace somatic;
namespace po = boost::program_options;

namespace {

const char* kUsage =
    "somatic-pon: build a panel of normals for somatic-snv --panel-of-normals\n\n"
    "Usage: somatic-pon --reference ref.fa [-o panel.vcf.gz] [options] NORMAL.bam...\n"
    "Writes the sites where at least --min-normals normals each hold --min-alt-reads reads of the\n"
    "same alternative base: recurrent artefacts of the sequencing pipeline (and common germline\n"
    "variants), one record per allele, with the count of normals and their allele fractions.\n";

const cli::FlagNames kFlags{{"reference", "--reference"}, {"min_normals", "--min-normals"},
                            {"min_alt_reads", "--min-alt-reads"}, {"chunk_size", "--chunk-size"}};

// Returns false when --help or --version was answered.
bool parse(int argc, char** argv, CommonOptions& common, snv::PanelOptions& o) {
    po::options_description panel("Panel");
    panel.add_options()
        ("min-normals", cli::value(&o.min_normals)->value_name("K"),
         "a site enters the panel when at least K normals show its allele")
        ("min-alt-reads", cli::value(&o.min_alt_reads)->value_name("N"),
         "a normal shows an allele with at least N reads of it")
        ("min-mapq", cli::value(&o.read_filter.min_mapq), "ignore reads below this mapping quality (as somatic-snv)")
        ("min-base-quality", cli::value(&o.pileup.min_base_quality),
         "ignore bases below this quality (as somatic-snv)")
        ("chunk-size", cli::value(&o.chunk_size), "bases per parallel work unit");
    cli::Parser parser("somatic-pon", kUsage);
    parser.add(panel).add(common_options(common)).positional(o.normals);
    if (!parser.parse(argc, argv)) return false;
    validate(common);
    if (o.normals.empty()) throw usage_error("give the normals' alignment files (BAM or CRAM, indexed)");
    o.reference = common.reference;
    o.threads = common.threads;
    o.output = common.output;
    o.output_format =
        common.output_type.empty() ? vcf_format_from_name(common.output) : parse_vcf_format(common.output_type);
    o.provenance = {"somatic-pon", SOMATIC_VERSION, command_line(argc, argv), !common.no_version};
    cli::with_flags(kFlags, [&] { o.validate(); });
    if (!common.regions.empty() || !common.regions_file.empty()) {
        o.regions = resolve_regions(common, Reference(common.reference).contigs());
    }
    return true;
}

int run(int argc, char** argv) {
    CommonOptions common;
    snv::PanelOptions options;
    if (!parse(argc, argv, common, options)) return 0;
    log::set_verbose(common.verbose);
    snv::build_panel_of_normals(options);
    return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool_main("somatic-pon", argc, argv, run); }
