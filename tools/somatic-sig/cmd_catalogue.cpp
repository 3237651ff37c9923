// somatic-sig catalogue: VCFs -> SBS96 catalogue table.
#include "commands.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/text_output.hpp"
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
               "Counts the PASS SNVs of each VCF (one sample per file) into SBS96; writes a MutationType x sample table.",
               inputs)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    auto build = build_options(vcf, common);
    build.allow_tables = false;
    const auto result = sig::build_catalogue(inputs_or_stdin(inputs), build);
    log_summaries(result, build.catalogue.mnv);
    sig::write_text_output(common.output, sig::format_catalogue(result.catalogue));
    return 0;
}

}  // namespace somatic::sig_tool
