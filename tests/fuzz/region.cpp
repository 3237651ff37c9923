// Region strings (core/interval): each input line is given to parse_region as
// a --regions argument would be; the intervals accepted are sorted and merged.
// Checks: an accepted region lies inside its contig, and its region string
// parses back to the same interval.
#include <cstdlib>
#include <string_view>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

namespace {

const ContigDict& contigs() {
    // Names with ':' and '-' in them (HLA alleles, unplaced contigs) are legal.
    // Not here: a contig named like a range of another ("chr1:1-10" beside
    // chr1), which parse_region rejects as ambiguous unless braces choose,
    // so a plain region string would not parse back.
    static const ContigDict dict({{"chr1", 248956422}, {"chr2", 1000}, {"1", 100},
                                  {"HLA-A*01:01:01:01", 3503}, {"chrUn:x", 50}});
    return dict;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<Interval> accepted;
    size_t start = 0;
    while (start <= text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        fuzz::parse_or_reject([&] {
            const Interval iv = parse_region(line, contigs());
            const Contig* c = contigs().find(iv.contig);
            if (!c || iv.beg < 0 || iv.end <= iv.beg || iv.end > c->length) std::abort();
            accepted.push_back(iv);
        });
    }
    const auto merged = sort_and_merge(accepted, contigs());
    for (const auto& iv : merged) {
        if (iv.empty()) std::abort();
        if (!(parse_region(iv.to_region_string(), contigs()) == iv)) std::abort();
    }
    return 0;
}
