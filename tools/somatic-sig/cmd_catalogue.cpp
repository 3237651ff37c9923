// somatic-sig catalogue: VCFs (and catalogue tables) -> one SBS96 catalogue table.
#include "commands.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/pipeline.hpp"
#include "options.hpp"

namespace somatic::sig_tool {

int run_catalogue(int argc, char** argv) {
    CommonOptions common;
    VcfOptions vcf;
    sig::CatalogueRun run;
    boost::program_options::options_description visible;
    visible.add(vcf_options(vcf, run.build, true)).add(common_options(common, {.reference = true, .regions = false, .output_type = false}));
    if (!parse(argc, argv, visible,
               "Usage: somatic-sig catalogue --reference ref.fa [options] in.vcf.gz... | -\n"
               "       somatic-sig catalogue [options] catalogue.tsv... (merge catalogues into one)\n"
               "Counts the PASS variants of each VCF (one sample per file) into a catalogue (--type: SBS96\n"
               "SNVs, ID83 indels, DBS78 doublets), and takes the columns of catalogue tables as they are;\n"
               "writes one MutationType x sample table.",
               run.inputs)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    // Catalogue tables are merged as they are: a cohort's catalogue from the
    // per-sample ones of a scattered workflow.
    finish_build_options(vcf, common, run.build);
    run.inputs = inputs_or_stdin(run.inputs);
    run.output = common.output;
    with_flag_names([&] { sig::run_catalogue(run); });
    return 0;
}

}  // namespace somatic::sig_tool
