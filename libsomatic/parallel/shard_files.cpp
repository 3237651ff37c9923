#include "libsomatic/parallel/shard_files.hpp"

#include <algorithm>
#include <filesystem>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/parallel/shard_plan.hpp"

namespace somatic {

void ShardFilesOptions::validate() const {
    if (shards < 1) throw usage_error("shards must be at least 1");
    if (min_gap < 1) throw usage_error("min_gap must be at least 1");
    if (reference.empty()) throw usage_error("reference is required");
    if (prefix.find('/') != std::string::npos) throw usage_error("prefix must not contain '/'", "use out_dir");
}

std::string shard_name(const std::string& prefix, size_t index, size_t count) {
    const size_t width = std::max<size_t>(4, std::to_string(count).size());
    std::string number = std::to_string(index + 1);
    return prefix + std::string(width - number.size(), '0') + number;
}

namespace {

std::string bed_lines(const std::vector<Interval>& intervals, const std::string& name) {
    std::string text;
    for (const auto& iv : intervals) {
        text += iv.contig + '\t' + std::to_string(iv.beg) + '\t' + std::to_string(iv.end);
        if (!name.empty()) text += '\t' + name;
        text += '\n';
    }
    return text;
}

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

}  // namespace

void write_shard_files(const ShardFilesOptions& o) {
    o.validate();
    const Reference reference(o.reference);
    const auto regions = o.regions.empty() ? whole_genome(reference.contigs()) : o.regions;
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
            write_table((std::filesystem::path(o.out_dir) / (name + ".bed")).string(), bed_lines(plan[i], {}));
        }
        remove_stale_shards(o.out_dir, o.prefix, plan.size());
    }
    if (!o.table.empty()) {
        std::string table;
        for (size_t i = 0; i < plan.size(); ++i) table += bed_lines(plan[i], shard_name(o.prefix, i, plan.size()));
        write_table(o.table, table);
    }
}

}  // namespace somatic
