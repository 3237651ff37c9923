#include "libsomatic/report/json_writer.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace somatic::report {

namespace {

using Json = nlohmann::ordered_json;

Json number(double v) { return std::isnan(v) || std::isinf(v) ? Json(nullptr) : Json(v); }
Json integer(int64_t v) { return v < 0 ? Json(nullptr) : Json(v); }
Json text(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
// A count read from a table as a real: an integer in the JSON.
Json whole(double v) {
    return std::isnan(v) || std::isinf(v) ? Json(nullptr) : Json(static_cast<int64_t>(std::llround(v)));
}

Json burden(const Burden& b) {
    return Json{{"per_mb", number(b.per_mb)}, {"snvs", b.snvs}, {"mnvs", b.mnvs}, {"indels", b.indels},
                {"territory_bp", b.territory_bp}, {"outside_territory", b.outside}};
}

Json segment(const CnSegment& s) {
    return Json{{"chrom", s.chrom}, {"start", s.beg}, {"end", s.end}, {"log2", number(s.log2)},
                {"baf", number(s.baf)}, {"total_cn", integer(s.total)}, {"major_cn", integer(s.major)},
                {"minor_cn", integer(s.minor)}, {"loh", s.loh}, {"subclonal", s.subclonal}, {"state", s.state()}};
}

Json variants(const Report& r) {
    Json list = Json::array();
    for (size_t i : r.variant_order) {
        const Variant& v = r.snv->variants[i];
        const int g = gene_index(r.genes, v.annotation.gene);
        list.push_back(Json{{"chrom", v.chrom}, {"pos", v.pos}, {"ref", v.ref}, {"alt", v.alt},
                            {"type", variant_kind_name(v.kind)}, {"filter", v.filter}, {"pass", v.pass},
                            {"gene", text(v.annotation.gene)}, {"consequence", text(v.annotation.consequence)},
                            {"protein_change", text(v.annotation.protein)}, {"gene_of_interest", g >= 0},
                            {"tier", g >= 0 ? text(r.genes[static_cast<size_t>(g)].tier) : Json(nullptr)},
                            {"af", number(v.af)}, {"depth", integer(v.depth)}, {"alt_reads", integer(v.alt_reads)},
                            {"normal_af", number(v.normal_af)}, {"normal_depth", integer(v.normal_depth)},
                            {"copy_number_state", r.variant_state[i]}});
    }
    return list;
}

Json missing(const Report& r, std::initializer_list<const char*> sections) {
    Json m = Json::object();
    for (const char* s : sections) {
        const std::string need = missing_input(r, s);
        if (!need.empty()) m[s] = need;
    }
    return m;
}

}  // namespace

std::string format_json(const Report& r) {
    Json j;
    j["schema_version"] = kReportSchemaVersion;
    j["report"] = Json{{"tool", "somatic-report"}, {"version", r.inputs.version}, {"date", r.inputs.date},
                       {"command_line", text(r.inputs.command_line)}};
    j["sample"] = Json{{"tumour", text(r.tumour)}, {"normal", text(r.normal)}};
    Json inputs = Json::object();
    auto input = [&](const char* name, const std::string& path) { inputs[name] = text(path); };
    input("snv", r.inputs.snv);
    input("callable", r.inputs.callable);
    input("cnv", r.inputs.cnv);
    input("cnv_summary", r.inputs.cnv_summary);
    input("signatures", r.inputs.signatures);
    input("catalogue", r.inputs.catalogue);
    input("msi", r.inputs.msi);
    input("annotation", r.inputs.annotation);
    input("genes_of_interest", r.inputs.genes_of_interest);
    j["inputs"] = inputs;
    Json tools = Json::array();
    for (const auto& t : r.tools) {
        tools.push_back(Json{{"tool", t.tool}, {"version", text(t.version)}, {"command", text(t.command)}, {"input", t.input}});
    }
    j["tools"] = tools;
    j["reference"] = r.snv ? Json{{"name", text(r.snv->reference)}, {"contigs", r.snv->contigs.size()},
                                  {"length_bp", r.snv->contigs.total_length()}}
                           : Json(nullptr);
    j["warnings"] = r.warnings;
    j["gaps"] = r.snv ? Json(r.snv->gaps) : Json::array();

    Json q;
    q["tumour_median_depth"] = number(r.tumour_median_depth);
    q["normal_median_depth"] = number(r.normal_median_depth);
    q["normal_typical_depth"] = r.snv ? number(r.snv->normal_typical_depth) : Json(nullptr);
    q["tumour_in_normal"] = number(r.tumour_in_normal);
    q["sample_identity"] = r.snv ? text(r.snv->sample_identity) : Json(nullptr);
    q["tumour_contamination"] = r.snv ? text(r.snv->tumour_contamination) : Json(nullptr);
    q["callable_mb"] = r.callable ? Json(total_length(*r.callable) / 1e6) : Json(nullptr);
    q["purity"] = number(r.purity);
    q["ploidy"] = number(r.ploidy);
    q["genome_doubled"] = r.summary && r.summary->genome_doubled >= 0 ? Json(r.summary->genome_doubled == 1) : Json(nullptr);
    Json alts = Json::array();
    if (r.summary) {
        for (const auto& a : r.summary->alternatives) {
            alts.push_back(Json{{"purity", number(a.purity)}, {"ploidy", number(a.ploidy)}, {"score", number(a.score)},
                                {"genome_doubled", a.doubled}});
        }
    }
    q["alternative_solutions"] = alts;
    j["quality"] = q;

    j["variants"] = r.snv ? variants(r) : Json(nullptr);

    if (r.cnv) {
        Json cn;
        Json segs = Json::array(), amps = Json::array(), dels = Json::array(), genes = Json::array();
        for (const auto& s : r.cnv->segments) segs.push_back(segment(s));
        for (const auto& s : r.amplifications) amps.push_back(segment(s));
        for (const auto& s : r.homozygous_deletions) dels.push_back(segment(s));
        for (const auto& g : r.gene_copy_number) {
            genes.push_back(Json{{"gene", g.gene.gene}, {"tier", text(g.gene.tier)}, {"note", text(g.gene.note)},
                                 {"located", g.located},
                                 {"chrom", g.located ? Json(g.where.contig) : Json(nullptr)},
                                 {"start", g.located ? Json(g.where.beg) : Json(nullptr)},
                                 {"end", g.located ? Json(g.where.end) : Json(nullptr)},
                                 {"total_cn", integer(g.total)}, {"minor_cn", integer(g.minor)}, {"loh", g.loh},
                                 {"state", g.state}});
        }
        cn["segments"] = segs;
        cn["amplifications"] = amps;
        cn["homozygous_deletions"] = dels;
        cn["genes_of_interest"] = genes;
        j["copy_number"] = cn;
    } else {
        j["copy_number"] = nullptr;
    }

    Json b;
    b["tmb"] = r.tmb ? Json{{"all", burden(r.tmb->all)},
                            {"coding", r.tmb->coding_computed ? burden(r.tmb->coding) : Json(nullptr)}}
                     : Json(nullptr);
    b["msi"] = r.msi ? Json{{"status", r.msi->status}, {"sites_tested", whole(r.msi->sites_tested)},
                            {"sites_unstable", whole(r.msi->sites_unstable)},
                            {"percent_unstable", number(r.msi->percent_unstable)}, {"threshold", number(r.msi->threshold)}}
                     : Json(nullptr);
    if (r.summary && r.summary->hrd.any()) {
        const HrdScores& h = r.summary->hrd;
        Json why = Json::object();
        for (const auto& [key, reason] : hrd_not_measured(h)) why[key] = reason;
        b["hrd"] = Json{{"loh", h.has_loh ? whole(h.loh) : Json(nullptr)}, {"tai", h.has_tai ? whole(h.tai) : Json(nullptr)},
                        {"lst", h.has_lst ? whole(h.lst) : Json(nullptr)}, {"sum", h.has_sum ? whole(h.sum) : Json(nullptr)},
                        {"fraction_genome_altered", h.has_fga ? number(h.fraction_genome_altered) : Json(nullptr)},
                        {"genome_doubled", r.summary->genome_doubled >= 0 ? Json(r.summary->genome_doubled == 1) : Json(nullptr)},
                        {"not_measured", why}};
    } else {
        b["hrd"] = nullptr;
    }
    if (r.exposures) {
        Json sigs = Json::array(), flags = Json::array();
        for (const auto& s : r.exposures->signatures) {
            sigs.push_back(Json{{"name", s.name}, {"exposure", number(s.exposure)}, {"low", number(s.low)},
                                {"high", number(s.high)}});
        }
        for (const auto& f : r.signature_flags) {
            flags.push_back(Json{{"signature", f.signature}, {"meaning", f.meaning}, {"exposure", number(f.exposure)},
                                 {"low", number(f.low)}, {"high", number(f.high)}, {"confident", f.confident}});
        }
        b["signatures"] = Json{{"sample", r.exposures->sample}, {"mutations", number(r.exposures->mutations)},
                               {"cosine", number(r.exposures->cosine)}, {"intervals", r.exposures->intervals},
                               {"exposures", sigs}, {"flags", flags}};
    } else {
        b["signatures"] = nullptr;
    }
    j["biomarkers"] = b;
    j["missing"] = missing(r, {"quality", "variants", "copy_number", "genes", "tmb", "coding_tmb", "msi", "hrd",
                               "signatures", "spectrum"});
    j["methods"] = r.methods;
    return j.dump(2) + "\n";
}

}  // namespace somatic::report
