// somatic-scatter: parse the command line, then hand over to the library
// (libsomatic/parallel/shard_files.hpp), which finds the reference's
// assembly gaps, cuts the rest into N shards of near-equal size and writes
// them as BED, one file per shard (--out-dir) or one table on standard output.
#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/cli/flag_names.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/parallel/shard_files.hpp"

using namespace somatic;
namespace po = boost::program_options;

namespace {

const char* kUsage =
    "somatic-scatter: cut a reference into balanced region shards for parallel runs\n\n"
    "Usage: somatic-scatter --reference ref.fa --shards N [--out-dir DIR] [options]\n"
    "Each shard is a BED file for a tool's -R; the shards' outputs, concatenated in shard\n"
    "order (bcftools concat), equal one whole-genome run.\n";

const cli::FlagNames kFlags{{"shards", "--shards"}, {"min_gap", "--min-gap"}, {"prefix", "--prefix"},
                            {"out_dir", "--out-dir"}, {"reference", "--reference"}};

// Returns false when --help or --version was answered.
bool parse(int argc, char** argv, CommonOptions& common, ShardFilesOptions& o) {
    po::options_description shards("Shards");
    shards.add_options()
        ("shards,n", po::value(&o.shards)->value_name("N"), "how many shards (required)")
        ("min-gap", cli::value(&o.min_gap)->value_name("BP"),
         "runs of at least BP N bases are assembly gaps, left out of every shard")
        ("out-dir", po::value(&o.out_dir)->value_name("DIR"),
         "write one BED per shard, DIR/PREFIX0001.bed ... (removing shards an earlier run left there); then nothing "
         "goes to standard output unless -o says so")
        ("prefix", cli::value(&o.prefix)->value_name("NAME"),
         "shard names: NAME followed by the shard's number, from 1, zero-padded to 4 digits");
    cli::Parser parser("somatic-scatter", kUsage);
    parser.add(shards).add(common_options(common, {.reference = true, .regions = true, .output_type = false,
                                                   .threads = false, .no_version = false}));
    po::variables_map vm;
    if (!parser.parse(argc, argv, vm)) return false;
    validate(common);
    if (!vm.count("shards")) throw usage_error("--shards is required");
    o.reference = common.reference;
    cli::with_flags(kFlags, [&] { o.validate(); });
    // The table goes to -o, standard output by default, unless the shards
    // go to files and -o was not given.
    if (o.out_dir.empty() || !vm["output"].defaulted()) o.table = common.output;
    if (!common.regions.empty() || !common.regions_file.empty()) {
        o.regions = resolve_regions(common, Reference(common.reference).contigs());
    }
    return true;
}

int run(int argc, char** argv) {
    CommonOptions common;
    ShardFilesOptions options;
    if (!parse(argc, argv, common, options)) return 0;
    log::set_verbose(common.verbose);
    write_shard_files(options);
    return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool_main("somatic-scatter", argc, argv, run); }
