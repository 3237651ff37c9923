#include "libsomatic/cli/common_options.hpp"

#include <cctype>
#include <filesystem>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/bed_reader.hpp"

namespace po = boost::program_options;

namespace somatic {

po::options_description common_options(CommonOptions& o, const CommonOptionSet& set) {
    po::options_description d("Common options");
    if (set.reference) {
        d.add_options()("reference,f", po::value(&o.reference)->value_name("FILE"),
                        "reference FASTA (plain or bgzipped, with .fai)");
    }
    if (set.threads) {
        d.add_options()("threads,t", po::value(&o.threads)->default_value(1)->value_name("N"), "worker threads");
    }
    d.add_options()
        ("output,o", po::value(&o.output)->default_value("-")->value_name("FILE"),
         "output file; '-' is standard output");
    if (set.output_type) {
        d.add_options()("output-type,O", po::value(&o.output_type)->value_name("v|z|b|u"),
                        "VCF (v), bgzipped VCF (z), BCF (b), uncompressed BCF (u); default from the output name");
    }
    if (set.regions) {
        d.add_options()
            ("regions,r", po::value(&o.regions)->composing()->value_name("REGION"),
             "process only REGION (chr, chr:beg-end; 1-based, inclusive); repeatable or comma-separated")
            ("regions-file,R", po::value(&o.regions_file)->value_name("FILE"), "process only the intervals of a BED file");
    }
    if (set.no_version) {
        d.add_options()("no-version", po::bool_switch(&o.no_version),
                        "leave the version and command line out of output headers");
    }
    d.add_options()
        ("verbose,v", po::bool_switch(&o.verbose), "log progress and details to standard error");
    return d;
}

void validate(const CommonOptions& o) {
    if (o.threads < 1) throw usage_error("--threads must be at least 1");
    if (!o.output_type.empty() && o.output_type != "v" && o.output_type != "z" && o.output_type != "b" &&
        o.output_type != "u") {
        throw usage_error("unknown --output-type '" + o.output_type + "'", "use v, z, b or u");
    }
}

std::vector<Interval> resolve_regions(const CommonOptions& o, const ContigDict& contigs) {
    std::vector<Interval> regions;
    for (const auto& arg : o.regions) {
        // Commas separate regions, but also group digits ("chr1:1,000-2,000"):
        // a comma followed by a digit inside a position stays.
        std::string current;
        for (size_t i = 0; i <= arg.size(); ++i) {
            const bool at_end = i == arg.size();
            if (!at_end && arg[i] == ',') {
                const bool in_position = current.find(':') != std::string::npos && i + 1 < arg.size() &&
                                         std::isdigit(static_cast<unsigned char>(arg[i + 1])) &&
                                         !current.empty() &&
                                         std::isdigit(static_cast<unsigned char>(current.back()));
                if (in_position) {
                    current.push_back(',');
                    continue;
                }
            }
            if (at_end || arg[i] == ',') {
                if (!current.empty()) regions.push_back(parse_region(current, contigs));
                current.clear();
                continue;
            }
            current.push_back(arg[i]);
        }
    }
    if (!o.regions_file.empty()) {
        for (auto& iv : read_work_intervals(o.regions_file, contigs, "regions")) regions.push_back(std::move(iv));
    }
    if (o.regions.empty() && o.regions_file.empty()) {
        for (const auto& c : contigs.contigs()) regions.push_back(Interval{c.name, 0, c.length});
    }
    return sort_and_merge(std::move(regions), contigs);
}

}  // namespace somatic
