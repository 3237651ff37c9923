#include "libsomatic/report/html_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "libsomatic/report/af_histogram.hpp"
#include "libsomatic/report/plots.hpp"
#include "libsomatic/report/sample_checks_text.hpp"

namespace somatic::report {

namespace {

std::string fixed(double v, int digits) {
    if (std::isnan(v)) return "NA";
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", digits, v);
    return b;
}

std::string count(double v) { return fixed(v, 0); }

const char* kStyle = R"(
body{font-family:sans-serif;font-size:14px;color:#111;max-width:1100px;margin:1em auto;padding:0 1em}
h1{font-size:22px;border-bottom:2px solid #333;padding-bottom:4px}
h2{font-size:18px;border-bottom:1px solid #999;margin-top:1.6em}
h3{font-size:15px;margin-bottom:.3em}
table{border-collapse:collapse;margin:.4em 0 1em}
th,td{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#eee}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.goi td{background:#fff6dd}
.missing{color:#666;font-style:italic}
.warning{color:#8a3a00}
.flag{font-weight:bold;color:#8a0000}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:2px 12px}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
code{font-size:12px;word-break:break-all}
svg{max-width:100%;height:auto}
details summary{cursor:pointer;margin:.4em 0}
@media print{body{max-width:none;margin:0;font-size:11px}h2{break-after:avoid}
table,svg,figure{break-inside:avoid}details summary{list-style:none}}
)";

struct Page {
    std::string s;
    void add(const std::string& text) { s += text; }
    void missing(const std::string& section, const Report& r, const std::string& what) {
        s += "<p class=\"missing\">No " + what + ": give " + html_escape(missing_input(r, section)) + ".</p>\n";
    }
    void fact(const std::string& name, const std::string& value) {
        s += "<dt>" + html_escape(name) + "</dt><dd>" + html_escape(value) + "</dd>\n";
    }
};

void run_section(Page& p, const Report& r) {
    p.add("<section id=\"run\">\n<h2>Sample and run</h2>\n<dl class=\"facts\">\n");
    p.fact("Tumour sample", r.tumour.empty() ? "unknown" : r.tumour);
    p.fact("Normal sample", r.normal.empty() ? "none (tumour only or not given)" : r.normal);
    if (r.snv) {
        p.fact("Reference", r.snv->reference.empty() ? "not named in the VCF header" : r.snv->reference);
        p.fact("Reference contigs", std::to_string(r.snv->contigs.size()) + " contigs, " +
                                        fixed(static_cast<double>(r.snv->contigs.total_length()) / 1e6, 3) + " Mb");
    }
    p.fact("Report written", r.inputs.date);
    p.fact("Report by", "somatic-report " + r.inputs.version);
    p.add("</dl>\n");
    if (!r.tools.empty()) {
        p.add("<table><tr><th>Tool</th><th>Version</th><th>Input</th><th>Command line</th></tr>\n");
        for (const auto& t : r.tools) {
            p.add("<tr><td>" + html_escape(t.tool) + "</td><td>" + html_escape(t.version) + "</td><td>" +
                  html_escape(t.input) + "</td><td><code>" + html_escape(t.command) + "</code></td></tr>\n");
        }
        p.add("</table>\n");
    }
    if (!r.inputs.command_line.empty()) {
        p.add("<p>Report command line: <code>" + html_escape(r.inputs.command_line) + "</code></p>\n");
    }
    for (const auto& w : r.warnings) p.add("<p class=\"warning\">Warning: " + html_escape(w) + "</p>\n");
    if (r.snv) {
        for (const auto& g : r.snv->gaps) p.add("<p class=\"warning\">" + html_escape(r.snv->name + ": " + g) + "</p>\n");
    }
    p.add("</section>\n");
}

void quality_section(Page& p, const Report& r) {
    p.add("<section id=\"quality\">\n<h2>Quality</h2>\n");
    if (!r.snv && !r.callable && !r.cnv && !r.summary) {
        p.missing("quality", r, "quality figures");
        p.add("</section>\n");
        return;
    }
    p.add("<dl class=\"facts\">\n");
    if (r.snv) {
        p.fact("Median tumour depth at PASS calls", count(r.tumour_median_depth));
        p.fact("Median normal depth at PASS calls", count(r.normal_median_depth));
        if (!std::isnan(r.snv->normal_typical_depth)) p.fact("Typical normal depth", fixed(r.snv->normal_typical_depth, 0));
        p.fact("Tumour in normal (normal alt fraction / tumour alt fraction at PASS calls)",
               std::isnan(r.tumour_in_normal) ? "NA" : fixed(r.tumour_in_normal, 3));
        const std::string identity = describe_sample_identity(r.snv->sample_identity).text;
        const std::string contamination = describe_contamination(r.snv->tumour_contamination).text;
        p.fact("Sample identity", identity.empty() ? "not reported by the caller" : identity);
        p.fact("Tumour contamination", contamination.empty() ? "not reported by the caller" : contamination);
    }
    if (r.callable) p.fact("Callable territory", fixed(total_length(*r.callable) / 1e6, 4) + " Mb");
    if (r.cnv || r.summary) {
        p.fact("Purity", fixed(r.purity, 2));
        p.fact("Ploidy", fixed(r.ploidy, 2));
        if (r.summary && r.summary->genome_doubled >= 0) p.fact("Whole-genome doubling", r.summary->genome_doubled ? "yes" : "no");
        if (r.summary && !r.summary->sex.empty()) p.fact("Sex", r.summary->sex);
    }
    p.add("</dl>\n");
    if (r.summary && !r.summary->alternatives.empty()) {
        p.add("<h3>Alternative purity and ploidy solutions</h3>\n<table><tr><th>Rank</th><th>Purity</th><th>Ploidy</th>"
              "<th>Score (lower is better)</th><th>Genome doubled</th></tr>\n");
        p.add("<tr><td class=\"n\">1 (chosen)</td><td class=\"n\">" + fixed(r.summary->purity, 2) + "</td><td class=\"n\">" +
              fixed(r.summary->ploidy, 2) + "</td><td class=\"n\">" + fixed(r.summary->score, 4) + "</td><td>" +
              (r.summary->genome_doubled == 1 ? "yes" : "no") + "</td></tr>\n");
        int rank = 2;
        for (const auto& a : r.summary->alternatives) {
            p.add("<tr><td class=\"n\">" + std::to_string(rank++) + "</td><td class=\"n\">" + fixed(a.purity, 2) +
                  "</td><td class=\"n\">" + fixed(a.ploidy, 2) + "</td><td class=\"n\">" + fixed(a.score, 4) + "</td><td>" +
                  (a.doubled ? "yes" : "no") + "</td></tr>\n");
        }
        p.add("</table>\n");
        // Solutions that score the same as the chosen one (as shown, to 4
        // decimals) at another purity: the data do not decide between them,
        // as on a slice of a few kilobases with a single segment.
        int tied = 0;
        double low = r.summary->purity, high = r.summary->purity;
        for (const auto& a : r.summary->alternatives) {
            if (fixed(a.score, 4) == fixed(r.summary->score, 4) && std::fabs(a.purity - r.summary->purity) >= 0.1) {
                ++tied;
                low = std::min(low, a.purity);
                high = std::max(high, a.purity);
            }
        }
        if (tied > 0) {
            p.add("<p class=\"missing\">" + std::to_string(tied) + " other solution" + (tied > 1 ? "s score" : " scores") +
                  " as well as the chosen one, at purities from " + fixed(low, 2) + " to " + fixed(high, 2) +
                  ": the data do not decide the purity and ploidy; read them, and the copy numbers, with care.</p>\n");
        }
    }
    p.add("</section>\n");
}

// Which calls a table shows: PASS calls in a gene (all PASS calls when the
// VCF has no annotation), PASS calls outside genes, filtered calls.
enum class Rows { pass_in_genes, pass_elsewhere, filtered };

bool shown(const Report& r, const Variant& v, Rows rows) {
    const bool annotated = r.snv->annotation != AnnotationSource::none;
    switch (rows) {
        case Rows::pass_in_genes: return v.pass && (!annotated || !v.annotation.gene.empty());
        case Rows::pass_elsewhere: return v.pass && annotated && v.annotation.gene.empty();
        case Rows::filtered: break;
    }
    return !v.pass;
}

size_t count_rows(const Report& r, Rows rows) {
    size_t n = 0;
    for (const auto& v : r.snv->variants) n += shown(r, v, rows);
    return n;
}

void variant_rows(Page& p, const Report& r, Rows rows) {
    const bool pass = rows != Rows::filtered;
    p.add("<table><tr><th>Gene</th><th>Tier</th><th>Consequence</th><th>Protein</th><th>Position</th><th>Change</th>"
          "<th>Type</th>" + std::string(pass ? "" : "<th>Filter</th>") +
          "<th>AF</th><th>Depth</th><th>Normal AF</th><th>Copy number</th></tr>\n");
    for (size_t i : r.variant_order) {
        const Variant& v = r.snv->variants[i];
        if (!shown(r, v, rows)) continue;
        const int g = gene_index(r.genes, v.annotation.gene);
        const std::string tier = g >= 0 ? r.genes[static_cast<size_t>(g)].tier : "";
        p.add(std::string(g >= 0 ? "<tr class=\"goi\">" : "<tr>") + "<td>" + html_escape(v.annotation.gene) + "</td><td>" +
              html_escape(tier) + "</td><td>" + html_escape(v.annotation.consequence) + "</td><td>" +
              html_escape(v.annotation.protein) + "</td><td>" + html_escape(v.chrom + ":" + std::to_string(v.pos)) +
              "</td><td>" + html_escape(v.ref + ">" + v.alt) + "</td><td>" + variant_kind_name(v.kind) + "</td>" +
              (pass ? "" : "<td>" + html_escape(v.filter) + "</td>") + "<td class=\"n\">" + fixed(v.af, 3) +
              "</td><td class=\"n\">" + (v.depth >= 0 ? std::to_string(v.depth) : "NA") + "</td><td class=\"n\">" +
              fixed(v.normal_af, 3) + "</td><td>" + html_escape(r.variant_state[i]) + "</td></tr>\n");
    }
    p.add("</table>\n");
}

void variants_section(Page& p, const Report& r) {
    p.add("<section id=\"variants\">\n<h2>Variants</h2>\n");
    if (!r.snv) {
        p.missing("variants", r, "somatic variants");
        p.add("</section>\n");
        return;
    }
    size_t passed = 0;
    for (const auto& v : r.snv->variants) passed += v.pass;
    const size_t filtered = r.snv->variants.size() - passed;
    p.add("<p>" + std::to_string(passed) + " somatic calls passed every filter; " + std::to_string(filtered) +
          " were filtered. Consequences: " + annotation_source_name(r.snv->annotation) +
          (r.snv->annotation != AnnotationSource::none ? "; the table lists the PASS calls in genes." : ".") +
          (r.genes.empty() ? "" : " Genes of interest are listed first and shaded.") + "</p>\n");
    variant_rows(p, r, Rows::pass_in_genes);
    if (r.snv->annotation != AnnotationSource::none) {
        p.add("<details id=\"pass-outside-genes\"><summary>Show the " + std::to_string(count_rows(r, Rows::pass_elsewhere)) +
              " PASS calls outside annotated genes</summary>\n");
        variant_rows(p, r, Rows::pass_elsewhere);
        p.add("</details>\n");
    }
    p.add("<details id=\"filtered-calls\"><summary>Show the " + std::to_string(filtered) +
          " filtered calls</summary>\n");
    variant_rows(p, r, Rows::filtered);
    p.add("</details>\n<h3>Allele fractions by copy-number state</h3>\n");
    std::vector<AfPoint> points;
    for (size_t i = 0; i < r.snv->variants.size(); ++i) {
        const Variant& v = r.snv->variants[i];
        if (v.pass && !std::isnan(v.af)) points.push_back({v.af, r.variant_state[i]});
    }
    if (!r.cnv) p.missing("af_histogram", r, "copy-number states to colour the histogram by");
    p.add("<figure>" + af_histogram_svg(points) + "</figure>\n</section>\n");
}

void segment_table(Page& p, const std::vector<CnSegment>& segments) {
    p.add("<table><tr><th>Region</th><th>Length (kb)</th><th>Total CN</th><th>Major+minor</th><th>LOH</th>"
          "<th>log2</th></tr>\n");
    for (const auto& s : segments) {
        p.add("<tr><td>" + html_escape(s.chrom + ":" + std::to_string(s.beg + 1) + "-" + std::to_string(s.end)) +
              "</td><td class=\"n\">" + fixed(static_cast<double>(s.end - s.beg) / 1e3, 1) + "</td><td class=\"n\">" +
              (s.total >= 0 ? std::to_string(s.total) : "NA") + "</td><td>" +
              (s.major >= 0 && s.minor >= 0 ? std::to_string(s.major) + "+" + std::to_string(s.minor) : "NA") +
              "</td><td>" + (s.loh ? "yes" : "no") + "</td><td class=\"n\">" + fixed(s.log2, 3) + "</td></tr>\n");
    }
    p.add("</table>\n");
}

void copy_number_section(Page& p, const Report& r) {
    p.add("<section id=\"copy-number\">\n<h2>Copy number</h2>\n");
    if (!r.cnv) {
        p.missing("copy_number", r, "copy-number segments");
        p.add("</section>\n");
        return;
    }
    const std::string sex = r.summary ? r.summary->sex : r.cnv->sex;
    p.add("<figure>" + copy_number_svg(*r.cnv, r.purity, r.ploidy, sex) + "</figure>\n");
    p.add("<h3>Genes of interest</h3>\n");
    if (!missing_input(r, "genes").empty()) {
        p.missing("genes", r, "copy number of genes of interest");
    } else {
        p.add("<table><tr><th>Gene</th><th>Tier</th><th>Note</th><th>Location</th><th>Total CN</th><th>Minor CN</th>"
              "<th>LOH</th><th>State</th></tr>\n");
        for (const auto& g : r.gene_copy_number) {
            p.add("<tr><td>" + html_escape(g.gene.gene) + "</td><td>" + html_escape(g.gene.tier) + "</td><td>" +
                  html_escape(g.gene.note) + "</td><td>" +
                  (g.located ? html_escape(g.where.contig + ":" + std::to_string(g.where.beg + 1) + "-" +
                                           std::to_string(g.where.end))
                             : std::string()) +
                  "</td><td class=\"n\">" + (g.total >= 0 ? std::to_string(g.total) : "NA") + "</td><td class=\"n\">" +
                  (g.minor >= 0 ? std::to_string(g.minor) : "NA") + "</td><td>" + (g.loh ? "yes" : "no") + "</td><td>" +
                  html_escape(g.state) + "</td></tr>\n");
        }
        p.add("</table>\n");
    }
    p.add("<h3>Amplifications</h3>\n");
    if (r.amplifications.empty()) p.add("<p>None (total copy number at least twice the ploidy and at least 5).</p>\n");
    else segment_table(p, r.amplifications);
    p.add("<h3>Homozygous deletions</h3>\n");
    if (r.homozygous_deletions.empty()) p.add("<p>None (total copy number 0).</p>\n");
    else segment_table(p, r.homozygous_deletions);
    p.add("<details><summary>All " + std::to_string(r.cnv->segments.size()) + " segments</summary>\n");
    segment_table(p, r.cnv->segments);
    p.add("</details>\n</section>\n");
}

// `empty_because`: why the territory can be empty, said when it is.
void burden_facts(Page& p, const char* what, const Burden& b, const std::string& empty_because) {
    if (!(b.territory_bp > 0)) return p.fact(what, "not computed: " + empty_because);
    p.fact(what, fixed(b.per_mb, 2) + " mutations per Mb (" + std::to_string(b.snvs) + " SNVs, " +
                     std::to_string(b.mnvs) + " MNVs, " + std::to_string(b.indels) + " indels over " +
                     fixed(b.territory_bp / 1e6, 4) + " Mb)");
}

void biomarkers_section(Page& p, const Report& r) {
    p.add("<section id=\"biomarkers\">\n<h2>Biomarkers</h2>\n<h3>Tumour mutational burden</h3>\n");
    if (r.tmb) {
        p.add("<dl class=\"facts\">\n");
        const std::string no_callable =
            "the callable territory is empty (no position where both samples had the depth and mapping quality to call)";
        burden_facts(p, "TMB", r.tmb->all, no_callable);
        if (r.tmb->coding_computed) {
            burden_facts(p, "Coding TMB", r.tmb->coding,
                         !(r.tmb->all.territory_bp > 0) ? no_callable
                         : r.tmb->annotation_has_cds
                             ? "no coding sequence (CDS) of the annotation lies in the callable territory"
                             : "the annotation has no CDS feature (give one with coding sequences, as Ensembl's GFF3)");
        }
        p.add("</dl>\n");
        if (!r.tmb->coding_computed) p.missing("coding_tmb", r, "coding TMB");
    } else {
        p.missing("tmb", r, "TMB");
    }
    p.add("<h3>Microsatellite instability</h3>\n");
    if (r.msi) {
        p.add("<dl class=\"facts\">\n");
        p.fact("Status", r.msi->determined() ? r.msi->status
                                             : "not determined (no microsatellite had enough reads in both samples)");
        p.fact("Unstable sites", count(r.msi->sites_unstable) + " of " + count(r.msi->sites_tested) + " (" +
                                     fixed(r.msi->percent_unstable, 2) + "%; MSI-H at " + fixed(r.msi->threshold, 2) + "%)");
        p.add("</dl>\n");
    } else {
        p.missing("msi", r, "MSI result");
    }
    p.add("<h3>Homologous-recombination deficiency</h3>\n");
    if (!r.summary) {
        p.missing("hrd", r, "HRD score");
    } else if (!r.summary->hrd.any()) {
        p.add("<p class=\"missing\">HRD score not computed: " + html_escape(r.summary->name) +
              " has no hrd_* columns (a somatic-cnv that writes them is needed).</p>\n");
    } else {
        const HrdScores& h = r.summary->hrd;
        const auto why = hrd_not_measured(h);
        p.add("<dl class=\"facts\">\n");
        // An NA value says why it is missing, never a bare NA or a blank.
        auto one = [&](const char* name, const char* key, bool has, double v, int digits) {
            if (!has) return p.fact(name, "not computed (no such column in the summary)");
            for (const auto& [k, reason] : why) {
                if (k == key) return p.fact(name, "not measured: " + reason);
            }
            p.fact(name, fixed(v, digits));
        };
        one("HRD-LOH", "loh", h.has_loh, h.loh, 0);
        one("Telomeric allelic imbalance (TAI)", "tai", h.has_tai, h.tai, 0);
        one("Large-scale state transitions (LST)", "lst", h.has_lst, h.lst, 0);
        one("HRD sum", "sum", h.has_sum, h.sum, 0);
        one("Fraction of the genome altered", "fraction_genome_altered", h.has_fga, h.fraction_genome_altered, 3);
        if (r.summary->genome_doubled >= 0) p.fact("Whole-genome doubling", r.summary->genome_doubled ? "yes" : "no");
        p.add("</dl>\n<p>Counted as scarHRD counts them; HR deficiency is called at an HRD sum of 42 or more on "
              "whole human genomes (Telli et al. 2016), and a smaller genome scores less.</p>\n");
    }
    p.add("<h3>Mutational signatures</h3>\n");
    if (!r.exposures) {
        p.missing("signatures", r, "signature exposures");
    } else {
        const ExposuresInput& e = *r.exposures;
        p.add("<p>" + count(e.mutations) + " mutations of sample " + html_escape(e.sample) + ", cosine similarity of the fit " +
              fixed(e.cosine, 3) + ". A signature of therapeutic interest is flagged when the lower bound of its "
              "bootstrap interval is above zero" + (e.intervals ? "" : "; this fit has no bootstrap, so none is") +
              ".</p>\n<table><tr><th>Signature</th><th>Exposure</th><th>95% interval</th><th>Interest</th></tr>\n");
        for (const auto& s : e.signatures) {
            if (!(s.exposure > 0) && !(s.high > 0)) continue;
            std::string interest;
            for (const auto& f : r.signature_flags) {
                if (f.signature == s.name) {
                    interest = f.confident ? "<span class=\"flag\">flagged: " + html_escape(f.meaning) + "</span>"
                                           : html_escape(f.meaning) + " (interval reaches 0: not flagged)";
                }
            }
            p.add("<tr><td>" + html_escape(s.name) + "</td><td class=\"n\">" + fixed(s.exposure, 1) + "</td><td class=\"n\">" +
                  (std::isnan(s.low) ? "NA" : fixed(s.low, 1) + " to " + fixed(s.high, 1)) + "</td><td>" + interest +
                  "</td></tr>\n");
        }
        p.add("</table>\n");
        if (r.catalogue) p.add("<figure>" + spectrum_svg(*r.catalogue, r.inputs.catalogue, e) + "</figure>\n");
        else p.missing("spectrum", r, "mutational spectrum");
    }
    p.add("</section>\n");
}

}  // namespace

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string format_html(const Report& r) {
    Page p;
    const std::string title = "Somatic report: " + (r.tumour.empty() ? std::string("unnamed sample") : r.tumour);
    p.add("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // No request leaves the page: not even a favicon (an empty data URL).
    p.add("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          "img-src data:\">\n<link rel=\"icon\" href=\"data:,\">\n");
    p.add("<title>" + html_escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n");
    p.add("<h1>" + html_escape(title) + "</h1>\n");
    p.add("<nav><a href=\"#run\">Sample and run</a> | <a href=\"#quality\">Quality</a> | <a href=\"#variants\">Variants</a> | "
          "<a href=\"#copy-number\">Copy number</a> | <a href=\"#biomarkers\">Biomarkers</a> | "
          "<a href=\"#methods\">Methods</a></nav>\n");
    run_section(p, r);
    quality_section(p, r);
    variants_section(p, r);
    copy_number_section(p, r);
    biomarkers_section(p, r);
    p.add("<section id=\"methods\">\n<h2>Methods</h2>\n<p>" + html_escape(r.methods) + "</p>\n</section>\n");
    p.add("</body>\n</html>\n");
    return p.s;
}

}  // namespace somatic::report
