#include "libsomatic/report/cnv_input.hpp"

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/table_reader.hpp"
#include "libsomatic/report/header_table.hpp"

namespace somatic::report {

namespace {

double real_or_nan(const std::string& field, const TableLocus& at, const std::string& column) {
    return parse_real(field, at, column, true);
}

int int_or_na(const std::string& field, const TableLocus& at, const std::string& column) {
    if (is_missing_token(field)) return -1;
    return static_cast<int>(parse_integer(field, at, column));
}

}  // namespace

std::string CnSegment::state() const {
    if (total < 0) return "CN NA";
    std::string s = "CN" + std::to_string(total);
    if (loh && total > 0) return s + " LOH";
    if (major >= 0 && minor >= 0) s += " " + std::to_string(major) + "+" + std::to_string(minor);
    return s;
}

CnvSegmentsInput read_cnv_segments(const std::string& path) {
    const HeaderTable t = read_header_table(path);
    CnvSegmentsInput in;
    in.name = t.name;
    in.header = t.comments;
    add_tool_runs(in.header, "--cnv", in.tools);
    for (const auto& line : in.header) {
        if (line.starts_with("purity=")) in.purity = std::atof(line.c_str() + 7);
        if (line.starts_with("ploidy=")) in.ploidy = std::atof(line.c_str() + 7);
        if (line.starts_with("sex=")) in.sex = line.substr(4);
    }
    const std::string what = "somatic-cnv's calls BED";
    const size_t chrom = t.require("chrom", what), start = t.require("start", what), end = t.require("end", what),
                 total = t.require("total_cn", what);
    const int log2 = t.find("log2"), baf = t.find("baf"), major = t.find("major_cn"), minor = t.find("minor_cn"),
              cn_float = t.find("cn_float"), loh = t.find("loh"), subclonal = t.find("subclonal");
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const TableLocus at = t.locus(r);
        CnSegment s;
        s.chrom = row[chrom];
        s.beg = parse_integer(row[start], at, "start");
        s.end = parse_integer(row[end], at, "end");
        if (s.end < s.beg || s.beg < 0) throw input_error(in.name, "a segment ends before it starts", at.where());
        s.total = int_or_na(row[total], at, "total_cn");
        auto opt_real = [&](int c, const char* name) { return c < 0 ? NAN : real_or_nan(row[static_cast<size_t>(c)], at, name); };
        auto opt_int = [&](int c, const char* name) { return c < 0 ? -1 : int_or_na(row[static_cast<size_t>(c)], at, name); };
        s.log2 = opt_real(log2, "log2");
        s.baf = opt_real(baf, "baf");
        s.cn_float = opt_real(cn_float, "cn_float");
        s.major = opt_int(major, "major_cn");
        s.minor = opt_int(minor, "minor_cn");
        s.loh = opt_int(loh, "loh") == 1;
        s.subclonal = opt_int(subclonal, "subclonal") == 1;
        in.segments.push_back(std::move(s));
    }
    return in;
}

std::vector<AlternativeSolution> parse_alternatives(const std::string& text, const TableLocus& at) {
    std::vector<AlternativeSolution> out;
    if (text.empty() || is_missing_token(text)) return out;
    std::vector<std::string_view> solutions, parts;
    split_fields(text, ';', solutions);
    for (const auto one : solutions) {
        if (one.empty()) continue;
        split_fields(one, '/', parts);
        if (parts.size() < 3) {
            throw input_error(at.file, "column 'alternatives' holds '" + std::string(one) + "'", at.where(),
                              "each solution is purity/ploidy/score[/doubled/...], ';' between solutions");
        }
        AlternativeSolution a;
        a.purity = parse_real(parts[0], at, "alternatives", true);
        a.ploidy = parse_real(parts[1], at, "alternatives", true);
        a.score = parse_real(parts[2], at, "alternatives", true);
        a.doubled = parts.size() > 3 && parts[3] == "doubled";
        out.push_back(a);
    }
    return out;
}

CnvSummary read_cnv_summary(const std::string& path) {
    const HeaderTable t = read_header_table(path);
    CnvSummary s;
    s.name = t.name;
    const std::string what = "somatic-cnv's --summary table";
    const auto& row = t.only_row("give somatic-cnv's --summary of one sample");
    const TableLocus at = t.locus(0);
    s.purity = real_or_nan(row[t.require("purity", what)], at, "purity");
    // called_ploidy is the ploidy of the called states, what a reader wants;
    // older summaries without it give their fitted ploidy.
    const int called = t.find("called_ploidy");
    s.ploidy = real_or_nan(row[called >= 0 ? static_cast<size_t>(called) : t.require("ploidy", what)], at, "ploidy");
    if (const int c = t.find("score"); c >= 0) s.score = real_or_nan(row[static_cast<size_t>(c)], at, "score");
    if (const int c = t.find("sex"); c >= 0) s.sex = row[static_cast<size_t>(c)];
    if (const int c = t.find("genome_doubled"); c >= 0 && !is_missing_token(row[static_cast<size_t>(c)])) {
        s.genome_doubled = static_cast<int>(parse_integer(row[static_cast<size_t>(c)], at, "genome_doubled"));
    }
    if (const int c = t.find("alternatives"); c >= 0) s.alternatives = parse_alternatives(row[static_cast<size_t>(c)], at);
    auto hrd = [&](const char* column, double& value, bool& has) {
        const int c = t.find(column);
        if (c < 0) return;
        has = true;
        value = real_or_nan(row[static_cast<size_t>(c)], at, column);
    };
    hrd("hrd_loh", s.hrd.loh, s.hrd.has_loh);
    hrd("hrd_tai", s.hrd.tai, s.hrd.has_tai);
    hrd("hrd_lst", s.hrd.lst, s.hrd.has_lst);
    hrd("hrd_sum", s.hrd.sum, s.hrd.has_sum);
    hrd("fraction_genome_altered", s.hrd.fraction_genome_altered, s.hrd.has_fga);
    if (const int c = t.find("depth_only"); c >= 0 && row[static_cast<size_t>(c)] == "1") {
        s.depth_only = true;
        // Without allele-specific states LOH, TAI and LST cannot be seen;
        // counts a depth-only fit gives (homozygous deletions alone) are not
        // the score, so they are shown as not measured.
        s.hrd.loh = s.hrd.tai = s.hrd.lst = s.hrd.sum = NAN;
    }
    return s;
}

std::vector<std::pair<std::string, std::string>> hrd_not_measured(const HrdScores& h) {
    const std::string no_alleles = "no allele-specific copy number (a depth-only fit, without heterozygous sites)";
    const std::string no_centromere = "no centromere known for these contigs (somatic-cnv --centromeres gives them)";
    std::vector<std::pair<std::string, std::string>> out;
    const bool loh_na = h.has_loh && std::isnan(h.loh);
    if (loh_na) out.emplace_back("loh", no_alleles);
    if (h.has_tai && std::isnan(h.tai)) out.emplace_back("tai", loh_na ? no_alleles : no_centromere);
    if (h.has_lst && std::isnan(h.lst)) out.emplace_back("lst", loh_na ? no_alleles : no_centromere);
    if (h.has_sum && std::isnan(h.sum)) {
        out.emplace_back("sum", loh_na ? no_alleles : out.empty() ? "a part of it is NA" : "TAI and LST were not measured");
    }
    if (h.has_fga && std::isnan(h.fraction_genome_altered)) {
        out.emplace_back("fraction_genome_altered", "no autosome with a called copy number");
    }
    return out;
}

}  // namespace somatic::report
