// somatic-cnv: copy number, purity and ploidy from a tumour/normal pair.
// A small table of subcommands; each lives in its own cmd_*.cpp.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.hpp"
#include "libsomatic/cli/subcommands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "somatic_version.h"

namespace {

constexpr somatic::Subcommand kCommands[] = {
    {"run", somatic::cnv_tool::run_all, "every stage: alignments to calls (the default)"},
    {"bins", somatic::cnv_tool::run_bins, "reads per bin, with GC and N content, from one BAM/CRAM"},
    {"reference", somatic::cnv_tool::run_reference, "a pooled copy-number reference from many normals (exomes, panels)"},
    {"ratio", somatic::cnv_tool::run_ratio, "GC-corrected tumour/normal (or tumour/pooled reference) log2 ratios"},
    {"baf", somatic::cnv_tool::run_baf, "allele counts at the normal's heterozygous SNPs"},
    {"segment", somatic::cnv_tool::run_segment, "joint segmentation of log2 ratios (any table) and BAF"},
    {"fit", somatic::cnv_tool::run_fit, "purity, ploidy and copy-number calls from a segments table"},
};

void heading(std::FILE* to) {
    std::fprintf(to,
                 "somatic-cnv %s: somatic copy number, purity and ploidy\n\n"
                 "Usage: somatic-cnv [run] --tumour T.bam --normal N.bam --reference ref.fa\n"
                 "                   [--germline-hets hets.vcf.gz | --snp-sites sites.vcf.gz] > segments.bed\n"
                 "       somatic-cnv <command> [options]   ('somatic-cnv <command> --help')\n\n",
                 SOMATIC_VERSION);
}

int dispatch(int argc, char** argv) {
    // Options with no command name: the whole pipeline.
    const somatic::SubcommandTool tool{"somatic-cnv", heading, kCommands, somatic::cnv_tool::run_all};
    return somatic::dispatch_subcommand(tool, argc, argv);
}

}  // namespace

int main(int argc, char** argv) { return somatic::tool_main("somatic-cnv", argc, argv, dispatch); }
