#include "libsomatic/snv/filters.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace somatic::snv;

namespace {
SampleSiteStats sample(uint32_t ref, uint32_t alt) {
    SampleSiteStats s;
    s.depth = ref + alt;
    s.ref = ref;
    s.alt = alt;
    s.ref_forward = ref / 2;
    s.ref_reverse = ref - ref / 2;
    s.alt_forward = alt / 2;
    s.alt_reverse = alt - alt / 2;
    s.ref_f1r2 = ref / 2;
    s.ref_f2r1 = ref - ref / 2;
    s.alt_f1r2 = alt / 2;
    s.alt_f2r1 = alt - alt / 2;
    s.alt_median_mapq = 60;
    s.alt_median_end_distance = 40;
    return s;
}

bool has(const std::vector<const char*>& f, const std::string& id) {
    return std::any_of(f.begin(), f.end(), [&](const char* x) { return id == x; });
}
}  // namespace

TEST_CASE("a clean call passes every filter") {
    const FilterThresholds t;
    const auto tumour = sample(40, 20);
    CHECK(apply_filters(80, tumour, sample(40, 0), audit(tumour, sample(40, 0), t), SiteContext{}, t).empty());
}

TEST_CASE("each filter fires on its own condition") {
    const FilterThresholds t;
    auto filters_for = [&](SampleSiteStats tumour, SampleSiteStats normal, SiteContext c = {}, double qss = 80) {
        return apply_filters(qss, tumour, normal, audit(tumour, normal, t), c, t);
    };
    CHECK(has(filters_for(sample(40, 20), sample(40, 0), {}, 10), "LowQSS"));
    CHECK(has(filters_for(sample(5, 3), sample(40, 0)), "LowDepth"));
    CHECK(has(filters_for(sample(40, 20), sample(5, 0)), "LowDepth"));
    CHECK(has(filters_for(sample(40, 20), sample(30, 10)), "NormalAlt"));
    CHECK_FALSE(has(filters_for(sample(40, 20), sample(39, 1)), "NormalAlt"));  // one read may be contamination
    // Tumour 23/95 alt, normal 4/47 (ref counts 72 and 43): contamination at
    // 0.1 x 23/95 explains 4 alt reads of 47 with binomial tail Phred 15.71
    // (summed exactly in Python): kept. 8 of 40 against a tumour at 0.5 is
    // Phred 31.48: filtered.
    CHECK(audit(sample(72, 23), sample(43, 4), t).normal_alt_phred == doctest::Approx(15.7117).epsilon(1e-4));
    CHECK(audit(sample(20, 20), sample(32, 8), t).normal_alt_phred == doctest::Approx(31.4782).epsilon(1e-4));
    CHECK_FALSE(has(filters_for(sample(72, 23), sample(43, 4)), "NormalAlt"));
    CHECK(has(filters_for(sample(20, 20), sample(32, 8)), "NormalAlt"));

    // 40 alt reads all forward against 20/20 ref reads: Fisher p = 7.8e-8
    // (Phred 71, summed by hand over the hypergeometric tables).
    auto strand = sample(40, 40);
    strand.alt_forward = 40;
    strand.alt_reverse = 0;
    CHECK(has(filters_for(strand, sample(40, 0)), "StrandBias"));
    CHECK(audit(strand, sample(40, 0), t).strand_bias_phred == doctest::Approx(71.08).epsilon(1e-3));

    auto orientation = sample(40, 40);
    orientation.alt_f1r2 = 40;
    orientation.alt_f2r1 = 0;
    CHECK(has(filters_for(orientation, sample(40, 0)), "OrientationBias"));

    // Every alt read near an end, 2 of 40 ref reads: Fisher Phred 132.59
    // (hypergeometric sum in Python). A 3-read call with 2 near an end
    // against 2 of 54 ref reads is Phred 19.58: chance, kept.
    auto ends = sample(40, 20);
    ends.alt_median_end_distance = 2;
    ends.alt_near_end = 20;
    ends.ref_near_end = 2;
    CHECK(audit(ends, sample(40, 0), t).read_end_bias_phred == doctest::Approx(132.588).epsilon(1e-4));
    CHECK(has(filters_for(ends, sample(40, 0)), "ReadEnd"));
    auto few = sample(54, 3);
    few.alt_median_end_distance = 2;
    few.alt_near_end = 2;
    few.ref_near_end = 2;
    CHECK(audit(few, sample(40, 0), t).read_end_bias_phred == doctest::Approx(19.584).epsilon(1e-4));
    CHECK_FALSE(has(filters_for(few, sample(40, 0)), "ReadEnd"));

    auto mapq = sample(40, 20);
    mapq.alt_median_mapq = 25;
    CHECK(has(filters_for(mapq, sample(40, 0)), "LowMapQ"));

    SiteContext c;
    c.nearby_events = 3;
    CHECK(has(filters_for(sample(40, 20), sample(40, 0), c), "Clustered"));
    c = {};
    c.second_alt = true;
    CHECK(has(filters_for(sample(40, 20), sample(40, 0), c), "MultiAllelic"));
    c = {};
    c.normal_typical_depth = 10;
    CHECK(has(filters_for(sample(40, 20), sample(40, 0), c), "HighDepth"));  // 40 > 3 x 10
    c = {};
    c.population_af = 0.2;
    CHECK(has(filters_for(sample(40, 20), sample(40, 0), c), "PopulationAF"));
    c = {};
    c.in_panel_of_normals = true;
    CHECK(has(filters_for(sample(40, 20), sample(40, 0), c), "PanelOfNormals"));
    // NearIndel at half the alt reads explained by an indel (the default), not below.
    c = {};
    c.indel_explained_fraction = 0.5;
    CHECK(has(filters_for(sample(40, 20), sample(40, 0), c), "NearIndel"));
    c.indel_explained_fraction = 0.45;
    CHECK_FALSE(has(filters_for(sample(40, 20), sample(40, 0), c), "NearIndel"));
}

TEST_CASE("every filter ID has a header definition") {
    const auto defs = filter_definitions(FilterThresholds{});
    CHECK(defs.size() == 12);
    for (const auto& d : defs) CHECK_FALSE(d.description.empty());
    // Tumour-only: NormalAlt out, Germline in.
    const auto tonly = filter_definitions(FilterThresholds{}, true);
    CHECK(tonly.size() == 12);
    auto defined = [&](const char* id) {
        return std::any_of(tonly.begin(), tonly.end(), [&](const auto& d) { return std::string(d.id) == id; });
    };
    CHECK(defined("Germline"));
    CHECK_FALSE(defined("NormalAlt"));
}

TEST_CASE("tumour-only: depths are the tumour's, NormalAlt is off, Germline above its threshold") {
    const FilterThresholds t;
    auto filters_for = [&](SampleSiteStats tumour, SampleSiteStats normal, SiteContext c) {
        return apply_filters(80, tumour, normal, audit(tumour, normal, t), c, t);
    };
    SiteContext c;
    c.tumour_only = true;
    const auto none = sample(0, 0);  // no normal: no reads
    CHECK(filters_for(sample(40, 20), none, c).empty());
    CHECK(has(filters_for(sample(6, 3), none, c), "LowDepth"));  // 9 < 10
    c.normal_typical_depth = 15;  // the tumour's typical depth
    CHECK(has(filters_for(sample(40, 20), none, c), "HighDepth"));  // 60 > 3 x 15
    CHECK_FALSE(has(filters_for(sample(30, 14), none, c), "HighDepth"));  // 44 <= 45
    c.normal_typical_depth = 0;
    c.germline_probability = 0.51;
    CHECK(has(filters_for(sample(40, 20), none, c), "Germline"));
    c.germline_probability = 0.5;
    CHECK(filters_for(sample(40, 20), none, c).empty());
    // A normal's alt reads, were there any, would not be judged.
    CHECK_FALSE(has(filters_for(sample(40, 20), sample(20, 20), c), "NormalAlt"));
    // With a normal, Germline is never applied (QSS holds the germline hypothesis).
    SiteContext matched;
    matched.germline_probability = 0.9;
    CHECK_FALSE(has(filters_for(sample(40, 20), sample(40, 0), matched), "Germline"));
}

TEST_CASE("a one-sided artefact posterior above 1/2 sets its filter, at 1/2 or below it does not") {
    const FilterThresholds t;
    const auto tumour = sample(40, 20);
    const auto normal = sample(40, 0);
    auto with = [&](double orientation, double strand) {
        SiteAudit a = audit(tumour, normal, t);
        a.orientation_artefact_probability = orientation;
        a.strand_artefact_probability = strand;
        return apply_filters(80, tumour, normal, a, SiteContext{}, t);
    };
    CHECK(with(0.5, 0.5).empty());
    const auto orientation = with(0.51, 0);
    CHECK(orientation.size() == 1);
    CHECK(has(orientation, "OrientationBias"));
    const auto strand = with(0, 0.51);
    CHECK(strand.size() == 1);
    CHECK(has(strand, "StrandBias"));
}
