// Signature tables (sig/signatures read_signatures, COSMIC layout): every
// column accepted must sum to 1 within the tolerance.
#include <cmath>
#include <cstdlib>

#include "libsomatic/sig/signatures.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".tsv");
    const std::string& path = file.write(data, size);
    fuzz::parse_or_reject([&] {
        const sig::SignatureSet s = sig::read_signatures(path);
        if (s.matrix.rows() != 96 || s.matrix.cols() != static_cast<long>(s.names.size())) std::abort();
    });
    return 0;
}
