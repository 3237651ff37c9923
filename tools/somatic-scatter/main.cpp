// somatic-scatter: region shards for workflow engines. Finds the reference's
// assembly gaps, cuts the rest into N shards of near-equal size and writes
// them as BED, one file per shard (--out-dir) or one table on standard output.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <filesystem>

#include "libsomatic/cli/common_options.hpp"
#include "libsomatic/cli/parser.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "libsomatic/parallel/shard_plan.hpp"

using namespace somatic;
namespace po = boost::program_options;

namespace {

struct Options {
    CommonOptions common;
    int shards = 0;
    int64_t min_gap = 100;
    std::string out_dir;
    std::string prefix = "shard_";
    bool write_table = true;  // the 4-column table to -o (standard output by default)
};

const char* kUsage =
    "somatic-scatter: cut a reference into balanced region shards for parallel runs\n\n"
    "Usage: somatic-scatter --reference ref.fa --shards N [--out-dir DIR] [options]\n"
    "Each shard is a BED file for a tool's -R; the shards' outputs, concatenated in shard\n"
    "order (bcftools concat), equal one whole-genome run.\n";

bool parse(int argc, char** argv, Options& o) {
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
    parser.add(shards).add(common_options(o.common, {.reference = true, .regions = true, .output_type = false,
                                                     .threads = false, .no_version = false}));
    po::variables_map vm;
    if (!parser.parse(argc, argv, vm)) return false;
    validate(o.common);
    if (!vm.count("shards")) throw usage_error("--shards is required");
    if (o.shards < 1) throw usage_error("--shards must be at least 1");
    if (o.min_gap < 1) throw usage_error("--min-gap must be at least 1");
    if (o.common.reference.empty()) throw usage_error("--reference is required");
    if (o.prefix.find('/') != std::string::npos) throw usage_error("--prefix must not contain '/'", "use --out-dir");
    o.write_table = o.out_dir.empty() || !vm["output"].defaulted();
    return true;
}

std::string shard_name(const std::string& prefix, size_t index, size_t count) {
    const size_t width = std::max<size_t>(4, std::to_string(count).size());
    std::string number = std::to_string(index + 1);
    return prefix + std::string(width - number.size(), '0') + number;
}

std::string bed_lines(const std::vector<Interval>& intervals, const std::string& name) {
    std::string text;
    for (const auto& iv : intervals) {
        text += iv.contig + '\t' + std::to_string(iv.beg) + '\t' + std::to_string(iv.end);
        if (!name.empty()) text += '\t' + name;
        text += '\n';
    }
    return text;
}

// Shard files of an earlier run with more shards would be taken for shards of
// this one by `for bed in DIR/shard_*.bed`: remove them.
void remove_stale_shards(const std::string& dir, const std::string& prefix, size_t count) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string file = entry.path().filename().string();
        if (!file.starts_with(prefix) || !file.ends_with(".bed")) continue;
        const std::string number = file.substr(prefix.size(), file.size() - prefix.size() - 4);
        if (number.size() < 4 || number.find_first_not_of("0123456789") != std::string::npos) continue;
        // This run's names have exactly its width and a number from 1 to count.
        const bool current = number.size() == shard_name("", 0, count).size() && std::stoull(number) >= 1 &&
                             std::stoull(number) <= count;
        if (current) continue;
        std::error_code ec;
        std::filesystem::remove(entry.path(), ec);
        if (ec) throw io_error(entry.path().string(), "cannot remove a shard of an earlier run: " + ec.message());
        log::info("removed " + entry.path().string() + ", a shard of an earlier run");
    }
}

int run(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) return 0;
    log::set_verbose(o.common.verbose);
    const Reference reference(o.common.reference);
    const auto regions = resolve_regions(o.common, reference.contigs());
    const auto gaps = find_gaps(reference, regions, o.min_gap);
    const auto sequence = subtract_gaps(regions, gaps);
    const auto plan = split_even(sequence, o.shards);
    int64_t smallest = total_length(plan.front()), largest = smallest;
    for (const auto& shard : plan) {
        smallest = std::min(smallest, total_length(shard));
        largest = std::max(largest, total_length(shard));
    }
    log::debug(std::to_string(total_length(sequence)) + " bases outside " + std::to_string(gaps.size()) + " gaps (" +
               std::to_string(total_length(gaps)) + " bases) in " + std::to_string(plan.size()) + " shards of " +
               std::to_string(smallest) + " to " + std::to_string(largest) + " bases");

    if (!o.out_dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(o.out_dir, ec);
        if (ec) throw io_error(o.out_dir, "cannot create the directory: " + ec.message());
        for (size_t i = 0; i < plan.size(); ++i) {
            const std::string name = shard_name(o.prefix, i, plan.size());
            somatic::write_table((std::filesystem::path(o.out_dir) / (name + ".bed")).string(), bed_lines(plan[i], {}));
        }
        remove_stale_shards(o.out_dir, o.prefix, plan.size());
    }
    if (o.write_table) {
        std::string table;
        for (size_t i = 0; i < plan.size(); ++i) table += bed_lines(plan[i], shard_name(o.prefix, i, plan.size()));
        somatic::write_table(o.common.output, table);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool_main("somatic-scatter", argc, argv, run); }
