// The callable territory (--callable) as BED, from the chunks' runs of
// callable positions in order: a run that goes on where the previous one
// ended (across a chunk boundary) becomes one line, so the file does not
// depend on the chunk size or the thread count.
#pragma once

#include <cstdint>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/io/table_writer.hpp"

namespace somatic::snv {

class CallableBed {
public:
    explicit CallableBed(TableWriter* out) : out_(out) {}  // null: count nothing, write nothing
    void add(const Interval& run);
    // Writes the pending run; returns the bases written so far.
    uint64_t flush();

private:
    TableWriter* out_;
    Interval pending_;
    uint64_t bases_ = 0;
};

}  // namespace somatic::snv
