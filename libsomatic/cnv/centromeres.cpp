#include "libsomatic/cnv/centromeres.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "libsomatic/cnv/genome.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/bed_reader.hpp"
#include "libsomatic/io/table_reader.hpp"

namespace somatic::cnv {

namespace {

// The span of each chromosome's lines (name without "chr"), joined.
void join(std::map<std::string, Centromere, std::less<>>& spans, std::string_view chrom, int64_t beg, int64_t end) {
    Centromere& c = spans[std::string(strip_chr(chrom))];
    c.beg = c.known() ? std::min(c.beg, beg) : beg;
    c.end = std::max(c.end, end);
}

}  // namespace

std::vector<Centromere> builtin_centromeres(const std::vector<std::string>& contigs,
                                            const std::vector<int64_t>& lengths, std::vector<std::string>& builds) {
    std::vector<Centromere> out(contigs.size());
    std::string_view text = centromere_table_text();
    std::vector<std::string_view> f;
    while (!text.empty()) {
        const size_t eol = text.find('\n');
        const std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (line.empty() || line[0] == '#') continue;
        split_tabs(line, f);
        const TableLocus at{"the built-in centromere table", 0};
        const int64_t length = parse_integer(f[2], at, "length");
        for (size_t i = 0; i < contigs.size(); ++i) {
            if (i >= lengths.size() || lengths[i] != length || strip_chr(contigs[i]) != f[1]) continue;
            out[i] = {parse_integer(f[3], at, "cen_start"), parse_integer(f[4], at, "cen_end")};
            if (std::find(builds.begin(), builds.end(), f[0]) == builds.end()) builds.emplace_back(f[0]);
        }
    }
    return out;
}

std::vector<Centromere> read_centromeres(const std::string& bed, const std::vector<std::string>& contigs) {
    // Names are matched with or without "chr" below, so the BED is read
    // without a contig dictionary; a zero-length line adds nothing.
    std::map<std::string, Centromere, std::less<>> spans;
    for (const Interval& i : read_bed_intervals(bed)) {
        if (!i.empty()) join(spans, i.contig, i.beg, i.end);
    }
    std::vector<Centromere> out(contigs.size());
    for (size_t i = 0; i < contigs.size(); ++i) {
        const auto it = spans.find(strip_chr(contigs[i]));
        if (it != spans.end()) out[i] = it->second;
    }
    return out;
}

}  // namespace somatic::cnv
