#include "options.hpp"

#include <unistd.h>

#include "libsomatic/cli/flag_names.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/option_error.hpp"
#include "libsomatic/sig/signatures.hpp"

namespace po = boost::program_options;

namespace somatic::sig_tool {

po::options_description vcf_options(VcfOptions& o, sig::BuildOptions& b, bool all_types) {
    sig::CatalogueOptions& c = b.catalogue;
    po::options_description d("Counting VCFs");
    d.add_options()
        ("type", po::value(&o.type)->value_name(all_types ? "sbs96|id83|dbs78|all" : "sbs96|id83|dbs78"),
         all_types ? "the catalogue to count: SBS96 substitutions (default), ID83 indels or DBS78 doublets; all: the "
                     "three at once, written to PREFIX.SBS96.tsv, PREFIX.ID83.tsv and PREFIX.DBS78.tsv with -o PREFIX"
                   : "the catalogue VCFs are counted into (default: the signature table's type)")
        ("sample", po::value(&c.sample)->value_name("NAME"),
         "name each VCF's sample NAME when the VCF has such a sample column (else: ##tumor_sample, the last sample "
         "column, the file name)")
        ("sample-names", po::value(&o.sample_names)->composing()->value_name("A,B,..."),
         "the sample names of the inputs, one per input, in order")
        ("all-filters", po::bool_switch(&c.all_filters), "count records whatever their FILTER (default: PASS only)")
        ("mnv", cli::value(&o.mnv)->value_name("skip|split"),
         "multi-base substitutions in SBS96 (REF and ALT of equal length > 1, and adjacent SNV records, which count "
         "as one doublet): keep them out (default, as SigProfiler) or split them into SNVs")
        ("adjacent", cli::value(&o.adjacent)->value_name("auto|merge|separate"),
         "SNV records at adjacent positions: one doublet (merge, as SigProfiler; for Strelka2), or separate SNVs "
         "(separate); auto merges unless the VCF header declares INFO/MNV (a caller that phases doublets itself)")
        ("max-ref-mismatch", cli::value(&c.max_ref_mismatch)->value_name("F"),
         "stop with an error when more than this fraction of records have a REF that disagrees with the reference "
         "(a VCF of another assembly)");
    return d;
}

bool parse(int argc, char** argv, const po::options_description& visible, const char* usage,
           std::vector<std::string>& inputs) {
    return cli::Parser("somatic-sig", usage).add(visible).positional(inputs).parse(argc, argv);
}

std::vector<std::string> inputs_or_stdin(std::vector<std::string> inputs) {
    if (!inputs.empty()) return inputs;
    if (isatty(0)) throw usage_error("no input given", "give the input files, or '-' to read standard input");
    return {"-"};
}

void finish_build_options(const VcfOptions& v, const CommonOptions& c, sig::BuildOptions& b) {
    b.reference = c.reference;
    b.threads = c.threads;
    if (v.mnv == "skip") {
        b.catalogue.mnv = sig::MnvMode::skip;
    } else if (v.mnv == "split") {
        b.catalogue.mnv = sig::MnvMode::split;
    } else {
        throw usage_error("unknown --mnv '" + v.mnv + "'", "use skip or split");
    }
    if (v.adjacent == "auto") {
        b.catalogue.adjacent = sig::AdjacentSnvs::automatic;
    } else if (v.adjacent == "merge") {
        b.catalogue.adjacent = sig::AdjacentSnvs::merge;
    } else if (v.adjacent == "separate") {
        b.catalogue.adjacent = sig::AdjacentSnvs::separate;
    } else {
        throw usage_error("unknown --adjacent '" + v.adjacent + "'", "use auto, merge or separate");
    }
    b.sample_names = sig::split_names(v.sample_names);
    if (v.type == "all" || v.type == "ALL") {
        b.all_types = true;
        b.type = sig::CatalogueType::sbs96;
    } else if (!v.type.empty()) {
        sig::CatalogueType t;
        if (!sig::parse_catalogue_type(v.type, t)) throw usage_error("unknown --type '" + v.type + "'", "use sbs96, id83 or dbs78");
        b.type = t;
    }
}

namespace {
// Each options struct's fields that a flag sets, and the flag.
const cli::FlagNames kFlagNames = {
    {"signatures", "--signatures"},
    {"penalty_constant", "--penalty"},
    {"penalty_per_log_n", "--penalty-slope"},
    {"common_bonus", "--common-bonus"},
    {"bootstrap_out", "--bootstrap-out"},
    {"bootstrap", "--bootstrap"},
    {"min_k", "--min-k"},
    {"max_k", "--max-k"},
    {"restarts", "--restarts"},
    {"min_stability", "--min-stability"},
    {"nmf.max_iterations", "--max-iterations"},
    {"max_ref_mismatch", "--max-ref-mismatch"},
    {"sample_names", "--sample-names"},
    {"output", "-o"},
    {"all_types", "--type all"},
};
}  // namespace

void with_flag_names(const std::function<void()>& f) {
    try {
        f();
    } catch (const sig::OptionError& e) {
        // Only the options' own errors: an input error's words ("signatures",
        // "bootstrap") are not flags.
        throw Error(e.kind(), e.file(), cli::to_flags(e.problem(), kFlagNames), e.locus(),
                    cli::to_flags(e.hint(), kFlagNames));
    }
}

}  // namespace somatic::sig_tool
