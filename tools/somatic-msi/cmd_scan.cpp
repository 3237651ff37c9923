// somatic-msi scan: reference -> microsatellite sites BED.
#include "commands.hpp"
#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/cli/flag_names.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/msi/scan.hpp"

namespace somatic::msi_tool {

namespace po = boost::program_options;

namespace {
const cli::FlagNames kFlags{{"reference", "--reference"},
                            {"threads", "--threads"},
                            {"finder.min_homopolymer", "--min-homopolymer"},
                            {"min_homopolymer", "--min-homopolymer"},
                            {"min_repeats", "--min-repeats"},
                            {"max_unit", "--max-unit"},
                            {"max_length", "--max-length"},
                            {"flank", "--flank"},
                            {"chunk_size", "--chunk-size"}};
}  // namespace

int run_scan(int argc, char** argv) {
    CommonOptions common;
    msi::ScanOptions o;
    po::options_description sites("Sites");
    sites.add_options()
        ("min-homopolymer", cli::value(&o.finder.min_homopolymer)->value_name("N"),
         "a run of one base is a site from N bases on")
        ("min-repeats", cli::value(&o.finder.min_repeats)->value_name("N"),
         "a run of a 2-5 base motif is a site from N whole units on")
        ("max-unit", cli::value(&o.finder.max_unit)->value_name("BP"), "the longest motif")
        ("max-length", cli::value(&o.finder.max_length)->value_name("BP"),
         "longer runs are left out (a read must span the run and both flanks)")
        ("flank", cli::value(&o.finder.flank)->value_name("BP"),
         "bases of plain sequence each side: no N and no other run there")
        ("chunk-size", cli::value(&o.chunk_size)->value_name("BP"), "bases per parallel work unit");
    cli::Parser parser("somatic-msi",
                       "Usage: somatic-msi scan --reference ref.fa [-r REGION] [-o sites.bed]\n"
                       "Lists the reference's microsatellites (homopolymers and repeats of 2-5 base motifs)\n"
                       "as BED: chrom, start, end, unit, count.");
    parser.add(sites).add(common_options(common, {.reference = true, .regions = true, .output_type = false,
                                                  .threads = true, .no_version = false}));
    if (!parser.parse(argc, argv)) return 0;
    validate(common);
    log::set_verbose(common.verbose);
    o.reference = common.reference;
    o.threads = common.threads;
    o.output = common.output;
    cli::with_flags(kFlags, [&] { o.validate(); });
    if (!common.regions.empty() || !common.regions_file.empty()) {
        o.regions = resolve_regions(common, Reference(common.reference).contigs());
    }
    msi::run_scan(o);
    return 0;
}

}  // namespace somatic::msi_tool
