#include "libsomatic/parallel/shard_files.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/error.hpp"

using namespace somatic;

TEST_CASE("shard names: the prefix and the number from 1, at least 4 digits, wider past 9999") {
    CHECK(shard_name("shard_", 0, 3) == "shard_0001");
    CHECK(shard_name("shard_", 2, 3) == "shard_0003");
    CHECK(shard_name("s", 9998, 9999) == "s9999");
    CHECK(shard_name("s", 0, 10000) == "s00001");
    CHECK(shard_name("s", 9999, 10000) == "s10000");
}

TEST_CASE("shard options are checked in their own field names") {
    ShardFilesOptions o;
    o.reference = "ref.fa";
    CHECK_THROWS_WITH_AS(o.validate(), "shards must be at least 1", Error);
    o.shards = 4;
    CHECK_NOTHROW(o.validate());
    o.min_gap = 0;
    CHECK_THROWS_WITH_AS(o.validate(), "min_gap must be at least 1", Error);
    o.min_gap = 100;
    o.prefix = "a/b";
    CHECK_THROWS_WITH_AS(o.validate(), "prefix must not contain '/' (use out_dir)", Error);
    o.prefix = "shard_";
    o.reference.clear();
    CHECK_THROWS_WITH_AS(o.validate(), "reference is required", Error);
}
