#include "libsomatic/parallel/region_engine.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

using namespace somatic;

TEST_CASE("chunks tile the regions without gaps or overlaps") {
    const auto chunks = make_chunks({{"chr1", 0, 25}, {"chr2", 5, 10}}, 10);
    REQUIRE(chunks.size() == 4);
    CHECK(chunks[0] == Interval{"chr1", 0, 10});
    CHECK(chunks[1] == Interval{"chr1", 10, 20});
    CHECK(chunks[2] == Interval{"chr1", 20, 25});
    CHECK(chunks[3] == Interval{"chr2", 5, 10});
}

namespace {
// A computation whose duration varies by chunk, so that results finish out of order.
std::string run(int threads, size_t max_in_flight, std::atomic<int>* peak = nullptr) {
    const auto chunks = make_chunks({{"chr1", 0, 1000}, {"chr2", 0, 500}}, 37);
    std::string out;
    std::atomic<int> in_flight{0};
    run_in_order<std::string>(
        chunks, {threads, max_in_flight},
        [&](const Interval& c) {
            const int now = ++in_flight;
            if (peak) {
                int seen = peak->load();
                while (now > seen && !peak->compare_exchange_weak(seen, now)) {
                }
            }
            std::this_thread::sleep_for(std::chrono::microseconds((c.beg * 7919) % 300));
            --in_flight;
            return c.to_region_string() + ";";
        },
        [&](std::string&& s, const Interval&) { out += s; });
    return out;
}
}  // namespace

TEST_CASE("results are written in chunk order whatever the thread count") {
    const std::string one = run(1, 0);
    CHECK(one.starts_with("chr1:1-37;chr1:38-74;"));
    CHECK(run(4, 0) == one);
    CHECK(run(4, 3) == one);
}

TEST_CASE("no more chunks are in flight than allowed") {
    std::atomic<int> peak{0};
    run(4, 2, &peak);
    CHECK(peak.load() <= 2);
    CHECK(peak.load() >= 1);
}

TEST_CASE("an exception in a worker reaches the caller") {
    const auto chunks = make_chunks({{"chr1", 0, 100}}, 10);
    CHECK_THROWS_AS(run_in_order<int>(
                        chunks, {4, 0},
                        [](const Interval& c) -> int {
                            if (c.beg == 50) throw std::runtime_error("boom");
                            return 0;
                        },
                        [](int&&, const Interval&) {}),
                    std::runtime_error);
}

TEST_CASE("the whole genome: every contig, whole, in the reference's order") {
    const ContigDict contigs({{"chr2", 500}, {"chr1", 1000}});
    const auto all = whole_genome(contigs);
    REQUIRE(all.size() == 2);
    CHECK(all[0].contig == "chr2");
    CHECK(all[0].end == 500);
    CHECK(all[1].contig == "chr1");
    CHECK(all[1].beg == 0);
    CHECK(all[1].end == 1000);
}
