#include "libsomatic/cnv/pooled_reference.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/genome.hpp"
#include "libsomatic/cnv/ratio.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"

namespace somatic::cnv {

namespace {

constexpr const char* kColumns[] = {"#chrom", "start", "end", "kind", "gc", "log2", "spread", "reads", "usable"};

std::string bin_text(const std::vector<std::string>& contigs, const Bin& b) {
    return contigs[static_cast<size_t>(b.contig)] + ":" + std::to_string(b.beg) + "-" + std::to_string(b.end) + " (" +
           std::string(kind_name(b.kind)) + ")";
}

// "<ID=chr1,length=123>" -> contig; false when the line is not of that form.
bool parse_contig_line(std::string_view value, Contig& c) {
    if (!value.starts_with("<ID=") || !value.ends_with(">")) return false;
    value = value.substr(4, value.size() - 5);
    const size_t comma = value.find(",length=");
    if (comma == std::string_view::npos || comma == 0) return false;
    c.name = std::string(value.substr(0, comma));
    const std::string length(value.substr(comma + 8));
    char* end = nullptr;
    c.length = std::strtoll(length.c_str(), &end, 10);
    return !length.empty() && *end == '\0' && c.length > 0;
}

}  // namespace

void PoolOptions::validate() const {
    if (!(min_depth >= 0 && min_depth <= max_depth)) throw usage_error("min_depth/max_depth must satisfy 0 <= min <= max");
    if (!(max_spread > 0)) throw usage_error("max_spread must be above 0");
    if (!(min_reads >= 0)) throw usage_error("min_reads must be 0 or more");
}

size_t PooledReference::usable_count() const { return static_cast<size_t>(std::count(usable.begin(), usable.end(), 1)); }

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    const size_t h = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h), v.end());
    const double upper = v[h];
    if (v.size() % 2 == 1) return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h));
    return (lower + upper) / 2;
}

double robust_spread(const std::vector<double>& values) {
    const double m = median(values);
    std::vector<double> dev;
    dev.reserve(values.size());
    for (double v : values) dev.push_back(std::abs(v - m));
    return 1.4826 * median(std::move(dev));
}

PooledReference build_pooled_reference(const std::vector<BinTable>& normals, const std::vector<std::string>& names,
                                       const PoolOptions& o) {
    o.validate();
    if (normals.empty()) throw usage_error("a pooled reference needs at least one normal");
    if (names.size() != normals.size()) throw usage_error("give one name per normal");
    const BinTable& first = normals[0];
    const size_t n = first.size();
    for (size_t j = 1; j < normals.size(); ++j) {
        const BinTable& t = normals[j];
        for (size_t i = 0; i < std::min(n, t.size()); ++i) {
            if (!t.bins[i].same_place(first.bins[i]) ||
                t.contigs[static_cast<size_t>(t.bins[i].contig)] != first.contigs[static_cast<size_t>(first.bins[i].contig)]) {
                throw input_error(names[j], "bin " + std::to_string(i + 1) + " is " + bin_text(t.contigs, t.bins[i]) +
                                                " but " + bin_text(first.contigs, first.bins[i]) + " in " + names[0],
                                  {}, "bin every normal with the same reference, bin size and targets");
            }
        }
        if (t.size() != n) {
            throw input_error(names[j], "has " + std::to_string(t.size()) + " bins but " + names[0] + " has " + std::to_string(n),
                              {}, "bin every normal with the same reference, bin size and targets");
        }
    }
    std::vector<ContigClass> cls(n);
    for (size_t i = 0; i < n; ++i) cls[i] = classify_contig(first.contigs[static_cast<size_t>(first.bins[i].contig)]);

    // Each normal's log2 depth relative to its typical one, per diploid copy.
    std::vector<std::vector<double>> log2(normals.size());
    for (size_t j = 0; j < normals.size(); ++j) {
        const BinTable& t = normals[j];
        std::vector<double> per_base(n);
        for (size_t i = 0; i < n; ++i) {
            per_base[i] = t.reads[i] / static_cast<double>(std::max<int64_t>(1, t.bins[i].end - t.bins[i].beg));
        }
        double x_ratio = 0;
        const Sex sex = infer_sex(cls, per_base, &x_ratio);
        std::vector<char> keep(n);
        for (size_t i = 0; i < n; ++i) {
            keep[i] = !std::isnan(t.gc[i]) && t.n_fraction[i] <= o.max_n_fraction && cls[i] != ContigClass::other &&
                      normal_copy_number(cls[i], sex) > 0 && t.reads[i] >= 1;
        }
        const std::vector<double> depth = corrected_depth(t, keep, cls, o.gc_correct, names[j]);
        log2[j].assign(n, std::nan(""));
        for (size_t i = 0; i < n; ++i) {
            const int cn = normal_copy_number(cls[i], sex);
            if (cn > 0 && cls[i] != ContigClass::other && depth[i] > 0) log2[j][i] = std::log2(depth[i] / (cn / 2.0));
        }
        log::info("reference: " + names[j] + ": sex " +
                  (sex == Sex::unknown ? std::string("not measured (too few chrX bins): chrX counted as diploid")
                                       : std::string(sex_name(sex)) + " (inferred from chrX depth)"));
    }

    PooledReference r;
    r.contigs = first.contigs;
    r.bins = first.bins;
    r.gc = first.gc;
    r.normals = names;
    r.log2.resize(n);
    r.spread.resize(n);
    r.reads.resize(n);
    r.usable.resize(n);
    std::vector<double> values, reads;
    for (size_t i = 0; i < n; ++i) {
        values.clear();
        reads.clear();
        for (size_t j = 0; j < normals.size(); ++j) {
            if (!std::isnan(log2[j][i])) values.push_back(log2[j][i]);
            reads.push_back(normals[j].reads[i]);
        }
        r.log2[i] = as_fixed(median(values), 4);
        r.spread[i] = as_fixed(robust_spread(values), 4);
        r.reads[i] = median(reads);
        const double depth = std::exp2(r.log2[i]);
        r.usable[i] = !values.empty() && !std::isnan(r.gc[i]) && first.n_fraction[i] <= o.max_n_fraction &&
                      depth >= o.min_depth && depth <= o.max_depth && r.spread[i] <= o.max_spread &&
                      r.reads[i] >= o.min_reads;
    }
    log::info("reference: " + std::to_string(r.usable_count()) + " of " + std::to_string(n) + " bins usable, from " +
              std::to_string(normals.size()) + " normals");
    if (normals.size() < 3) {
        log::warning("reference: with fewer than 3 normals the spread is no measure of the bins' variation");
    }
    return r;
}

void format_pooled_reference(const PooledReference& r, std::string& out) {
    out += "##somatic-cnv pooled reference\n";
    if (!r.version.empty()) out += "##source=somatic-cnv " + r.version + "\n";
    out += "##normals=" + std::to_string(r.normals.size()) + "\n";
    for (const std::string& name : r.normals) out += "##normal=" + name + "\n";
    for (const Contig& c : r.assembly.contigs()) out += "##contig=<ID=" + c.name + ",length=" + std::to_string(c.length) + ">\n";
    for (size_t c = 0; c < std::size(kColumns); ++c) {
        out += kColumns[c];
        out += c + 1 < std::size(kColumns) ? '\t' : '\n';
    }
    for (size_t i = 0; i < r.size(); ++i) {
        append_bin_columns(r.contigs, r.bins[i], out);
        out += format_fixed(r.gc[i], 4);
        out += '\t';
        out += format_fixed(r.log2[i], 4);
        out += '\t';
        out += format_fixed(r.spread[i], 4);
        out += '\t';
        out += format_fixed(r.reads[i], 1);
        out += '\t';
        out += r.usable[i] ? '1' : '0';
        out += '\n';
    }
}

void write_pooled_reference(const PooledReference& r, const std::string& path) {
    std::string text;
    format_pooled_reference(r, text);
    write_table(path, text);
}

PooledReference read_pooled_reference(const std::string& path) {
    PooledReference r;
    OrderCheck order(display_name(path));
    std::vector<Contig> assembly;
    const TableSpec spec{"pooled reference", {std::begin(kColumns), std::end(kColumns)}, "somatic-cnv reference", 0};
    auto meta = [&](std::string_view line, const TableLocus& at) {
        if (line.starts_with("##normal=")) r.normals.emplace_back(line.substr(9));
        if (line.starts_with("##source=somatic-cnv ")) r.version = std::string(line.substr(21));
        if (line.starts_with("##contig=")) {
            Contig c;
            if (!parse_contig_line(line.substr(9), c)) {
                throw input_error(at.file, "malformed ##contig line", at.where(), "expected ##contig=<ID=NAME,length=N>");
            }
            assembly.push_back(std::move(c));
        }
    };
    const std::string name = read_table(path, spec, meta, [&](const std::vector<std::string_view>& f, const TableLocus& at) {
        if (f.size() != std::size(kColumns)) wrong_width(std::size(kColumns), f.size(), at);
        Bin b;
        b.beg = parse_integer(f[1], at, "start");
        b.end = parse_integer(f[2], at, "end");
        b.contig = order.add(f[0], b.beg, b.end, at.line);
        if (!parse_kind(f[3], b.kind)) {
            throw input_error(at.file, "unknown bin kind '" + std::string(f[3]) + "'", at.where(), "use wgs, target or off_target");
        }
        r.bins.push_back(b);
        r.gc.push_back(parse_real(f[4], at, "gc", true));
        r.log2.push_back(parse_real(f[5], at, "log2", true));
        r.spread.push_back(parse_real(f[6], at, "spread", true));
        r.reads.push_back(parse_non_negative(f[7], at, "reads"));
        if (f[8] != "0" && f[8] != "1") {
            throw input_error(at.file, "column 'usable' holds '" + std::string(f[8]) + "'", at.where(), "use 0 or 1");
        }
        const bool usable = f[8] == "1";
        if (usable && std::isnan(r.log2.back())) {
            throw input_error(at.file, "a usable bin has no log2", at.where());
        }
        r.usable.push_back(usable ? 1 : 0);
    });
    if (r.bins.empty()) throw input_error(name, "the pooled reference has a header but no bins");
    r.contigs = order.contigs();
    r.assembly = ContigDict(std::move(assembly));
    return r;
}

void check_reference_layout(const PooledReference& ref, const std::string& rf, const BinTable& t, const std::string& tf,
                            bool compare_gc) {
    const std::string hint = "build the reference with the run's --targets, bin sizes and reference FASTA";
    for (size_t i = 0; i < std::min(ref.size(), t.size()); ++i) {
        const Bin& a = ref.bins[i];
        const Bin& b = t.bins[i];
        if (!a.same_place(b) || ref.contigs[static_cast<size_t>(a.contig)] != t.contigs[static_cast<size_t>(b.contig)]) {
            throw input_error(rf, "was built on other bins: bin " + std::to_string(i + 1) + " is " + bin_text(ref.contigs, a) +
                                      " there but " + bin_text(t.contigs, b) + " in " + tf,
                              {}, hint);
        }
    }
    if (ref.size() != t.size()) {
        const size_t i = std::min(ref.size(), t.size());
        const std::string first = i < t.size() ? bin_text(t.contigs, t.bins[i]) + " of " + tf + " is not in it"
                                                : bin_text(ref.contigs, ref.bins[i]) + " is not in " + tf;
        throw input_error(rf, "was built on other bins: it has " + std::to_string(ref.size()) + " bins, " + tf + " has " +
                                  std::to_string(t.size()) + "; the first differing bin is " + std::to_string(i + 1) + ": " +
                                  first,
                          {}, hint);
    }
    if (!compare_gc) return;
    size_t differs = 0, compared = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (std::isnan(ref.gc[i]) && std::isnan(t.gc[i])) continue;
        ++compared;
        if (std::isnan(ref.gc[i]) != std::isnan(t.gc[i]) || std::abs(ref.gc[i] - t.gc[i]) > 0.002) ++differs;
    }
    if (compared > 0 && differs * 100 > compared) {
        throw input_error(rf, "the GC content of " + std::to_string(differs) + " of " + std::to_string(compared) +
                                  " bins differs from " + tf + ": it was built on another reference FASTA",
                          {}, "build the reference against the run's reference FASTA");
    }
}

void check_reference_assembly(const PooledReference& ref, const std::string& rf, const ContigDict& fasta,
                              const std::string& ff) {
    if (ref.assembly.empty()) return;
    check_same_assembly(ref.assembly, rf, fasta, ff, ref.contigs);
}

}  // namespace somatic::cnv
