#include "libsomatic/snv/filters.hpp"

#include <sstream>

#include "libsomatic/stats/binomial.hpp"
#include "libsomatic/stats/fisher.hpp"

namespace somatic::snv {

namespace {
std::string fmt(double x) {
    std::ostringstream s;
    s << x;
    return s.str();
}
}  // namespace

namespace {

// The matched-normal definitions with LowDepth and HighDepth on the
// tumour, no NormalAlt, and Germline.
std::vector<FilterDefinition> tumour_only_definitions(const FilterThresholds& t) {
    auto defs = filter_definitions(t, false);
    std::erase_if(defs, [](const FilterDefinition& d) { return std::string(d.id) == "NormalAlt"; });
    for (auto& d : defs) {
        const std::string id = d.id;
        if (id == "LowDepth") d.description = "Tumour depth below " + fmt(t.min_tumour_depth) + " (--min-tumour-depth)";
        if (id == "HighDepth") {
            d.description = "Tumour depth above " + fmt(t.max_normal_depth_factor) +
                            " x its typical depth where it has reads (##tumour_typical_depth; with --targets, its "
                            "depth on the call's target): a collapsed repeat, or a high-level amplification "
                            "(--max-normal-depth-factor)";
        }
    }
    defs.push_back({"Germline", "Tumour-only mode: posterior probability that the site is a germline variant "
                                "(INFO/PGERM) above " +
                                    fmt(t.max_germline_probability) + " (--max-germline-probability)"});
    return defs;
}

}  // namespace

std::vector<FilterDefinition> filter_definitions(const FilterThresholds& t, bool tumour_only) {
    if (tumour_only) return tumour_only_definitions(t);
    return {
        {"LowQSS", "Somatic quality QSS below " + fmt(t.min_qss) + " (--min-qss)"},
        {"LowDepth", "Tumour depth below " + fmt(t.min_tumour_depth) + " or normal depth below " +
                         fmt(t.min_normal_depth) + " (--min-tumour-depth, --min-normal-depth)"},
        {"NormalAlt", "Normal has more than " + fmt(t.max_normal_alt_reads) +
                          " alt reads, more than tumour-in-normal contamination at " + fmt(t.max_normal_alt_ratio) +
                          " x the tumour's alt fraction explains (binomial tail Phred above " +
                          fmt(t.max_normal_alt_phred) +
                          "; --max-normal-alt-reads, --max-normal-alt-ratio, --max-normal-alt-phred)"},
        {"StrandBias", "Alt reads' strands differ from ref reads' (Fisher Phred above " + fmt(t.max_strand_bias) +
                           ", --max-strand-bias), or all alt reads on one strand and P(artefact) above 0.5 given the "
                           "sample's learned rate (INFO/SAP)"},
        {"ReadEnd", "Median distance of alt bases to the read end below " + fmt(t.min_end_distance) +
                        " and alt reads that near an end more often than ref reads (Fisher Phred above " +
                        fmt(t.max_read_end_bias) + "; --min-end-distance, --max-read-end-bias)"},
        {"LowMapQ", "Median mapping quality of alt reads below " + fmt(t.min_alt_mapq) + " (--min-alt-mapq)"},
        {"Clustered", "More than " + fmt(t.max_cluster_events) + " other candidate events within " +
                          fmt(t.cluster_window) + " bp (--max-cluster-events, --cluster-window)"},
        {"MultiAllelic", "A second alternative allele has real support in the tumour"},
        {"HighDepth", "Normal depth above " + fmt(t.max_normal_depth_factor) +
                          " x its typical depth where it has reads (##normal_typical_depth; with --targets, "
                          "its depth on the call's target): a collapsed repeat (--max-normal-depth-factor)"},
        {"OrientationBias", "Alt reads' F1R2/F2R1 orientations differ from ref reads' (Fisher Phred above " +
                                fmt(t.max_orientation_bias) + ", --max-orientation-bias), or all alt reads in one orientation and "
                                "P(artefact) above 0.5 given the sample's learned rate (INFO/OAP): FFPE or 8-oxoG "
                                "artefact"},
        {"PopulationAF", "Population allele frequency in the germline resource above " + fmt(t.max_population_af) +
                             " (--max-population-af)"},
        {"PanelOfNormals", "Present in the panel of normals"},
    };
}

std::vector<FilterDefinition> indel_filter_definitions(const FilterThresholds& t) {
    return {
        {"RepeatSlippage", "Indel in a repeat with a tumour allele fraction below " + fmt(t.min_slippage_ratio) +
                               " x the learned error rate of its repeat context (##indel_error_rates, INFO/IER; "
                               "--min-slippage-ratio)"},
        {"NearbyGermlineIndel", "Another indel within " + fmt(t.germline_indel_window) +
                                    " bp is in at least " + fmt(t.min_germline_indel_fraction) +
                                    " of the normal's reads (tumour-only mode: looks germline; "
                                    "--germline-indel-window, --min-germline-indel-fraction)"},
        {"NearIndel", "Substitution with an indel candidate within " + fmt(t.near_indel_window) +
                          " bp that explains at least " + fmt(t.max_near_indel_fraction) +
                          " of its tumour alt reads better (reads aligned with mismatches instead of the indel; "
                          "--near-indel-window, --max-near-indel-fraction)"},
    };
}

SiteAudit audit(const SampleSiteStats& t, const SampleSiteStats& normal, const FilterThresholds& thresholds) {
    SiteAudit a;
    a.normal_alt_phred = stats::phred(stats::binomial_upper_tail(
        normal.alt, normal.depth, thresholds.max_normal_alt_ratio * t.alt_fraction()));
    a.strand_bias_phred = stats::phred(
        stats::fisher_exact_two_sided(t.ref_forward, t.ref_reverse, t.alt_forward, t.alt_reverse));
    a.read_end_bias_phred = stats::phred(stats::fisher_exact_two_sided(
        t.ref_near_end, t.ref - t.ref_near_end, t.alt_near_end, t.alt - t.alt_near_end));
    a.orientation_bias_phred =
        stats::phred(stats::fisher_exact_two_sided(t.ref_f1r2, t.ref_f2r1, t.alt_f1r2, t.alt_f2r1));
    return a;
}

std::vector<const char*> apply_filters(double qss, const SampleSiteStats& tumour, const SampleSiteStats& normal,
                                       const SiteAudit& a, const SiteContext& c, const FilterThresholds& t) {
    std::vector<const char*> failed;
    if (qss < t.min_qss) failed.push_back("LowQSS");
    if (tumour.depth < t.min_tumour_depth || (!c.tumour_only && normal.depth < t.min_normal_depth)) {
        failed.push_back("LowDepth");
    }
    if (!c.tumour_only && normal.alt > t.max_normal_alt_reads && a.normal_alt_phred > t.max_normal_alt_phred) {
        failed.push_back("NormalAlt");
    }
    if (a.strand_bias_phred > t.max_strand_bias || a.strand_artefact_probability > 0.5) {
        failed.push_back("StrandBias");
    }
    // The median alone fires by chance on a call of two or three reads; the
    // Fisher test asks whether the site's ref reads show the same pattern.
    if (tumour.alt > 0 && tumour.alt_median_end_distance < t.min_end_distance &&
        a.read_end_bias_phred > t.max_read_end_bias) {
        failed.push_back("ReadEnd");
    }
    if (tumour.alt > 0 && tumour.alt_median_mapq < t.min_alt_mapq) failed.push_back("LowMapQ");
    if (c.nearby_events > t.max_cluster_events) failed.push_back("Clustered");
    if (c.second_alt) failed.push_back("MultiAllelic");
    // Without a normal, the tumour's depth against its own typical depth.
    const uint32_t depth = c.tumour_only ? tumour.depth : normal.depth;
    if (c.normal_typical_depth > 0 && depth > t.max_normal_depth_factor * c.normal_typical_depth) {
        failed.push_back("HighDepth");
    }
    if (a.orientation_bias_phred > t.max_orientation_bias || a.orientation_artefact_probability > 0.5) {
        failed.push_back("OrientationBias");
    }
    if (c.population_af > t.max_population_af) failed.push_back("PopulationAF");
    if (c.in_panel_of_normals) failed.push_back("PanelOfNormals");
    if (c.indel_explained_fraction > 0 && c.indel_explained_fraction >= t.max_near_indel_fraction) {
        failed.push_back("NearIndel");
    }
    if (c.tumour_only && c.germline_probability > t.max_germline_probability) failed.push_back("Germline");
    return failed;
}

}  // namespace somatic::snv
