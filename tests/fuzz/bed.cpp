// BED files (io/bed_reader), read with a contig dictionary (as --regions-file
// is) and without one.
#include <cstdlib>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/io/bed_reader.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".bed");
    static const ContigDict dict({{"chr1", 1000}, {"chr2", 500}, {"chrX", 300}});
    const std::string& path = file.write(data, size);
    fuzz::parse_or_reject([&] {
        for (const auto& r : read_bed(path, &dict)) {
            const Contig* c = dict.find(r.interval.contig);
            if (!c || r.interval.beg < 0 || r.interval.end > c->length) std::abort();
        }
    });
    fuzz::parse_or_reject([&] {
        for (const auto& iv : read_bed_intervals(path)) {
            if (iv.beg < 0 || iv.end < iv.beg) std::abort();
        }
    });
    return 0;
}
