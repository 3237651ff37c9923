// somatic-scatter's run: the shard plan of a reference (shard_plan) written
// as BED, one file per shard in a directory and/or one 4-column table whose
// last column names each interval's shard.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/core/interval.hpp"

namespace somatic {

struct ShardFilesOptions {
    std::string reference;          // FASTA with .fai, required
    std::vector<Interval> regions;  // sorted and merged; empty: the whole reference
    int shards = 0;                 // how many, at least 1
    int64_t min_gap = 100;          // runs of at least this many N are gaps
    std::string out_dir;            // one BED per shard here; empty: none
    std::string prefix = "shard_";  // shard names: prefix + zero-padded number from 1
    std::string table;              // the 4-column table ("-": standard output); empty: none

    // Throws a usage error naming the field (shards, min_gap, prefix,
    // reference) for a value out of range.
    void validate() const;
};

// A shard's name: prefix and its number from 1, zero-padded to 4 digits (more
// when there are 10,000 shards or more).
std::string shard_name(const std::string& prefix, size_t index, size_t count);

// Plans the shards and writes them; shard files an earlier run with more
// shards left in out_dir are removed, since `for bed in DIR/shard_*.bed`
// would take them for this run's.
void write_shard_files(const ShardFilesOptions& options);

}  // namespace somatic
