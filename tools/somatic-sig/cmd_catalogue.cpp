// somatic-sig catalogue: VCFs (and catalogue tables) -> one SBS96 catalogue table.
#include "commands.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "options.hpp"

namespace somatic::sig_tool {

int run_catalogue(int argc, char** argv) {
    CommonOptions common;
    VcfOptions vcf;
    boost::program_options::options_description visible;
    visible.add(vcf_options(vcf)).add(common_options(common, {.reference = true, .regions = false, .output_type = false}));
    std::vector<std::string> inputs;
    if (!parse(argc, argv, visible,
               "Usage: somatic-sig catalogue --reference ref.fa [options] in.vcf.gz... | -\n"
               "       somatic-sig catalogue [options] catalogue.tsv... (merge catalogues into one)\n"
               "Counts the PASS SNVs of each VCF (one sample per file) into SBS96, and takes the columns of\n"
               "catalogue tables as they are; writes one MutationType x sample table.",
               inputs)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    // Catalogue tables are merged as they are: a cohort's catalogue from the
    // per-sample ones of a scattered workflow.
    auto build = build_options(vcf, common);
    const auto result = sig::build_catalogue(inputs_or_stdin(inputs), build);
    log_summaries(result, build.catalogue.mnv);
    write_table(common.output, sig::format_catalogue(result.catalogue));
    return 0;
}

}  // namespace somatic::sig_tool
