#include "libsomatic/report/annotation.hpp"

#include <sstream>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/table_reader.hpp"

namespace somatic::report {

namespace {

std::string attribute(std::string_view attributes, std::string_view key) {
    size_t start = 0;
    while (start < attributes.size()) {
        size_t semi = attributes.find(';', start);
        if (semi == std::string_view::npos) semi = attributes.size();
        const std::string_view kv = attributes.substr(start, semi - start);
        if (kv.size() > key.size() && kv.substr(0, key.size()) == key && kv[key.size()] == '=') {
            return std::string(kv.substr(key.size() + 1));
        }
        start = semi + 1;
    }
    return {};
}

}  // namespace

GeneAnnotation read_gff3(const std::string& path) {
    TableReader lines(path);
    GeneAnnotation a;
    a.name = lines.name();
    std::string_view line;
    std::vector<std::string_view> f;
    while (lines.next(line)) {
        if (line.starts_with("##FASTA")) break;
        if (line.starts_with("##sequence-region")) {
            std::istringstream in{std::string(line.substr(17))};
            std::string seq;
            int64_t beg = 0, end = 0;
            if (in >> seq >> beg >> end) a.sequence_regions.push_back(Contig{seq, end});
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        split_tabs(line, f);
        const TableLocus at = lines.locus();
        if (f.size() < 9) wrong_width(9, f.size(), at, false, "is this a GFF3 file?");
        const std::string_view type = f[2];
        if (type != "gene" && type != "CDS") continue;
        Interval where;
        where.contig = std::string(f[0]);
        where.beg = parse_integer(f[3], at, "start") - 1;  // GFF3 is 1-based inclusive
        where.end = parse_integer(f[4], at, "end");
        if (where.beg < 0 || where.end <= where.beg) {
            throw input_error(a.name, "a feature with start " + std::string(f[3]) + " and end " + std::string(f[4]),
                              at.where(), "GFF3 coordinates are 1-based, start <= end");
        }
        if (type == "CDS") {
            a.cds.push_back(std::move(where));
            continue;
        }
        Gene g;
        g.name = attribute(f[8], "Name");
        if (g.name.empty()) g.name = attribute(f[8], "gene_name");
        if (g.name.empty()) {
            g.name = attribute(f[8], "ID");
            if (g.name.starts_with("gene:")) g.name.erase(0, 5);
        }
        g.where = std::move(where);
        a.genes.push_back(std::move(g));
    }
    // An empty file, or another format whose third column is never 'gene'
    // or 'CDS' (a VCF's IDs): nothing to place genes or coding TMB with.
    if (a.genes.empty() && a.cds.empty() && a.sequence_regions.empty()) {
        throw input_error(a.name, lines.line_number() == 0 ? "the file is empty" : "holds no gene or CDS feature", {},
                          "is this a GFF3 file? give the annotation the VCF was annotated with");
    }
    return a;
}

void check_same_build(const GeneAnnotation& a, const ContigDict& vcf, const std::string& vcf_name) {
    if (vcf.empty()) return;  // a VCF without ##contig lines: nothing to compare with
    const std::string hint = "the annotation and " + vcf_name + " must be of one reference build";
    bool shared = false;
    for (const auto& r : a.sequence_regions) {
        const Contig* c = vcf.find(r.name);
        if (!c) continue;
        shared = true;
        if (c->length > 0 && c->length != r.length) {
            throw input_error(a.name, "##sequence-region " + r.name + " is " + std::to_string(r.length) + " bp long, " +
                                          vcf_name + " says " + std::to_string(c->length) + " bp", {}, hint);
        }
    }
    auto check_feature = [&](const Interval& i) {
        const Contig* c = vcf.find(i.contig);
        if (!c) return;
        shared = true;
        if (c->length > 0 && i.end > c->length) {
            throw input_error(a.name, "a feature ends at " + i.contig + ":" + std::to_string(i.end) + ", past the " +
                                          std::to_string(c->length) + " bp " + vcf_name + " gives " + i.contig, {},
                              hint);
        }
    };
    for (const auto& g : a.genes) check_feature(g.where);
    for (const auto& i : a.cds) check_feature(i);
    if (!shared && (!a.genes.empty() || !a.sequence_regions.empty())) {
        std::string first = !a.genes.empty() ? a.genes.front().where.contig : a.sequence_regions.front().name;
        const std::string suggestion = vcf.suggest(first);
        throw input_error(a.name, "names none of the contigs of " + vcf_name + " (it has '" + first + "')", {},
                          suggestion.empty() ? hint : hint + "; " + suggestion);
    }
}

}  // namespace somatic::report
