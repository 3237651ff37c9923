#include "libsomatic/parallel/shard_plan.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"

using namespace somatic;
using somatic::testing::write_text;

namespace {
using Ivs = std::vector<Interval>;

// chrA: ACGT NNNNN ACGTACGT NNN  (20 bases: N runs at [4,9) and [17,20))
// chrB: NN ACGTACGT              (10 bases: N run at [0,2))
// chrC: AC nN GT                 (6 bases: a lower- and an upper-case N at [2,4))
const char* kFasta = ">chrA\nACGTNNNNNACGTACGTNNN\n>chrB\nNNACGT\nACGT\n>chrC\nACnNGT\n";

Ivs whole(const Reference& r) {
    Ivs out;
    for (const auto& c : r.contigs().contigs()) out.push_back({c.name, 0, c.length});
    return out;
}
}  // namespace

TEST_CASE("gaps are runs of N at least the minimum long, ends included") {
    const Reference ref(write_text("shard1.fa", kFasta));
    CHECK(find_gaps(ref, whole(ref), 3) == Ivs{{"chrA", 4, 9}, {"chrA", 17, 20}});
    CHECK(find_gaps(ref, whole(ref), 2) == Ivs{{"chrA", 4, 9}, {"chrA", 17, 20}, {"chrB", 0, 2}, {"chrC", 2, 4}});
    CHECK(find_gaps(ref, whole(ref), 6).empty());
    // Inside a region, a run is clipped at the region's start: chrA:[6,12) holds [6,9) of the run.
    CHECK(find_gaps(ref, Ivs{{"chrA", 6, 12}}, 3) == Ivs{{"chrA", 6, 9}});
    CHECK(find_gaps(ref, Ivs{{"chrA", 7, 12}}, 3) == Ivs{});
}

TEST_CASE("a run of N across the reader's 1 Mb blocks is one gap") {
    const int64_t block = 1 << 20;
    const std::string seq = std::string(block - 5, 'A') + std::string(10, 'N') + std::string(20, 'C');
    const Reference ref(write_text("shard2.fa", ">big\n" + seq + "\n"));
    CHECK(find_gaps(ref, whole(ref), 10) == Ivs{{"big", block - 5, block + 5}});
    // Runs that end exactly at a block's end, start exactly at the next
    // block's start, and end the contig.
    const std::string edges = std::string(block - 20, 'A') + std::string(20, 'N') + "C" + std::string(block - 1, 'G') +
                              std::string(30, 'N') + "T" + std::string(40, 'N');
    const Reference ref2(write_text("shard2b.fa", ">edges\n" + edges + "\n"));
    CHECK(find_gaps(ref2, whole(ref2), 20) ==
          Ivs{{"edges", block - 20, block}, {"edges", 2 * block, 2 * block + 30}, {"edges", 2 * block + 31, 2 * block + 71}});
}

TEST_CASE("subtracting the gaps leaves the sequence") {
    const Reference ref(write_text("shard3.fa", kFasta));
    const auto gaps = find_gaps(ref, whole(ref), 3);
    CHECK(subtract_gaps(whole(ref), gaps) == Ivs{{"chrA", 0, 4}, {"chrA", 9, 17}, {"chrB", 0, 10}, {"chrC", 0, 6}});
    CHECK(subtract_gaps(Ivs{{"chrA", 6, 12}}, Ivs{{"chrA", 6, 9}}) == Ivs{{"chrA", 9, 12}});
}

TEST_CASE("three shards of 28 bases: cuts at bases 9 and 18, across contigs and inside them") {
    // 28 bases in order: chrA [0,4) [9,17), chrB [0,10), chrC [0,6).
    // Shard k takes bases floor(28k/3) to floor(28(k+1)/3): 0-9, 9-18, 18-28.
    const Ivs sequence{{"chrA", 0, 4}, {"chrA", 9, 17}, {"chrB", 0, 10}, {"chrC", 0, 6}};
    const auto plan = split_even(sequence, 3);
    REQUIRE(plan.size() == 3);
    CHECK(plan[0] == Ivs{{"chrA", 0, 4}, {"chrA", 9, 14}});
    CHECK(plan[1] == Ivs{{"chrA", 14, 17}, {"chrB", 0, 6}});
    CHECK(plan[2] == Ivs{{"chrB", 6, 10}, {"chrC", 0, 6}});
    CHECK(total_length(plan[0]) == 9);
    CHECK(total_length(plan[1]) == 9);
    CHECK(total_length(plan[2]) == 10);
}

TEST_CASE("one interval cut into four, one shard, and too many shards") {
    const Ivs one{{"c", 0, 10}};
    // floor(10k/4): 0, 2, 5, 7, 10.
    CHECK(split_even(one, 4) ==
          std::vector<Ivs>{{{"c", 0, 2}}, {{"c", 2, 5}}, {{"c", 5, 7}}, {{"c", 7, 10}}});
    CHECK(split_even(one, 1) == std::vector<Ivs>{one});
    CHECK(split_even(one, 10).size() == 10);
    CHECK_THROWS_AS(split_even(one, 11), Error);
    CHECK_THROWS_AS(split_even(one, 0), Error);
}
