// The parallel region engine: scatter by region, gather in order.
//
// The genome (or the user's regions) is cut into chunks. One
// tbb::parallel_pipeline runs three stages: a serial stage hands out chunks
// in genome order, a parallel stage computes each chunk independently, and a
// serial in-order stage writes the results. At most `max_in_flight` chunks
// exist at once, so memory is bounded by the chunk size times that number,
// whatever the genome's length. Each chunk owns the records whose position
// falls inside it, so nothing is written twice or lost at a boundary, and the
// output is the same bytes at any thread count.
#pragma once

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

namespace somatic {

// Cuts `regions` (sorted, merged) into chunks of at most `chunk_size` bases.
std::vector<Interval> make_chunks(const std::vector<Interval>& regions, int64_t chunk_size);

// Whole contigs of `contigs`, as regions.
std::vector<Interval> whole_genome(const ContigDict& contigs);

struct EngineOptions {
    int threads = 1;
    size_t max_in_flight = 0;  // 0: 2 x threads, enough to keep every thread busy
};

// Computes `compute(chunk)` for every chunk in parallel and hands the results
// to `write` one at a time, in chunk order. Exceptions from either stage stop
// the pipeline and propagate to the caller.
template <class Result>
void run_in_order(const std::vector<Interval>& chunks, const EngineOptions& options,
                  const std::function<Result(const Interval&)>& compute,
                  const std::function<void(Result&&, const Interval&)>& write) {
    const int threads = options.threads < 1 ? 1 : options.threads;
    const size_t tokens = options.max_in_flight ? options.max_in_flight : static_cast<size_t>(2 * threads);
    struct Item {
        size_t index;
        Result result;
    };
    // Without raising the global limit, TBB caps an arena at the core count
    // and warns on stderr; a user asking for more threads gets them.
    tbb::global_control allow(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
    tbb::task_arena arena(threads);
    arena.execute([&] {
        size_t next = 0;
        tbb::parallel_pipeline(
            tokens,
            tbb::make_filter<void, size_t>(tbb::filter_mode::serial_in_order,
                                           [&](tbb::flow_control& fc) -> size_t {
                                               if (next >= chunks.size()) {
                                                   fc.stop();
                                                   return 0;
                                               }
                                               return next++;
                                           }) &
                tbb::make_filter<size_t, Item>(tbb::filter_mode::parallel,
                                               [&](size_t i) { return Item{i, compute(chunks[i])}; }) &
                tbb::make_filter<Item, void>(tbb::filter_mode::serial_in_order,
                                             [&](Item item) { write(std::move(item.result), chunks[item.index]); }));
    });
}

// Per-thread resources (open files) for the parallel stage: each worker
// thread builds its own on first use with `make`.
template <class T>
using PerThread = tbb::enumerable_thread_specific<T>;

}  // namespace somatic
