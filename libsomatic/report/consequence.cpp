#include "libsomatic/report/consequence.hpp"

#include <array>
#include <utility>

namespace somatic::report {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (true) {
        const size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return out;
}

std::string field(const std::vector<std::string_view>& f, int i) {
    if (i < 0 || static_cast<size_t>(i) >= f.size()) return {};
    return std::string(f[static_cast<size_t>(i)]);
}

// VEP's HGVSp is "ENSP00000269305.4:p.Arg175His": keep the protein change.
std::string strip_protein_id(std::string p) {
    const size_t colon = p.find(':');
    if (colon != std::string::npos) p = p.substr(colon + 1);
    // VEP escapes '=' in synonymous changes as %3D.
    for (size_t at; (at = p.find("%3D")) != std::string::npos;) p.replace(at, 3, "=");
    return p;
}

}  // namespace

const char* annotation_source_name(AnnotationSource source) {
    switch (source) {
        case AnnotationSource::bcsq: return "bcftools csq (BCSQ)";
        case AnnotationSource::vep_csq: return "Ensembl VEP (CSQ)";
        case AnnotationSource::snpeff_ann: return "SnpEff (ANN)";
        case AnnotationSource::none: break;
    }
    return "none";
}

std::vector<Consequence> parse_bcsq(std::string_view value) {
    std::vector<Consequence> out;
    if (value.empty() || value == ".") return out;
    for (std::string_view entry : split(value, ',')) {
        if (entry.empty() || entry.front() == '@') continue;  // the consequence sits at another record
        const auto f = split(entry, '|');
        Consequence c;
        c.consequence = field(f, 0);
        // A leading '*' marks a consequence downstream of a stop or frameshift.
        if (!c.consequence.empty() && c.consequence.front() == '*') c.consequence.erase(0, 1);
        c.gene = field(f, 1);
        c.protein = field(f, 5);
        out.push_back(std::move(c));
    }
    return out;
}

CsqLayout csq_layout(std::string_view description) {
    CsqLayout layout;
    const size_t at = description.find("Format: ");
    if (at == std::string_view::npos) return layout;
    std::string_view names = description.substr(at + 8);
    while (!names.empty() && (names.back() == '"' || names.back() == ' ')) names.remove_suffix(1);
    const auto f = split(names, '|');
    for (size_t i = 0; i < f.size(); ++i) {
        const int index = static_cast<int>(i);
        if (f[i] == "Consequence") layout.consequence = index;
        else if (f[i] == "SYMBOL") layout.symbol = index;
        else if (f[i] == "Gene") layout.gene = index;
        else if (f[i] == "HGVSp") layout.hgvsp = index;
    }
    return layout;
}

std::vector<Consequence> parse_csq(std::string_view value, const CsqLayout& layout) {
    std::vector<Consequence> out;
    if (value.empty() || value == "." || !layout.usable()) return out;
    for (std::string_view entry : split(value, ',')) {
        const auto f = split(entry, '|');
        Consequence c;
        c.consequence = field(f, layout.consequence);
        c.gene = field(f, layout.symbol);
        if (c.gene.empty()) c.gene = field(f, layout.gene);
        c.protein = strip_protein_id(field(f, layout.hgvsp));
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<Consequence> parse_ann(std::string_view value) {
    std::vector<Consequence> out;
    if (value.empty() || value == ".") return out;
    for (std::string_view entry : split(value, ',')) {
        const auto f = split(entry, '|');
        if (f.size() < 4) continue;
        Consequence c;
        c.consequence = field(f, 1);
        c.gene = field(f, 3);
        c.protein = field(f, 10);
        out.push_back(std::move(c));
    }
    return out;
}

int severity(std::string_view consequence) {
    // Sequence Ontology terms (VEP, SnpEff) and bcftools csq's short names,
    // grouped by the effect on the protein.
    static constexpr std::array<std::pair<std::string_view, int>, 31> kTerms{{
        {"transcript_ablation", 10}, {"splice_acceptor_variant", 9}, {"splice_donor_variant", 9},
        {"splice_acceptor", 9}, {"splice_donor", 9}, {"stop_gained", 9}, {"initiator_codon_variant", 8},
        {"frameshift_variant", 9}, {"frameshift", 9}, {"stop_lost", 8}, {"start_lost", 8},
        {"missense_variant", 6}, {"missense", 6}, {"inframe_insertion", 6}, {"inframe_deletion", 6},
        {"inframe_altering", 6}, {"protein_altering_variant", 6}, {"splice_region_variant", 4},
        {"splice_region", 4}, {"synonymous_variant", 3}, {"synonymous", 3}, {"stop_retained_variant", 3},
        {"stop_retained", 3}, {"start_retained_variant", 3}, {"start_retained", 3}, {"5_prime_UTR_variant", 2},
        {"3_prime_UTR_variant", 2}, {"5_prime_utr", 2}, {"3_prime_utr", 2}, {"intron_variant", 1}, {"intron", 1},
    }};
    int worst = 0;
    for (std::string_view term : split(consequence, '&')) {
        for (const auto& [name, rank] : kTerms) {
            if (term == name && rank > worst) worst = rank;
        }
    }
    return worst;
}

Consequence most_severe(const std::vector<Consequence>& all) {
    if (all.empty()) return {};
    size_t best = 0;
    for (size_t i = 1; i < all.size(); ++i) {
        if (severity(all[i].consequence) > severity(all[best].consequence)) best = i;
    }
    return all[best];
}

}  // namespace somatic::report
