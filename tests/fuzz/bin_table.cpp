// somatic-cnv bins tables (cnv/bin_table). A table that reads must write
// back to text that reads again to the same table.
#include <cstdlib>
#include <string>

#include "libsomatic/cnv/bin_table.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".bins.tsv");
    fuzz::parse_or_reject([&] {
        const cnv::BinTable table = cnv::read_bin_table(file.write(data, size));
        std::string once, twice;
        cnv::format_bin_table(table, once);
        const cnv::BinTable again =
            cnv::read_bin_table(file.write(reinterpret_cast<const uint8_t*>(once.data()), once.size()));
        cnv::format_bin_table(again, twice);
        if (once != twice) std::abort();
    });
    return 0;
}
