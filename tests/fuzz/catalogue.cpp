// SBS96 catalogue and other 96-channel tables (sig/catalogue
// read_channel_table): TSV or CSV, any of the channel spellings it accepts.
#include <cstdlib>

#include "libsomatic/sig/catalogue.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".tsv");
    const std::string& path = file.write(data, size);
    fuzz::parse_or_reject([&] {
        const sig::ChannelTable t = sig::read_channel_table(path, "catalogue");
        if (t.values.rows() != 96 || t.values.cols() != static_cast<long>(t.columns.size())) std::abort();
        (void)sig::format_catalogue(t);
    });
    return 0;
}
