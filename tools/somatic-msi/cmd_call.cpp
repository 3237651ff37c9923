// somatic-msi call: tumour + normal reads at the sites -> per-site tests and
// the sample's MSI status.
#include "commands.hpp"
#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/cli/flag_names.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/msi/call.hpp"

namespace somatic::msi_tool {

namespace po = boost::program_options;

namespace {
const cli::FlagNames kFlags{{"tumour", "--tumour"},       {"normal", "--normal"},
                            {"reference", "--reference"}, {"sites", "--sites"},
                            {"threads", "--threads"},     {"flank", "--flank"},
                            {"min_mapq", "--min-mapq"},   {"min_base_quality", "--min-base-quality"},
                            {"min_depth", "--min-depth"}, {"min_column", "--min-column"},
                            {"fdr", "--fdr"},             {"threshold", "--threshold"},
                            {"chunk_size", "--chunk-size"}};
}  // namespace

int run_call(int argc, char** argv) {
    CommonOptions common;
    msi::CallOptions o;
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("tumour", po::value(&o.tumour)->value_name("BAM"), "the tumour's reads, indexed BAM or CRAM (required)")
        ("normal", po::value(&o.normal)->value_name("BAM"), "the normal's reads, indexed BAM or CRAM (required)")
        ("sites", po::value(&o.sites)->value_name("BED"), "microsatellites from somatic-msi scan (required)")
        ("summary", po::value(&o.summary)->value_name("FILE"),
         "also write the one-row summary: sites_tested, sites_unstable, percent_unstable, msi_status, threshold");
    po::options_description test("Reads and test");
    test.add_options()
        ("flank", cli::value(&o.flank)->value_name("BP"),
         "reference bases each side of the repeat a read must match exactly")
        ("min-mapq", cli::value(&o.min_mapq)->value_name("Q"), "reads below this mapping quality are skipped")
        ("min-base-quality", cli::value(&o.min_base_quality)->value_name("Q"),
         "a read with a flank base below this quality is skipped")
        ("min-depth", cli::value(&o.min_depth)->value_name("N"),
         "a site is tested when both samples have N reads spanning it (MSIsensor: 20 exome, 15 genome)")
        ("min-column", cli::value(&o.min_column)->value_name("N"),
         "lengths seen in fewer reads (both samples together) are pooled into one column of the test")
        ("fdr", cli::value(&o.fdr)->value_name("Q"), "a site is unstable at a Benjamini-Hochberg q-value of at most Q")
        ("threshold", cli::value(&o.threshold)->value_name("PERCENT"),
         "MSI-H from this percent of unstable sites on (3.5: MSIsensor on TCGA exomes, Niu et al. 2014; "
         "MSK-IMPACT panels use 10, Middha et al. 2017)")
        ("chunk-size", cli::value(&o.chunk_size)->value_name("BP"), "bases per parallel work unit");
    cli::Parser parser("somatic-msi",
                       "Usage: somatic-msi call --tumour T.bam --normal N.bam --reference ref.fa --sites sites.bed\n"
                       "                        [-o per_site.tsv] [--summary summary.tsv] [--threads N]\n"
                       "Measures each microsatellite's length in the reads of both samples, tests the two\n"
                       "distributions and calls the tumour MSI-H or MSS from the share of unstable sites.");
    parser.add(inputs).add(test).add(common_options(common, {.reference = true, .regions = true,
                                                             .output_type = false, .threads = true,
                                                             .no_version = false}));
    if (!parser.parse(argc, argv)) return 0;
    validate(common);
    log::set_verbose(common.verbose);
    o.reference = common.reference;
    o.threads = common.threads;
    o.output = common.output;
    check_distinct_outputs({{"--output", o.output}, {"--summary", o.summary}});
    cli::with_flags(kFlags, [&] { o.validate(); });
    if (!common.regions.empty() || !common.regions_file.empty()) {
        o.regions = resolve_regions(common, Reference(common.reference).contigs());
    }
    msi::run_call(o);
    return 0;
}

}  // namespace somatic::msi_tool
