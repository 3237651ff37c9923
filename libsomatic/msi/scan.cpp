#include "libsomatic/msi/scan.hpp"

#include <algorithm>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "libsomatic/parallel/region_engine.hpp"

namespace somatic::msi {

void ScanOptions::validate() const {
    if (reference.empty()) throw usage_error("reference is required");
    if (threads < 1) throw usage_error("threads must be at least 1");
    if (chunk_size < 10'000) throw usage_error("chunk_size must be at least 10000");
    finder.validate();
}

ScanCounts run_scan(const ScanOptions& o) {
    o.validate();
    const Reference reference(o.reference);
    const std::vector<Interval> regions = o.regions.empty() ? whole_genome(reference.contigs()) : o.regions;
    const std::vector<Interval> chunks = make_chunks(regions, o.chunk_size);
    // Enough sequence around a chunk to see each of its runs whole, with its
    // flanks and the runs next to them.
    const int64_t pad = int64_t{o.finder.max_length} + 2 * o.finder.flank + 1;

    TableWriter out(o.output);
    ScanCounts counts;
    PerThread<std::unique_ptr<Reference>> readers;
    run_in_order<std::vector<Microsatellite>>(
        chunks, EngineOptions{o.threads, 0},
        [&](const Interval& chunk) {
            auto& ref = readers.local();
            if (!ref) ref = std::make_unique<Reference>(o.reference);
            const int64_t beg = std::max<int64_t>(0, chunk.beg - pad);
            const std::string seq = ref->fetch(chunk.contig, beg, chunk.end + pad);
            std::vector<Microsatellite> sites =
                find_microsatellites(seq, chunk.contig, beg, chunk.beg, chunk.end, o.finder);
            // A site cut by the end of a region is not wholly in it.
            std::erase_if(sites, [&](const Microsatellite& s) {
                if (s.end <= chunk.end) return false;  // the chunk lies inside one region
                const auto r = std::find_if(regions.begin(), regions.end(), [&](const Interval& iv) {
                    return iv.contig == s.contig && iv.contains(s.beg);
                });
                return r == regions.end() || s.end > r->end;
            });
            return sites;
        },
        [&](std::vector<Microsatellite>&& sites, const Interval&) {
            for (const auto& s : sites) {
                out.write(bed_line(s));
                ++counts.sites;
                if (s.unit.size() == 1) ++counts.homopolymers;
            }
        });
    out.close();
    log::info("scan: " + std::to_string(counts.sites) + " microsatellites (" + std::to_string(counts.homopolymers) +
              " homopolymers)");
    return counts;
}

}  // namespace somatic::msi
