// somatic-cnv baf: allele counts at the normal's heterozygous SNPs.
#include "commands.hpp"
#include "libsomatic/core/log.hpp"
#include "options.hpp"

namespace somatic::cnv_tool {

int run_baf(int argc, char** argv) {
    CommonOptions common;
    cnv::BafJob job;
    cnv::HetSource& source = job.source;
    bool keep_duplicates = false;
    po::options_description inputs("Inputs");
    add_het_source_options(inputs, source.germline_hets, source.snp_sites);
    inputs.add_options()
        ("tumour,T", po::value(&source.tumour)->value_name("BAM"), "the tumour's alignments (with --snp-sites)")
        ("normal,N", po::value(&source.normal)->value_name("BAM"), "the normal's alignments (with --snp-sites)");
    po::options_description options;
    options.add(inputs)
        .add(common_options(common, {true, true, false}))
        .add(het_options(job.pileup.criteria, job.pileup.min_base_quality))
        .add(read_options(job.pileup.filter, keep_duplicates));
    po::variables_map vm;
    if (!parse(argc, argv,
               "Usage: somatic-cnv baf --germline-hets hets.vcf.gz > baf.tsv\n"
               "       somatic-cnv baf --snp-sites sites.vcf.gz --tumour T.bam --normal N.bam --reference ref.fa > baf.tsv",
               options, vm)) {
        return 0;
    }
    validate(common);
    log::set_verbose(common.verbose);
    source.reference = common.reference;
    job.pileup.filter.skip_duplicates = !keep_duplicates;
    job.pileup.threads = common.threads;
    job.output = common.output;
    cli::with_flags(kFlags, [&] { job.validate(); });
    // The regions matter only to the sites genotyped from the alignments.
    if (!source.snp_sites.empty()) source.regions = chosen_regions(common);
    cnv::run(job);
    return 0;
}

}  // namespace somatic::cnv_tool
