#include "libsomatic/parallel/shard_plan.hpp"

#include <algorithm>
#include <cstring>

#include "libsomatic/core/error.hpp"

namespace somatic {

namespace {
constexpr int64_t kBlock = 1 << 20;  // bases read from the reference at a time
}

std::vector<Interval> find_gaps(const Reference& reference, const std::vector<Interval>& regions,
                                int64_t min_length) {
    if (min_length < 1) throw usage_error("the shortest gap must be at least 1 base");
    std::vector<Interval> gaps;
    for (const auto& region : regions) {
        int64_t run_start = -1;  // start of the current run of N, or -1
        auto close_run = [&](int64_t end) {
            if (run_start >= 0 && end - run_start >= min_length) gaps.push_back({region.contig, run_start, end});
            run_start = -1;
        };
        for (int64_t beg = region.beg; beg < region.end; beg += kBlock) {
            const int64_t end = std::min(region.end, beg + kBlock);
            const std::string bases = reference.fetch(region.contig, beg, end);  // upper case
            // Jump from run to run: memchr finds the next N, then the run's end.
            size_t i = 0;
            while (i < bases.size()) {
                if (run_start < 0) {
                    const void* n = std::memchr(bases.data() + i, 'N', bases.size() - i);
                    if (!n) break;
                    i = static_cast<size_t>(static_cast<const char*>(n) - bases.data());
                    run_start = beg + static_cast<int64_t>(i);
                }
                const size_t after = bases.find_first_not_of('N', i);
                if (after == std::string::npos) break;  // the run goes on into the next block
                close_run(beg + static_cast<int64_t>(after));
                i = after;
            }
        }
        close_run(region.end);
    }
    return gaps;
}

std::vector<Interval> subtract_gaps(const std::vector<Interval>& regions, const std::vector<Interval>& gaps) {
    std::vector<Interval> out;
    size_t g = 0;
    for (const auto& r : regions) {
        int64_t cursor = r.beg;
        for (; g < gaps.size() && gaps[g].contig == r.contig && gaps[g].beg < r.end; ++g) {
            if (gaps[g].beg > cursor) out.push_back({r.contig, cursor, gaps[g].beg});
            cursor = std::max(cursor, gaps[g].end);
        }
        if (cursor < r.end) out.push_back({r.contig, cursor, r.end});
    }
    if (g != gaps.size()) throw Error(ErrorKind::internal, {}, "a gap lies outside the regions or out of order");
    return out;
}

int64_t total_length(const std::vector<Interval>& intervals) {
    int64_t n = 0;
    for (const auto& iv : intervals) n += iv.length();
    return n;
}

std::vector<std::vector<Interval>> split_even(const std::vector<Interval>& sequence, int shards) {
    if (shards < 1) throw usage_error("the number of shards must be at least 1");
    const int64_t total = total_length(sequence);
    if (total < shards) {
        throw usage_error("cannot cut " + std::to_string(total) + " bases into " + std::to_string(shards) + " shards",
                          "ask for fewer shards");
    }
    std::vector<std::vector<Interval>> out(static_cast<size_t>(shards));
    // Bases before shard k's start: floor(k * total / shards). The product
    // fits in 128 bits whatever the genome.
    auto boundary = [&](int64_t k) {
        return static_cast<int64_t>(static_cast<__int128>(k) * total / shards);
    };
    int64_t done = 0;  // bases handed out so far
    size_t k = 0;
    for (const auto& iv : sequence) {
        int64_t pos = iv.beg;
        while (pos < iv.end) {
            const int64_t room = boundary(static_cast<int64_t>(k) + 1) - done;  // bases shard k still takes
            const int64_t take = std::min(room, iv.end - pos);
            if (take > 0) {
                out[k].push_back({iv.contig, pos, pos + take});
                pos += take;
                done += take;
            }
            if (done == boundary(static_cast<int64_t>(k) + 1) && k + 1 < out.size()) ++k;
        }
    }
    return out;
}

}  // namespace somatic
