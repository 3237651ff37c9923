// somatic-cnv baf: allele counts at the normal's heterozygous SNPs.
#include "commands.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/cnv/pipeline.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_baf(int argc, char** argv) {
    CommonOptions common;
    cnv::HetCriteria het;
    int min_base_quality = 13;
    std::string germline_hets, snp_sites, tumour, normal;
    ReadFilter filter;
    bool keep_duplicates = false;
    po::options_description inputs("Inputs");
    add_het_source_options(inputs, germline_hets, snp_sites);
    inputs.add_options()
        ("tumour,T", po::value(&tumour)->value_name("BAM"), "the tumour's alignments (with --snp-sites)")
        ("normal,N", po::value(&normal)->value_name("BAM"), "the normal's alignments (with --snp-sites)");
    po::options_description options;
    options.add(inputs).add(common_options(common, {true, true, false})).add(het_options(het, min_base_quality))
        .add(read_options(filter, keep_duplicates));
    po::variables_map vm;
    if (!parse(argc, argv,
               "Usage: somatic-cnv baf --germline-hets hets.vcf.gz > baf.tsv\n"
               "       somatic-cnv baf --snp-sites sites.vcf.gz --tumour T.bam --normal N.bam --reference ref.fa > baf.tsv",
               options, vm)) {
        return 0;
    }
    validate(common);
    check_fractions(het.min_af, het.max_af, "--het-min-af/--het-max-af");
    filter.skip_duplicates = !keep_duplicates;
    if (germline_hets.empty() == snp_sites.empty()) throw usage_error("give one of --germline-hets and --snp-sites");
    cnv::PileupHetOptions p;
    p.criteria = het;
    p.filter = filter;
    p.min_base_quality = min_base_quality;
    const cnv::HetTable table = cnv::load_het_sites(cnv::HetSource{germline_hets, snp_sites, tumour, normal}, common, p);
    cnv::write_het_table(table, common.output);
    return 0;
}

}  // namespace somatic::cnv_tool
