// somatic-cnv segment tables (cnv/segment_io). A table that reads must write
// back to text that reads again to the same table.
#include <cstdlib>
#include <string>

#include "libsomatic/cnv/segment_io.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".segments.tsv");
    fuzz::parse_or_reject([&] {
        const cnv::SegmentTable table = cnv::read_segment_table(file.write(data, size));
        std::string once, twice;
        cnv::format_segment_table(table, once);
        const cnv::SegmentTable again =
            cnv::read_segment_table(file.write(reinterpret_cast<const uint8_t*>(once.data()), once.size()));
        cnv::format_segment_table(again, twice);
        if (once != twice) std::abort();
    });
    return 0;
}
