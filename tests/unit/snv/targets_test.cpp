#include "libsomatic/snv/targets.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "libsomatic/core/error.hpp"

using namespace somatic;
using namespace somatic::snv;

namespace {
const ContigDict kContigs({{"chr1", 10000}, {"chr2", 5000}});

std::string bed_file(const std::string& text) {
    char name[] = "/tmp/targets_testXXXXXX";
    const int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    std::ofstream(name) << text;
    return name;
}
}  // namespace

TEST_CASE("targets are padded, clipped to their contig and merged, in BED's 0-based half-open numbers") {
    // chr1 [100, 200) and [350, 400) padded by 100 touch at 300 and merge into
    // [0, 500); chr2 [4950, 5000) clips to [4850, 5000).
    const std::string path = bed_file("chr2\t4950\t5000\nchr1\t350\t400\nchr1\t100\t200\n");
    const auto t = read_padded_targets(path, 100, kContigs);
    std::remove(path.c_str());
    REQUIRE(t.size() == 2);
    CHECK(t[0] == Interval{"chr1", 0, 500});
    CHECK(t[1] == Interval{"chr2", 4850, 5000});
    CHECK(read_padded_targets("", 100, kContigs).empty());
}

TEST_CASE("a targets file with a contig the reference lacks is an error naming the file") {
    const std::string path = bed_file("chr3\t1\t10\n");
    CHECK_THROWS_WITH_AS(read_padded_targets(path, 0, kContigs), doctest::Contains(path.c_str()), Error);
    std::remove(path.c_str());
}

TEST_CASE("regions are cut to the targets") {
    const std::vector<Interval> regions{{"chr1", 0, 10000}, {"chr2", 1000, 2000}};
    const std::vector<Interval> targets{
        {"chr1", 100, 200}, {"chr1", 900, 1200}, {"chr2", 0, 1500}, {"chr2", 1800, 4000}};
    const auto cut = intersect(regions, targets, kContigs);
    REQUIRE(cut.size() == 4);
    CHECK(cut[0] == Interval{"chr1", 100, 200});
    CHECK(cut[1] == Interval{"chr1", 900, 1200});
    CHECK(cut[2] == Interval{"chr2", 1000, 1500});
    CHECK(cut[3] == Interval{"chr2", 1800, 2000});
    CHECK(intersect(regions, {}, kContigs) == regions);
    CHECK(intersect({{"chr1", 300, 800}}, targets, kContigs).empty());
}

TEST_CASE("the sample of targets is all of them up to the budget, else evenly spaced ones") {
    std::vector<Interval> targets;
    for (int i = 0; i < 10; ++i) targets.push_back({"chr1", i * 1000, i * 1000 + 100});
    CHECK(target_sample(targets, 1000) == targets);
    // 1000 bases of targets, budget 300: every third from the second, until 300 bases.
    const auto picked = target_sample(targets, 300);
    REQUIRE(picked.size() == 3);
    CHECK(picked[0] == targets[1]);
    CHECK(picked[1] == targets[4]);
    CHECK(picked[2] == targets[7]);
}
