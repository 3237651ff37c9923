#include "libsomatic/report/cohort.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/table_reader.hpp"
#include "libsomatic/report/html_writer.hpp"

namespace somatic::report {

namespace {

using Json = nlohmann::json;

const Json* at(const Json& j, std::initializer_list<const char*> path) {
    const Json* p = &j;
    for (const char* k : path) {
        if (!p->is_object() || !p->contains(k)) return nullptr;
        p = &(*p)[k];
    }
    return p->is_null() ? nullptr : p;
}

std::string value(const Json& j, std::initializer_list<const char*> path, int digits) {
    const Json* p = at(j, path);
    if (!p) return "NA";
    if (p->is_boolean()) return p->get<bool>() ? "1" : "0";
    if (p->is_number()) {
        char b[64];
        std::snprintf(b, sizeof b, "%.*f", digits, p->get<double>());
        return b;
    }
    if (p->is_string()) return p->get<std::string>();
    return "NA";
}

std::string top_signatures(const Json& j) {
    const Json* sigs = at(j, {"biomarkers", "signatures"});
    if (!sigs) return "NA";
    const Json* list = at(*sigs, {"exposures"});
    const Json* total = at(*sigs, {"mutations"});
    if (!list || !list->is_array()) return "NA";
    std::vector<std::pair<double, std::string>> e;
    for (const auto& s : *list) {
        if (s.contains("exposure") && s["exposure"].is_number() && s["exposure"].get<double>() > 0) {
            e.emplace_back(s["exposure"].get<double>(), s["name"].get<std::string>());
        }
    }
    std::stable_sort(e.begin(), e.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    double sum = 0;
    for (const auto& x : e) sum += x.first;
    if (total && total->is_number() && total->get<double>() > 0) sum = total->get<double>();
    std::string out;
    for (size_t i = 0; i < e.size() && i < 3; ++i) {
        char b[32];
        std::snprintf(b, sizeof b, "%.0f%%", sum > 0 ? 100 * e[i].first / sum : 0.0);
        out += (i ? "," : "") + e[i].second + ":" + b;
    }
    return out.empty() ? "none" : out;
}

}  // namespace

CohortRow read_cohort_row(const std::string& path) {
    TableReader lines(path);
    std::string text;
    std::string_view line;
    while (lines.next(line)) text.append(line).push_back('\n');
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) throw input_error(lines.name(), "not valid JSON", {}, "give the reports of somatic-report --json");
    if (!j.is_object() || !j.contains("schema_version")) {
        throw input_error(lines.name(), "not a somatic-report JSON (no schema_version)", {},
                          "give the reports of somatic-report --json");
    }
    CohortRow r;
    r.sample = value(j, {"sample", "tumour"}, 0);
    r.purity = value(j, {"quality", "purity"}, 2);
    r.ploidy = value(j, {"quality", "ploidy"}, 2);
    r.tmb = value(j, {"biomarkers", "tmb", "all", "per_mb"}, 2);
    r.coding_tmb = value(j, {"biomarkers", "tmb", "coding", "per_mb"}, 2);
    r.msi_status = value(j, {"biomarkers", "msi", "status"}, 0);
    r.msi_percent = value(j, {"biomarkers", "msi", "percent_unstable"}, 2);
    r.hrd_sum = value(j, {"biomarkers", "hrd", "sum"}, 0);
    r.hrd_loh = value(j, {"biomarkers", "hrd", "loh"}, 0);
    r.hrd_tai = value(j, {"biomarkers", "hrd", "tai"}, 0);
    r.hrd_lst = value(j, {"biomarkers", "hrd", "lst"}, 0);
    r.fraction_genome_altered = value(j, {"biomarkers", "hrd", "fraction_genome_altered"}, 3);
    r.genome_doubled = value(j, {"quality", "genome_doubled"}, 0);
    r.top_signatures = top_signatures(j);
    return r;
}

namespace {
const char* kColumns[] = {"sample", "purity", "ploidy", "tmb_per_mb", "coding_tmb_per_mb", "msi_status",
                          "msi_percent_unstable", "hrd_sum", "hrd_loh", "hrd_tai", "hrd_lst",
                          "fraction_genome_altered", "genome_doubled", "top_signatures"};

std::vector<std::string> fields(const CohortRow& r) {
    return {r.sample, r.purity, r.ploidy, r.tmb, r.coding_tmb, r.msi_status, r.msi_percent,
            r.hrd_sum, r.hrd_loh, r.hrd_tai, r.hrd_lst, r.fraction_genome_altered, r.genome_doubled, r.top_signatures};
}
}  // namespace

std::string format_cohort_tsv(const std::vector<CohortRow>& rows) {
    std::string out;
    for (size_t i = 0; i < std::size(kColumns); ++i) out += (i ? "\t" : "") + std::string(kColumns[i]);
    out += "\n";
    for (const auto& r : rows) {
        const auto f = fields(r);
        for (size_t i = 0; i < f.size(); ++i) out += (i ? "\t" : "") + f[i];
        out += "\n";
    }
    return out;
}

std::string format_cohort_html(const std::vector<CohortRow>& rows, const std::string& version, const std::string& date) {
    std::string s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                    "<link rel=\"icon\" href=\"data:,\">\n<title>Somatic cohort summary</title>\n<style>"
                    "body{font-family:sans-serif;font-size:14px;margin:1em}table{border-collapse:collapse}"
                    "th,td{border:1px solid #bbb;padding:2px 6px}th{background:#eee}"
                    "@media print{body{font-size:10px}}</style>\n</head>\n<body>\n<h1>Somatic cohort summary</h1>\n";
    s += "<p>" + std::to_string(rows.size()) + " samples; written " + html_escape(date) + " by somatic-report " +
         html_escape(version) + ".</p>\n<table>\n<tr>";
    for (const char* c : kColumns) s += "<th>" + std::string(c) + "</th>";
    s += "</tr>\n";
    for (const auto& r : rows) {
        s += "<tr>";
        for (const auto& f : fields(r)) s += "<td>" + html_escape(f) + "</td>";
        s += "</tr>\n";
    }
    s += "</table>\n</body>\n</html>\n";
    return s;
}

}  // namespace somatic::report
