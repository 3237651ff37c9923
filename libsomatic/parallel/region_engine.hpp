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

namespace detail {

// ThreadSanitizer sees only instrumented code, and TBB's library is not
// instrumented: the order it gives the pipeline (one call of a serial stage at
// a time; a chunk's stages one after another; token memory handed back and
// reissued by TBB's allocator) is invisible to it, and it reports races that
// cannot happen. These annotations state that order, and nothing more: calls
// of the parallel stage are not ordered among themselves, so races between
// them (our bugs) are still reported. In other builds they compile to nothing.
#if defined(__SANITIZE_THREAD__)
#define SOMATIC_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SOMATIC_TSAN 1
#endif
#endif
#ifdef SOMATIC_TSAN
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
inline void tsan_acquire(const void* p) { __tsan_acquire(const_cast<void*>(p)); }
inline void tsan_release(const void* p) { __tsan_release(const_cast<void*>(p)); }
#else
inline void tsan_acquire(const void*) {}
inline void tsan_release(const void*) {}
#endif

// For the lifetime of a stage call: sees what was released on `begin`,
// releases on `end` what it did.
struct TsanStage {
    TsanStage(const void* begin, const void* end) : end_(end) { tsan_acquire(begin); }
    ~TsanStage() { tsan_release(end_); }
    TsanStage(const TsanStage&) = delete;
    TsanStage& operator=(const TsanStage&) = delete;
    const void* end_;
};

// On leaving the caller's scope, normally or by an exception a stage threw
// (TBB has waited for every stage call by then): sees what they released.
struct TsanAfter {
    const void* p;
    ~TsanAfter() { tsan_acquire(p); }
};

// The first base of a pipeline token: a token built where an earlier one was
// destroyed sees that destruction; one moved from another sees its making.
struct TsanHandoff {
    TsanHandoff() { tsan_acquire(this); }
    TsanHandoff(TsanHandoff&& o) {
        tsan_acquire(this);
        tsan_acquire(&o);
    }
    ~TsanHandoff() { tsan_release(this); }
};

}  // namespace detail

// Computes `compute(chunk)` for every chunk in parallel and hands the results
// to `write` one at a time, in chunk order. Exceptions from either stage stop
// the pipeline and propagate to the caller.
template <class Result>
void run_in_order(const std::vector<Interval>& chunks, const EngineOptions& options,
                  const std::function<Result(const Interval&)>& compute,
                  const std::function<void(Result&&, const Interval&)>& write) {
    const int threads = options.threads < 1 ? 1 : options.threads;
    const size_t tokens = options.max_in_flight ? options.max_in_flight : static_cast<size_t>(2 * threads);
    struct Item : detail::TsanHandoff {
        Item(size_t i, Result&& r) : index(i), result(std::move(r)) { detail::tsan_release(this); }
        Item(Item&& o) : detail::TsanHandoff(std::move(o)), index(o.index), result(std::move(o.result)) {
            detail::tsan_release(this);
        }
        size_t index;
        Result result;
    };
    // Without raising the global limit, TBB caps an arena at the core count
    // and warns on stderr; a user asking for more threads gets them.
    tbb::global_control allow(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
    tbb::task_arena arena(threads);
    // `begun` and `ended` tell ThreadSanitizer what the caller and the stages see of each other.
    char begun = 0, ended = 0;
    detail::tsan_release(&begun);
    const detail::TsanAfter after{&ended};
    arena.execute([&] {
        size_t next = 0;
        tbb::parallel_pipeline(
            tokens,
            tbb::make_filter<void, size_t>(tbb::filter_mode::serial_in_order,
                                           [&](tbb::flow_control& fc) -> size_t {
                                               detail::TsanStage stage(&begun, &ended);
                                               detail::TsanStage serial(&next, &next);  // one call at a time
                                               if (next >= chunks.size()) {
                                                   fc.stop();
                                                   return 0;
                                               }
                                               return next++;
                                           }) &
                tbb::make_filter<size_t, Item>(tbb::filter_mode::parallel,
                                               [&](size_t i) {
                                                   detail::TsanStage stage(&begun, &ended);
                                                   return Item(i, compute(chunks[i]));
                                               }) &
                tbb::make_filter<Item, void>(tbb::filter_mode::serial_in_order, [&](Item item) {
                    detail::TsanStage stage(&begun, &ended);
                    detail::TsanStage serial(&write, &write);  // one call at a time, in order
                    write(std::move(item.result), chunks[item.index]);
                }));
    });
}

// fn(i) for every i in [0, n), in any order, on `threads` threads: for work
// that is not genome chunks (contigs to segment, samples to fit, restarts).
// Each fn(i) must write only its own results. It runs on the ordered
// pipeline above, with item i as the "chunk" [i, i + 1): one parallel
// engine, whose ordering ThreadSanitizer is told about (tbb::parallel_for's
// partitioner keeps its own atomics in TBB's headers, which TSan reports).
template <class Fn>
void parallel_for_index(int threads, size_t n, const Fn& fn) {
    std::vector<Interval> items;
    items.reserve(n);
    for (size_t i = 0; i < n; ++i) items.push_back({std::string(), static_cast<int64_t>(i), static_cast<int64_t>(i) + 1});
    run_in_order<char>(
        items, {threads, 0},
        [&](const Interval& item) {
            fn(static_cast<size_t>(item.beg));
            return char{0};
        },
        [](char&&, const Interval&) {});
}

// Per-thread resources (open files) for the parallel stage: each worker
// thread builds its own on first use with `make`.
template <class T>
using PerThread = tbb::enumerable_thread_specific<T>;

}  // namespace somatic
