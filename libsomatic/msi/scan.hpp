// somatic-msi scan: the reference's microsatellites as a sites BED, found
// chunk by chunk in parallel and written in genome order (the same bytes at
// any thread count).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/msi/finder.hpp"

namespace somatic::msi {

struct ScanOptions {
    std::string reference;
    std::vector<Interval> regions;  // empty: every contig of the reference
    std::string output = "-";
    FinderOptions finder;
    int threads = 1;
    int64_t chunk_size = 1'000'000;

    void validate() const;
};

struct ScanCounts {
    uint64_t sites = 0;
    uint64_t homopolymers = 0;
};

// Sites are owned by the chunk holding their start and must lie inside the
// regions.
ScanCounts run_scan(const ScanOptions& options);

}  // namespace somatic::msi
