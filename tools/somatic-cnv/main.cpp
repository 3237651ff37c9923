// somatic-cnv: copy number, purity and ploidy from a tumour/normal pair.
// A small table of subcommands; each lives in its own cmd_*.cpp.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "somatic_version.h"

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* summary;
};

constexpr Command kCommands[] = {
    {"run", somatic::cnv_tool::run_all, "every stage: alignments to calls (the default)"},
    {"bins", somatic::cnv_tool::run_bins, "reads per bin, with GC and N content, from one BAM/CRAM"},
    {"ratio", somatic::cnv_tool::run_ratio, "GC-corrected tumour/normal log2 ratios from two bins tables"},
    {"baf", somatic::cnv_tool::run_baf, "allele counts at the normal's heterozygous SNPs"},
    {"segment", somatic::cnv_tool::run_segment, "joint segmentation of log2 ratios (any table) and BAF"},
    {"fit", somatic::cnv_tool::run_fit, "purity, ploidy and copy-number calls from a segments table"},
};

void usage(std::FILE* to) {
    std::fprintf(to,
                 "somatic-cnv %s: somatic copy number, purity and ploidy\n\n"
                 "Usage: somatic-cnv [run] --tumour T.bam --normal N.bam --reference ref.fa\n"
                 "                   [--germline-hets hets.vcf.gz | --snp-sites sites.vcf.gz] > segments.bed\n"
                 "       somatic-cnv <command> [options]   ('somatic-cnv <command> --help')\n\nCommands:\n",
                 SOMATIC_VERSION);
    for (const auto& c : kCommands) std::fprintf(to, "  %-8s %s\n", c.name, c.summary);
}

int dispatch(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        usage(stdout);
        return 0;
    }
    if (first == "--version") {
        std::printf("somatic-cnv %s\n", SOMATIC_VERSION);
        return 0;
    }
    if (first[0] == '-') return somatic::cnv_tool::run_all(argc, argv);  // options only: the whole pipeline
    for (const auto& c : kCommands) {
        if (first == c.name) return c.run(argc - 1, argv + 1);
    }
    throw somatic::usage_error("unknown command '" + first + "'", "see 'somatic-cnv --help'");
}

}  // namespace

int main(int argc, char** argv) { return somatic::tool_main("somatic-cnv", argc, argv, dispatch); }
