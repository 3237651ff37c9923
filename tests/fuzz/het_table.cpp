// somatic-cnv allele-count (het-site) tables (cnv/het_sites). A table that
// reads must write back to text that reads again to the same table.
#include <cstdlib>
#include <string>

#include "libsomatic/cnv/het_sites.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".hets.tsv");
    fuzz::parse_or_reject([&] {
        const cnv::HetTable table = cnv::read_het_table(file.write(data, size));
        std::string once, twice;
        cnv::format_het_table(table, once);
        const cnv::HetTable again =
            cnv::read_het_table(file.write(reinterpret_cast<const uint8_t*>(once.data()), once.size()));
        cnv::format_het_table(again, twice);
        if (once != twice) std::abort();
    });
    return 0;
}
