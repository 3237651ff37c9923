// Log2-ratio tables from other tools (cnv/segment_io read_log2_table: CNVkit,
// DNAcopy, GATK-style columns). The first byte chooses the options (sorting,
// positions in kb, a named column); the rest is the table.
#include <cstdlib>

#include "libsomatic/cnv/segment_io.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".log2.tsv");
    if (size == 0) return 0;
    cnv::Log2TableOptions options;
    options.sort = data[0] & 1;
    if (data[0] & 2) options.position_scale = 1000;
    if (data[0] & 4) options.column = "log2";
    const std::string& path = file.write(data + 1, size - 1);
    fuzz::parse_or_reject([&] {
        const cnv::SegmentInput in = cnv::read_log2_table(path, options);
        const size_t n = in.contig.size();
        if (in.beg.size() != n || in.end.size() != n || in.log2.size() != n) std::abort();
        for (size_t i = 0; i < n; ++i) {
            if (in.contig[i] < 0 || static_cast<size_t>(in.contig[i]) >= in.contigs.size()) std::abort();
        }
    });
    return 0;
}
