#include "libsomatic/cnv/segment_io.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/table_reader.hpp"

namespace somatic::cnv {

namespace {

bool one_of(const std::string& name, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        if (name == n) return true;
    }
    return false;
}


Log2Columns columns_from_header(const std::vector<std::string_view>& f, const Log2TableOptions& o, const std::string& file,
                            const TableLocus& at) {
    Log2Columns c;
    std::vector<std::string> names;
    for (auto v : f) {
        std::string n = lower(v);
        while (!n.empty() && n[0] == '#') n.erase(0, 1);
        names.push_back(n);
    }
    for (int i = 0; i < static_cast<int>(names.size()); ++i) {
        const std::string& n = names[static_cast<size_t>(i)];
        if (c.chrom < 0 && one_of(n, {"chrom", "chromosome", "chr", "contig", "seqnames", "seqname"})) c.chrom = i;
        else if (c.start < 0 && one_of(n, {"start", "loc.start", "chromstart", "position", "pos", "maploc"})) c.start = i;
        else if (c.end < 0 && one_of(n, {"end", "loc.end", "chromend"})) c.end = i;
        else if (c.baf < 0 && n == "baf") c.baf = i;
        else if (c.kind < 0 && (n == "kind" || n == "gene")) c.kind = i;
    }
    if (c.chrom < 0 || c.start < 0) {
        throw input_error(file, "the header names no chromosome and start/position columns", at.where(),
                          "name them chrom and start (or chromosome, position)");
    }
    if (!o.column.empty()) {
        for (int i = 0; i < static_cast<int>(f.size()); ++i) {
            if (f[static_cast<size_t>(i)] == o.column || names[static_cast<size_t>(i)] == lower(o.column)) c.value = i;
        }
        if (c.value < 0) throw usage_error("the table " + file + " has no column '" + o.column + "'");
        return c;
    }
    for (int i = 0; i < static_cast<int>(names.size()); ++i) {
        if (one_of(names[static_cast<size_t>(i)], {"log2", "log2ratio", "log2_ratio", "logratio", "log2r", "lrr"})) {
            c.value = i;
            return c;
        }
    }
    const int after = std::max({c.chrom, c.start, c.end});
    for (int i = after + 1; i < static_cast<int>(names.size()); ++i) {
        if (i == c.baf) continue;
        if (one_of(names[static_cast<size_t>(i)], {"gene", "depth", "weight", "kind", "gc", "tumour", "tumor", "normal",
                                                   "clone", "probe", "id", "name", "n_bins", "num.mark", "probes",
                                                   "n_fraction", "reads"})) {  // a bins table's own columns
            continue;
        }
        c.value = i;
        log::info("segment: using column '" + std::string(f[static_cast<size_t>(i)]) + "' of " + file +
                  " as the log2 ratio (choose another with --column)");
        return c;
    }
    throw input_error(file, "no log2 column found in the header", at.where(), "name it log2, or choose one with --column");
}

}  // namespace

namespace {
// The size of a plain file (0 for standard input, pipes and what cannot be
// read); a compressed file's size only understates its rows.
uint64_t regular_file_size(const std::string& path) {
    std::error_code error;
    if (path == "-" || !std::filesystem::is_regular_file(path, error)) return 0;
    const auto size = std::filesystem::file_size(path, error);
    return error ? 0 : static_cast<uint64_t>(size);
}
}  // namespace

bool log2_columns(const std::vector<std::string_view>& f, std::string_view line, const Log2TableOptions& o,
                  const TableLocus& at, Log2Columns& c) {
    if (line[0] == '#' || f.size() < 2 || !is_number(f[1])) {
        c = columns_from_header(f, o, at.file, at);
        return true;
    }
    if (f.size() >= 4) c = Log2Columns{0, 1, 2, 3, f.size() >= 5 ? 4 : -1};
    else if (f.size() == 3) c = Log2Columns{0, 1, -1, 2, -1};
    else throw input_error(at.file, "expected at least 3 columns (chrom pos log2)", at.where());
    return false;
}

Log2Row parse_log2_row(const std::vector<std::string_view>& f, const Log2Columns& c, const Log2TableOptions& o,
                       const TableLocus& at) {
    const int needed = std::max({c.chrom, c.start, c.end, c.value, c.baf});
    if (static_cast<int>(f.size()) <= needed) {
        wrong_width(static_cast<size_t>(needed + 1), f.size(), at, true);
    }
    Log2Row row;
    row.value = parse_real(f[static_cast<size_t>(c.value)], at, "log2", true);
    row.beg = static_cast<int64_t>(std::llround(parse_real(f[static_cast<size_t>(c.start)], at, "start") * o.position_scale));
    row.end = c.end >= 0
                  ? static_cast<int64_t>(std::llround(parse_real(f[static_cast<size_t>(c.end)], at, "end") * o.position_scale))
                  : row.beg + 1;
    return row;
}

void parse_log2_extras(const std::vector<std::string_view>& f, const Log2Columns& c, const TableLocus& at, Log2Row& row) {
    row.noise = 0;
    if (c.kind >= 0 && static_cast<int>(f.size()) > c.kind) {
        const std::string_view k = f[static_cast<size_t>(c.kind)];
        row.noise = k == "off_target" || k == "Background" || k == "Antitarget" ? 1 : 0;
    }
    row.baf = std::nan("");
    if (c.baf >= 0) {
        row.baf = parse_real(f[static_cast<size_t>(c.baf)], at, "baf", true);
        if (!std::isnan(row.baf) && (row.baf < 0 || row.baf > 1)) throw input_error(at.file, "BAF outside [0, 1]", at.where());
    }
}

Log2Rows::Log2Rows(std::string name, const Log2TableOptions& o) : name_(std::move(name)), sort_(o.sort), order_(name_) {}

void Log2Rows::reserve(size_t rows) {
    if (sort_) rows_.reserve(rows);
    else in_.reserve(rows);
}

void Log2Rows::add_header_line(std::string_view line) {
    if (line.starts_with("##sex=") || line.starts_with("##normal_x_ratio=")) in_.header.emplace_back(line);
}

void Log2Rows::add(const std::vector<std::string_view>& f, const Log2Columns& c, const Log2TableOptions& o,
                   const TableLocus& at) {
    Log2Row row = parse_log2_row(f, c, o, at);
    ++data_rows_;
    const std::string_view contig = f[static_cast<size_t>(c.chrom)];
    if (sort_) {
        if (row.beg < 0 || row.end < row.beg) throw input_error(name_, "negative start or end before start", at.where());
        auto it = std::find(sorted_contigs_.begin(), sorted_contigs_.end(), contig);
        row.contig = static_cast<int32_t>(it - sorted_contigs_.begin());
        if (it == sorted_contigs_.end()) sorted_contigs_.emplace_back(contig);
    } else {
        try {
            row.contig = order_.add(contig, row.beg, row.end, at.line, true);
        } catch (const Error& e) {
            throw input_error(e.file(), e.problem(), e.locus(), "sort the table, or give --sort");
        }
    }
    if (std::isnan(row.value)) {
        ++missing_;
        return;
    }
    parse_log2_extras(f, c, at, row);
    if (sort_) {
        rows_.push_back(row);
    } else {  // already in order: straight into the input
        in_.add_bin(row.contig, row.beg, row.end, row.value, row.noise);
        if (!std::isnan(row.baf)) in_.add_het(in_.size() - 1, row.baf, 0);
    }
}

SegmentInput Log2Rows::finish() {
    if (data_rows_ == 0) throw input_error(name_, "the table has no data rows", {}, "expected chrom, start, end and log2 columns");
    if (rows_.empty() && in_.size() == 0) throw input_error(name_, "every log2 value is missing (NA)");
    if (missing_) log::warning(name_ + ": " + std::to_string(missing_) + " rows with a missing log2 value skipped");
    if (sort_) {
        std::stable_sort(rows_.begin(), rows_.end(), [](const Log2Row& a, const Log2Row& b) {
            return a.contig < b.contig || (a.contig == b.contig && a.beg < b.beg);
        });
        in_.contigs = sorted_contigs_;
        in_.reserve(rows_.size());
        for (const Log2Row& r : rows_) {
            in_.add_bin(r.contig, r.beg, r.end, r.value, r.noise);
            if (!std::isnan(r.baf)) in_.add_het(in_.size() - 1, r.baf, 0);
        }
    } else {
        in_.contigs = order_.contigs();
    }
    return std::move(in_);
}

SegmentInput read_log2_table(const std::string& path, const Log2TableOptions& o) {
    TableReader lines(path);
    Log2Rows rows(lines.name(), o);
    // After the first rows, room for as many as the file's size suggests:
    // growing nine vectors a row at a time copies each of them twice over
    // (a third of the time of reading 3 million rows).
    uint64_t bytes = 0;
    const uint64_t file_bytes = regular_file_size(path);
    constexpr size_t kSampleRows = 1024;
    std::vector<std::string_view> f;
    std::string_view line;
    Log2Columns c;
    bool known = false;
    while (lines.next(line)) {
        bytes += line.size() + 1;
        if (rows.data_rows() == kSampleRows && file_bytes > bytes) {
            rows.reserve(static_cast<size_t>(static_cast<double>(file_bytes) / static_cast<double>(bytes) *
                                             static_cast<double>(kSampleRows) * 1.02));
        }
        if (line.empty()) continue;
        if (line.starts_with("##")) {
            rows.add_header_line(line);
            continue;
        }
        const TableLocus at = lines.locus();
        split_tabs(line, f);
        if (!known) {
            known = true;
            if (log2_columns(f, line, o, at, c)) continue;  // a header line
        }
        if (line[0] == '#') continue;
        rows.add(f, c, o, at);
    }
    return rows.finish();
}

SegmentInput input_from_ratios(const RatioTable& r) {
    SegmentInput in;
    in.contigs = r.contigs;
    for (size_t i = 0; i < r.size(); ++i) {
        in.add_bin(r.bins[i].contig, r.bins[i].beg, r.bins[i].end, r.log2[i], r.bins[i].kind == BinKind::off_target ? 1 : 0);
    }
    in.header.push_back("##sex=" + std::string(sex_name(r.sex)));
    if (!std::isnan(r.x_ratio)) in.header.push_back("##normal_x_ratio=" + format_fixed(r.x_ratio, 3));
    return in;
}

size_t attach_het_sites(SegmentInput& in, const HetTable& hets) {
    // The first bin of each contig, by name.
    std::vector<std::pair<std::string, std::pair<size_t, size_t>>> ranges;
    for (size_t lo = 0; lo < in.size();) {
        size_t hi = lo;
        while (hi < in.size() && in.contig[hi] == in.contig[lo]) ++hi;
        ranges.push_back({in.contigs[static_cast<size_t>(in.contig[lo])], {lo, hi}});
        lo = hi;
    }
    std::sort(ranges.begin(), ranges.end());
    size_t placed = 0;
    std::vector<std::pair<size_t, double>> found;  // (bin, baf) in site order
    std::vector<double> depth;
    for (const auto& s : hets.sites) {
        const double baf = s.baf();
        if (std::isnan(baf)) continue;
        const std::string& contig = hets.contigs[static_cast<size_t>(s.contig)];
        auto it = std::lower_bound(ranges.begin(), ranges.end(), contig,
                                   [](const auto& r, const std::string& n) { return r.first < n; });
        if (it == ranges.end() || it->first != contig) continue;
        const auto [lo, hi] = it->second;
        // The last bin starting at or before the site.
        const auto b = std::upper_bound(in.beg.begin() + static_cast<std::ptrdiff_t>(lo),
                                        in.beg.begin() + static_cast<std::ptrdiff_t>(hi), s.pos);
        size_t bin = static_cast<size_t>(b - in.beg.begin());
        bin = bin == lo ? lo : bin - 1;
        found.emplace_back(bin, baf);
        depth.push_back(static_cast<double>(s.tumour_ref + s.tumour_alt));
    }
    // Keep baf_sequence in genome (bin) order whatever the het table's contig order.
    std::vector<size_t> order(found.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return found[a].first < found[b].first; });
    for (size_t i : order) {
        in.add_het(found[i].first, found[i].second, depth[i]);
        ++placed;
    }
    return placed;
}

std::string header_value(const std::vector<std::string>& header, const std::string& key) {
    const std::string prefix = "##" + key + "=";
    for (const auto& h : header) {
        if (h.starts_with(prefix)) return h.substr(prefix.size());
    }
    return {};
}

SegmentTable to_table(const Segmentation& s, const SegmentInput& in) {
    SegmentTable t;
    t.contigs = in.contigs;
    t.segments = s.segments;
    // At the precision of the segments table, as written.
    for (auto& g : t.segments) {
        g.log2 = as_fixed(g.log2, 4);
        g.mirrored_baf = as_fixed(g.mirrored_baf, 4);
        g.het_depth = as_fixed(g.het_depth, 1);
    }
    t.log2_sd = as_printed(s.log2_sd, 6);
    t.baf_sd = as_printed(s.baf_sd, 6);
    t.penalty = as_printed(s.penalty, 6);
    t.log2_noise_factor = as_printed(s.log2_noise_factor, 6);
    t.header = in.header;
    return t;
}

void format_segment_table(const SegmentTable& t, std::string& out) {
    out += "##somatic-cnv segments\n";
    out += "##log2_sd=" + format_real(t.log2_sd, 6) + "\n";
    out += "##baf_sd=" + format_real(t.baf_sd, 6) + "\n";
    out += "##penalty=" + format_real(t.penalty, 6) + "\n";
    out += "##log2_noise_factor=" + format_real(t.log2_noise_factor, 6) + "\n";
    for (const auto& h : t.header) out += h + "\n";
    out += "#chrom\tstart\tend\tn_bins\tlog2\tn_het\tmirrored_baf\thet_depth\n";
    char buf[160];
    for (const auto& s : t.segments) {
        out += t.contigs[static_cast<size_t>(s.contig)];
        std::snprintf(buf, sizeof buf, "\t%lld\t%lld\t%u\t", static_cast<long long>(s.beg), static_cast<long long>(s.end),
                      s.n_bins);
        out += buf;
        out += format_fixed(s.log2, 4);
        out += '\t' + std::to_string(s.n_het) + '\t';
        out += format_fixed(s.mirrored_baf, 4);
        out += '\t';
        out += format_fixed(s.het_depth, 1);
        out += '\n';
    }
}

void write_segment_table(const SegmentTable& table, const std::string& path) {
    std::string text;
    format_segment_table(table, text);
    write_table(path, text);
}

SegmentTable read_segment_table(const std::string& path) {
    SegmentTable t;
    OrderCheck order(display_name(path));
    const TableSpec spec{"segments table",
                         {"#chrom", "start", "end", "n_bins", "log2", "n_het", "mirrored_baf", "het_depth"},
                         "somatic-cnv segment"};
    auto meta = [&](std::string_view line, const TableLocus& at) {
        const std::string h(line);
        if (h.starts_with("##log2_sd=")) t.log2_sd = parse_real(h.substr(10), at, "##log2_sd", true);
        else if (h.starts_with("##baf_sd=")) t.baf_sd = parse_real(h.substr(9), at, "##baf_sd", true);
        else if (h.starts_with("##penalty=")) t.penalty = parse_real(h.substr(10), at, "##penalty", true);
        else if (h.starts_with("##log2_noise_factor=")) {
            t.log2_noise_factor = parse_real(h.substr(20), at, "##log2_noise_factor");
            if (!(t.log2_noise_factor >= 1)) throw input_error(at.file, "##log2_noise_factor must be 1 or more", at.where());
        }
        else if (h != "##somatic-cnv segments") t.header.push_back(h);
    };
    const std::string name = read_table(path, spec, meta, [&](const std::vector<std::string_view>& f, const TableLocus& at) {
        Segment s;
        s.beg = parse_integer(f[1], at, "start");
        s.end = parse_integer(f[2], at, "end");
        s.contig = order.add(f[0], s.beg, s.end, at.line);
        const int64_t nb = parse_integer(f[3], at, "n_bins");
        if (nb < 1) throw input_error(at.file, "a segment needs at least one bin", at.where());
        s.n_bins = static_cast<uint32_t>(nb);
        s.log2 = parse_real(f[4], at, "log2");
        const int64_t nh = parse_integer(f[5], at, "n_het");
        if (nh < 0) throw input_error(at.file, "negative n_het", at.where());
        s.n_het = static_cast<uint32_t>(nh);
        s.mirrored_baf = parse_real(f[6], at, "mirrored_baf", true);
        s.het_depth = parse_real(f[7], at, "het_depth", true);
        if (s.n_het > 0 && std::isnan(s.mirrored_baf)) {
            throw input_error(at.file, "n_het is above 0 but mirrored_baf is missing", at.where());
        }
        t.segments.push_back(s);
    });
    if (t.segments.empty()) throw input_error(name, "the segments table has no segments");
    if (!(t.log2_sd > 0)) {
        throw input_error(name, "no ##log2_sd= line (the noise of the log2 ratios)", {}, "produce it with 'somatic-cnv segment'");
    }
    t.contigs = order.contigs();
    return t;
}

}  // namespace somatic::cnv
