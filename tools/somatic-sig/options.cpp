#include "options.hpp"

#include <unistd.h>


#include "libsomatic/cli/parser.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/signatures.hpp"

namespace po = boost::program_options;

namespace somatic::sig_tool {

po::options_description vcf_options(VcfOptions& o) {
    po::options_description d("Counting VCFs");
    d.add_options()
        ("sample", po::value(&o.sample)->value_name("NAME"),
         "name each VCF's sample NAME when the VCF has such a sample column (else: ##tumor_sample, the last sample "
         "column, the file name)")
        ("sample-names", po::value(&o.sample_names)->composing()->value_name("A,B,..."),
         "the sample names of the inputs, one per input, in order")
        ("all-filters", po::bool_switch(&o.all_filters), "count records whatever their FILTER (default: PASS only)")
        ("mnv", po::value(&o.mnv)->default_value("skip")->value_name("skip|split"),
         "multi-base substitutions (REF and ALT of equal length > 1): skip them (default) or split them into SNVs")
        ("max-ref-mismatch", po::value(&o.max_ref_mismatch)->default_value(0.01)->value_name("F"),
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

sig::BuildOptions build_options(const VcfOptions& v, const CommonOptions& c) {
    sig::BuildOptions b;
    b.reference = c.reference;
    b.threads = c.threads;
    b.catalogue.sample = v.sample;
    b.catalogue.all_filters = v.all_filters;
    if (v.mnv == "skip") {
        b.catalogue.mnv = sig::MnvMode::skip;
    } else if (v.mnv == "split") {
        b.catalogue.mnv = sig::MnvMode::split;
    } else {
        throw usage_error("unknown --mnv '" + v.mnv + "'", "use skip or split");
    }
    if (!(v.max_ref_mismatch >= 0 && v.max_ref_mismatch <= 1)) {
        throw usage_error("--max-ref-mismatch must be a fraction between 0 and 1");
    }
    b.catalogue.max_ref_mismatch = v.max_ref_mismatch;
    b.sample_names = sig::split_names(v.sample_names);
    return b;
}

void log_summaries(const sig::BuildResult& r, sig::MnvMode mnv) {
    for (const auto& v : r.summaries) {
        const auto& s = v.counts;
        if (s.snvs == 0) {
            std::string why;
            if (s.records == 0) {
                why = "it has no records";
            } else if (s.filtered == s.records) {
                why = "no record has FILTER PASS (--all-filters counts them all)";
            } else {
                why = "no record is a countable SNV";
            }
            log::warning(display_name(v.file) + ": sample " + v.sample + ": no SNV counted: " + why);
        }
        log::debug(sig::describe(v, mnv));
    }
}

}  // namespace somatic::sig_tool
