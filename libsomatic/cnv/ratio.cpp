#include "libsomatic/cnv/ratio.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/cnv/gc_correct.hpp"
#include "libsomatic/cnv/segment.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/stats/median.hpp"
#include "libsomatic/core/log.hpp"

namespace somatic::cnv {

void RatioOptions::validate() const {
    if (!(min_normal_depth >= 0 && min_normal_depth <= max_normal_depth)) {
        throw usage_error("min_normal_depth/max_normal_depth must satisfy 0 <= min <= max");
    }
    if (normal_radius < 0) throw usage_error("normal_radius must be 0 or more");
}

namespace {


void check_same_layout(const BinTable& t, const BinTable& n, const std::string& tf, const std::string& nf) {
    const std::string hint = "make both tables with 'somatic-cnv bins' on the same reference, bin size and targets";
    if (t.size() != n.size()) {
        throw input_error(tf, "has " + std::to_string(t.size()) + " bins but " + nf + " has " + std::to_string(n.size()) +
                                  ": the two samples were binned differently",
                          {}, hint);
    }
    size_t gc_differs = 0, compared = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        const Bin& a = t.bins[i];
        const Bin& b = n.bins[i];
        const std::string& ca = t.contigs[static_cast<size_t>(a.contig)];
        const std::string& cb = n.contigs[static_cast<size_t>(b.contig)];
        if (ca != cb || a.beg != b.beg || a.end != b.end || a.kind != b.kind) {
            throw input_error(tf, "bin " + std::to_string(i + 1) + " is " + ca + ":" + std::to_string(a.beg) + "-" +
                                      std::to_string(a.end) + " (" + std::string(kind_name(a.kind)) + ") but " + cb + ":" +
                                      std::to_string(b.beg) + "-" + std::to_string(b.end) + " (" +
                                      std::string(kind_name(b.kind)) + ") in " + nf +
                                      ": the two samples were binned differently",
                              {}, hint);
        }
        if (!std::isnan(t.gc[i]) && !std::isnan(n.gc[i])) {
            ++compared;
            if (std::abs(t.gc[i] - n.gc[i]) > 0.002) ++gc_differs;
        } else if (std::isnan(t.gc[i]) != std::isnan(n.gc[i])) {
            ++compared;
            ++gc_differs;
        }
    }
    if (compared > 0 && gc_differs * 100 > compared) {
        throw input_error(tf, "the GC content of " + std::to_string(gc_differs) + " of " + std::to_string(compared) +
                                  " bins differs from " + nf + ": the two tables were made with different references",
                          {}, "bin both samples against the same reference FASTA");
    }
}

}  // namespace

std::vector<double> corrected_depth(const BinTable& t, const std::vector<char>& keep,
                                    const std::vector<ContigClass>& cls, bool gc_correct, const std::string& file) {
    const size_t n = t.size();
    std::vector<double> depth(n);
    for (size_t i = 0; i < n; ++i) {
        const double len = static_cast<double>(t.bins[i].end - t.bins[i].beg);
        depth[i] = len > 0 ? (t.reads[i] + 0.5) / len : std::nan("");
    }
    std::vector<double> out(n, std::nan(""));
    for (BinKind kind : {BinKind::wgs, BinKind::target, BinKind::off_target}) {
        std::vector<char> use(n, 0);
        size_t count = 0;
        for (size_t i = 0; i < n; ++i) {
            use[i] = keep[i] && t.bins[i].kind == kind && cls[i] == ContigClass::autosome;
            count += use[i];
        }
        if (count == 0) {
            // No autosomal bin of this kind: use every kept bin of the kind.
            for (size_t i = 0; i < n; ++i) use[i] = keep[i] && t.bins[i].kind == kind;
        }
        GcCurve curve;
        if (gc_correct) curve = fit_gc_curve(t.gc, depth, use);
        std::vector<double> values;
        for (size_t i = 0; i < n; ++i) {
            if (t.bins[i].kind != kind) continue;
            const double expected = curve.empty() ? 1.0 : curve.at(t.gc[i]);
            out[i] = depth[i] / expected;
            if (use[i]) values.push_back(out[i]);
        }
        const double median = stats::upper_median(values);
        if (values.empty()) continue;
        if (!(median > 0)) {
            throw input_error(file, "the median depth of the " + std::string(kind_name(kind)) + " bins is zero",
                              {}, "is this the right alignment file for these bins?");
        }
        for (size_t i = 0; i < n; ++i) {
            if (t.bins[i].kind == kind) out[i] /= median;
        }
    }
    return out;
}

int64_t bin_size_for_reads(int64_t bin_size, double median_reads, double target) {
    if (!(median_reads > 0)) return 0;
    const double wanted = static_cast<double>(bin_size) * target / median_reads;
    const double step = wanted < 1000 ? 100 : 1000;
    return static_cast<int64_t>(std::ceil(wanted / step) * step);
}

double shrink_to_local_mean(std::vector<double>& depth, const std::vector<double>& reads,
                            const std::vector<int32_t>& group, int radius) {
    const size_t n = depth.size();
    if (radius <= 0 || n < 3) return 1;
    std::vector<double> local(n);
    const size_t r = static_cast<size_t>(radius);
    for (size_t lo = 0; lo < n;) {
        size_t hi = lo;
        while (hi < n && group[hi] == group[lo]) ++hi;
        std::vector<double> sum(hi - lo + 1, 0.0);
        for (size_t i = lo; i < hi; ++i) sum[i - lo + 1] = sum[i - lo] + depth[i];
        for (size_t i = lo; i < hi; ++i) {
            const size_t a = (i - lo >= r ? i - lo - r : 0), b = std::min(hi - lo, i - lo + r + 1);
            local[i] = (sum[b] - sum[a]) / static_cast<double>(b - a);
        }
        lo = hi;
    }
    std::vector<double> relative(n), count_var;
    count_var.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        relative[i] = local[i] > 0 ? depth[i] / local[i] : 1.0;
        count_var.push_back(1.0 / std::max(1.0, reads[i]));
    }
    const double sd = robust_sd(relative, group);
    const double v_observed = sd * sd;
    const double v_count = stats::upper_median(count_var);
    if (!(v_observed > 0)) return 1;
    const double w = std::clamp(1.0 - v_count / v_observed, 0.0, 1.0);
    for (size_t i = 0; i < n; ++i) depth[i] = local[i] + w * (depth[i] - local[i]);
    return w;
}

std::vector<ContigClass> bin_contig_classes(const BinTable& table) {
    std::vector<ContigClass> cls(table.size());
    for (size_t i = 0; i < cls.size(); ++i) {
        cls[i] = classify_contig(table.contigs[static_cast<size_t>(table.bins[i].contig)]);
    }
    return cls;
}

void set_sex(RatioTable& r, const std::vector<ContigClass>& bin_class, const BinTable& sexed, Sex given) {
    std::vector<double> per_base(sexed.size());
    for (size_t i = 0; i < per_base.size(); ++i) {
        per_base[i] = sexed.reads[i] / static_cast<double>(std::max<int64_t>(1, sexed.bins[i].end - sexed.bins[i].beg));
    }
    const Sex inferred = infer_sex(bin_class, per_base, &r.x_ratio);
    r.sex = given == Sex::unknown ? inferred : given;
}

RatioTable compute_ratios(const BinTable& tumour, const BinTable& normal, const RatioOptions& o,
                          const std::string& tf, const std::string& nf) {
    check_same_layout(tumour, normal, tf, nf);
    const size_t n = tumour.size();
    const std::vector<ContigClass> cls = bin_contig_classes(tumour);

    RatioTable r;
    r.contigs = tumour.contigs;
    set_sex(r, cls, normal, o.sex);

    std::vector<char> keep(n);
    for (size_t i = 0; i < n; ++i) {
        keep[i] = !std::isnan(tumour.gc[i]) && tumour.n_fraction[i] <= o.max_n_fraction && cls[i] != ContigClass::other &&
                  normal_copy_number(cls[i], r.sex) > 0 && normal.reads[i] >= o.min_normal_reads;
    }
    const std::vector<double> t_depth = corrected_depth(tumour, keep, cls, o.gc_correct, tf);
    const std::vector<double> n_depth = corrected_depth(normal, keep, cls, o.gc_correct, nf);

    for (size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
        const double expected = normal_copy_number(cls[i], r.sex) / 2.0;
        const double rel = n_depth[i] / expected;
        if (!(rel >= o.min_normal_depth && rel <= o.max_normal_depth) || !(t_depth[i] > 0)) keep[i] = 0;
    }
    // The denominator: the normal shrunk toward its local mean (see ratio.hpp).
    std::vector<double> denominator, reads;
    std::vector<int32_t> group;
    for (size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
        denominator.push_back(n_depth[i]);
        reads.push_back(normal.reads[i]);
        group.push_back(normal.bins[i].contig * 3 + static_cast<int32_t>(normal.bins[i].kind));
    }
    if (denominator.empty()) {
        throw input_error(tf, "no bin is left after the filters (N content, normal reads and depth)",
                          {}, "check that the normal has reads over these bins");
    }
    r.normal_reads = stats::upper_median(reads);
    r.normal_weight = shrink_to_local_mean(denominator, reads, group, o.normal_radius);
    double sum = 0, count = 0;
    std::vector<double> log2(n, std::nan(""));
    for (size_t i = 0, k = 0; i < n; ++i) {
        if (!keep[i]) continue;
        const double d = denominator[k++];
        log2[i] = std::log2(t_depth[i] / d);
        sum += t_depth[i] / d;
        count += 1;
    }
    const double shift = std::log2(sum / count);
    for (size_t i = 0; i < n; ++i) {
        if (!keep[i]) {
            ++r.dropped;
            continue;
        }
        r.bins.push_back(tumour.bins[i]);
        r.gc.push_back(tumour.gc[i]);
        // At the precision of the ratio table (see as_fixed).
        r.tumour.push_back(as_fixed(t_depth[i], 4));
        r.normal.push_back(as_fixed(n_depth[i], 4));
        r.log2.push_back(as_fixed(log2[i] - shift, 4));
    }
    log::info("ratio: " + std::to_string(r.size()) + " bins kept, " + std::to_string(r.dropped) +
              " dropped (N content, sex chromosome absent, no normal read, or normal depth out of range); normal weight " +
              format_fixed(r.normal_weight, 3) + "; sex " +
              std::string(sex_name(r.sex)) + (o.sex == Sex::unknown ? " (inferred)" : " (given)"));
    if (r.normal_reads < o.low_depth_reads) {
        // The typical kept bin's length, for the advice.
        std::vector<double> lengths;
        for (const Bin& b : r.bins) lengths.push_back(static_cast<double>(b.end - b.beg));
        const auto length = static_cast<int64_t>(stats::upper_median(lengths));
        log::warning("ratio: the normal has a median of " + format_fixed(r.normal_reads, 1) + " reads per kept bin (" +
                     std::to_string(length) + " bp): a bin's log2 ratio is mostly counting noise; bins of about " +
                     std::to_string(bin_size_for_reads(length, r.normal_reads, o.low_depth_reads)) +
                     " bp would hold " + format_fixed(o.low_depth_reads, 0) + " (--bin-size)");
    }
    return r;
}

void format_ratio_table(const RatioTable& t, std::string& out) {
    out += "##somatic-cnv ratio table\n";
    out += "##sex=" + std::string(sex_name(t.sex)) + "\n";
    if (!std::isnan(t.x_ratio)) out += "##normal_x_ratio=" + format_fixed(t.x_ratio, 3) + "\n";
    out += "##normal_weight=" + format_fixed(t.normal_weight, 3) + "\n";
    if (t.pool_normals > 0) out += "##pooled_reference_normals=" + std::to_string(t.pool_normals) + "\n";
    out += "#chrom\tstart\tend\tkind\tgc\ttumour\tnormal\tlog2\n";
    for (size_t i = 0; i < t.size(); ++i) {
        const Bin& b = t.bins[i];
        append_bin_columns(t.contigs, b, out);
        out += format_fixed(t.gc[i], 4);
        out += '\t';
        out += format_fixed(t.tumour[i], 4);
        out += '\t';
        out += format_fixed(t.normal[i], 4);
        out += '\t';
        out += format_fixed(t.log2[i], 4);
        out += '\n';
    }
}

void write_ratio_table(const RatioTable& table, const std::string& path) {
    std::string text;
    format_ratio_table(table, text);
    write_table(path, text);
}

}  // namespace somatic::cnv
