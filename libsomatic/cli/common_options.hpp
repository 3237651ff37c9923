// The option group every tool shares, defined once: --reference, --threads,
// -o/--output, -O/--output-type, -r/--regions, -R/--regions-file,
// --no-version, --verbose. "-" means standard input/output everywhere.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <utility>
#include <vector>

#include "libsomatic/core/atomic_output.hpp"  // check_distinct_outputs
#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

namespace somatic {

struct CommonOptions {
    std::string reference;
    int threads = 1;
    std::string output = "-";
    std::string output_type;  // empty: from the output's name
    std::vector<std::string> regions;
    std::string regions_file;
    bool no_version = false;
    bool verbose = false;
};

// Which of the shared options a tool takes (a signature fitter reads no
// regions, for instance).
struct CommonOptionSet {
    bool reference = true;
    bool regions = true;
    bool output_type = true;
    bool threads = true;     // a tool that works in one thread takes no --threads
    bool no_version = true;  // a tool whose outputs have no header takes no --no-version
};

boost::program_options::options_description common_options(CommonOptions& options,
                                                            const CommonOptionSet& set = {});

// The regions to process, sorted in `contigs` order and merged: -r and -R
// together, or the whole of `contigs` when neither is given. Throws a usage
// error for a region that names an unknown contig, has zero length or runs
// past the contig's end.
std::vector<Interval> resolve_regions(const CommonOptions& options, const ContigDict& contigs);

// Checks the shared options' values (threads >= 1, output type known).
void validate(const CommonOptions& options);

}  // namespace somatic
