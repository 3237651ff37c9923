#include "libsomatic/report/genes_of_interest.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/table_reader.hpp"

namespace somatic::report {

namespace {

bool tier_before(const std::string& a, const std::string& b) {
    if (a.empty() != b.empty()) return b.empty();  // no tier last
    if (is_number(a) && is_number(b)) return std::atof(a.c_str()) < std::atof(b.c_str());
    return a < b;
}

}  // namespace

std::vector<GeneOfInterest> read_genes_of_interest(const std::string& path) {
    TableReader lines(path);
    std::vector<GeneOfInterest> list;
    std::string_view line;
    std::vector<std::string_view> f;
    bool first = true;
    while (lines.next(line)) {
        if (line.empty() || line[0] == '#') {
            first = false;
            continue;
        }
        split_tabs(line, f);
        std::string gene(f[0]);
        std::string lower = gene;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (first && (lower == "gene" || lower == "symbol")) {
            first = false;
            continue;
        }
        first = false;
        if (gene.empty()) throw input_error(lines.name(), "an empty gene name", lines.locus().where());
        GeneOfInterest g{gene, f.size() > 1 ? std::string(f[1]) : std::string(), {}};
        for (size_t i = 2; i < f.size(); ++i) g.note += (i > 2 ? " " : "") + std::string(f[i]);
        list.push_back(std::move(g));
    }
    return list;
}

int gene_index(const std::vector<GeneOfInterest>& list, const std::string& gene) {
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i].gene == gene) return static_cast<int>(i);
    }
    return -1;
}

std::vector<size_t> order_variants(const std::vector<Variant>& variants, const std::vector<GeneOfInterest>& list) {
    std::vector<size_t> order(variants.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<int> index(variants.size());
    for (size_t i = 0; i < variants.size(); ++i) index[i] = gene_index(list, variants[i].annotation.gene);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const int ia = index[a], ib = index[b];
        if ((ia >= 0) != (ib >= 0)) return ia >= 0;
        if (ia < 0) return false;  // both outside the list: the VCF's order
        const std::string &ta = list[static_cast<size_t>(ia)].tier, &tb = list[static_cast<size_t>(ib)].tier;
        if (tier_before(ta, tb)) return true;
        if (tier_before(tb, ta)) return false;
        return ia < ib;
    });
    return order;
}

}  // namespace somatic::report
