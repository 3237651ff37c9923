#include "libsomatic/cnv/bin_table.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic::cnv {

namespace {
constexpr const char* kColumns[] = {"#chrom", "start", "end", "kind", "gc", "n_fraction", "reads"};
}

int32_t OrderCheck::add(std::string_view contig, int64_t beg, int64_t end, uint64_t line, bool allow_overlap) {
    const std::string where = "line " + std::to_string(line);
    // An empty name matched the initial empty current_ below and got index -1.
    if (contig.empty()) throw input_error(file_, "a row has an empty contig name", where);
    if (beg < 0 || end < beg) {
        throw input_error(file_, "interval " + std::string(contig) + ":" + std::to_string(beg) + "-" +
                                     std::to_string(end) + " has a negative start or ends before it starts",
                          where);
    }
    if (contig != current_) {
        if (std::find(contigs_.begin(), contigs_.end(), contig) != contigs_.end()) {
            throw input_error(file_, "rows are not sorted: contig '" + std::string(contig) + "' appears in two blocks",
                              where, "sort the table by contig and start, e.g. sort -k1,1V -k2,2n");
        }
        contigs_.emplace_back(contig);
        current_ = contig;
        current_index_ = static_cast<int32_t>(contigs_.size() - 1);
        last_beg_ = beg;
        last_end_ = end;
            last_line_ = line;
        return current_index_;
    }
    // Where rows may not overlap, two at one start are one position twice,
    // which no sort order mends. (Log2 tables may overlap: array probes
    // share positions.)
    if (!allow_overlap && beg == last_beg_) {
        throw input_error(file_,
                          "duplicated position: " + std::string(contig) + ":" + std::to_string(beg) + "-" +
                              std::to_string(end) + " is also on line " + std::to_string(last_line_),
                          where, "keep one row per position");
    }
    if (beg < last_beg_ || (!allow_overlap && beg < last_end_)) {
        throw input_error(file_,
                          beg < last_beg_ ? "rows are not sorted: " + std::string(contig) + ":" + std::to_string(beg) +
                                                " comes after a row starting at " + std::to_string(last_beg_)
                                          : "rows overlap: " + std::string(contig) + ":" + std::to_string(beg) +
                                                " starts before the previous row's end " + std::to_string(last_end_),
                          where, "sort the table by contig and start, e.g. sort -k1,1V -k2,2n");
    }
    last_beg_ = beg;
    last_end_ = std::max(last_end_, end);
    last_line_ = line;
    return current_index_;
}

void format_bin_table(const BinTable& t, std::string& out, bool with_sample_line) {
    out += "##somatic-cnv bins table\n";
    if (with_sample_line && !t.sample.empty()) out += "##sample=" + t.sample + "\n";
    for (size_t c = 0; c < std::size(kColumns); ++c) {
        out += kColumns[c];
        out += c + 1 < std::size(kColumns) ? '\t' : '\n';
    }
    for (size_t i = 0; i < t.size(); ++i) {
        const Bin& b = t.bins[i];
        append_bin_columns(t.contigs, b, out);
        out += format_fixed(t.gc[i], 4);
        out += '\t';
        out += format_fixed(t.n_fraction[i], 4);
        out += '\t';
        out += format_fixed(t.reads[i], 0);  // any size: a fixed buffer cut large counts short
        out += '\n';
    }
}

void write_bin_table(const BinTable& table, const std::string& path) {
    std::string text;
    format_bin_table(table, text);
    write_table(path, text);
}

BinTable read_bin_table(const std::string& path) {
    BinTable t;
    OrderCheck order(display_name(path));
    const TableSpec spec{"bins table", {std::begin(kColumns), std::end(kColumns)}, "somatic-cnv bins", 0};
    auto meta = [&](std::string_view line, const TableLocus&) {
        if (line.starts_with("##sample=")) t.sample = std::string(line.substr(9));
    };
    const std::string name = read_table(path, spec, meta, [&](const std::vector<std::string_view>& f, const TableLocus& at) {
        if (f.size() != std::size(kColumns)) {
            wrong_width(std::size(kColumns), f.size(), at);
        }
        Bin b;
        b.beg = parse_integer(f[1], at, "start");
        b.end = parse_integer(f[2], at, "end");
        b.contig = order.add(f[0], b.beg, b.end, at.line);
        if (!parse_kind(f[3], b.kind)) {
            throw input_error(at.file, "unknown bin kind '" + std::string(f[3]) + "'", at.where(), "use wgs, target or off_target");
        }
        const double gc = parse_real(f[4], at, "gc", true);
        if (std::isnan(gc) && f[4] != "NA") {
            throw input_error(at.file, "column 'gc' holds '" + std::string(f[4]) + "'", at.where(), "only NA (an all-N bin) may be missing");
        }
        const double n_fraction = parse_real(f[5], at, "n_fraction");
        const double reads = parse_real(f[6], at, "reads");
        if (reads < 0) throw input_error(at.file, "negative read count", at.where());
        t.bins.push_back(b);
        t.gc.push_back(gc);
        t.n_fraction.push_back(n_fraction);
        t.reads.push_back(reads);
    });
    if (t.bins.empty()) throw input_error(name, "the bins table has a header but no bins");
    t.contigs = order.contigs();
    return t;
}

}  // namespace somatic::cnv
