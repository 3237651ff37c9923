// Text tables (io/table_reader): plain or gzipped lines, split on tabs, each
// field parsed as a number (which may fail only with a located input error).
// The fuzzer's bytes may be gzip or BGZF as well as text.
#include <cstdlib>
#include <string_view>
#include <vector>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/table_reader.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".tsv");
    const std::string& path = file.write(data, size);
    fuzz::parse_or_reject([&] {
        TableReader lines(path);
        std::string_view line;
        std::vector<std::string_view> fields;
        uint64_t last = 0;
        while (lines.next(line)) {
            if (lines.line_number() <= last) std::abort();
            last = lines.line_number();
            if (line.find('\n') != std::string_view::npos) std::abort();
            split_tabs(line, fields);
            size_t total = fields.empty() ? 0 : fields.size() - 1;  // the tabs
            for (auto f : fields) total += f.size();
            if (total != line.size()) std::abort();
            for (auto f : fields) {
                try {
                    (void)parse_real(f, lines.locus(), "field", true);
                } catch (const Error& e) {
                    if (e.kind() != ErrorKind::input || e.locus().empty()) std::abort();
                }
            }
        }
    });
    return 0;
}
