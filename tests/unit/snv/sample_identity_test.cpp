#include "libsomatic/snv/sample_identity.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace somatic::snv;

namespace {
// n copies of a site with these reads (tumour ref, alt; normal ref, alt).
void add(std::vector<GenotypeSite>& sites, int n, uint32_t tr, uint32_t ta, uint32_t nr, uint32_t na) {
    for (int i = 0; i < n; ++i) sites.push_back({tr, ta, nr, na});
}
}  // namespace

TEST_CASE("opposite homozygotes are counted where either sample is homozygous alternative") {
    std::vector<GenotypeSite> sites;
    add(sites, 4, 0, 20, 0, 20);   // both homozygous alternative: informative, concordant
    add(sites, 2, 19, 1, 0, 20);   // tumour 5% alt against normal 100%: opposite
    add(sites, 1, 0, 20, 20, 0);   // tumour homozygous alternative, normal reference: opposite
    add(sites, 3, 10, 10, 0, 20);  // tumour heterozygous (LOH's reverse cannot happen, but a het is no homozygote)
    add(sites, 5, 10, 10, 10, 10); // heterozygous in both: not informative
    add(sites, 6, 0, 10, 0, 20);   // tumour under 15 reads: left out
    const auto id = check_identity(sites);
    CHECK(id.informative == 10);
    CHECK(id.discordant == 3);
}

TEST_CASE("the verdict's thresholds, worked by hand") {
    // 5 of 5 opposite: P(K >= 5 | 5, 0.02) = 0.02^5 = 3.2e-9 < 1e-6, and
    // 100% >= 4%: a mismatch (the Strelka2 demo pair, two people, gives this).
    std::vector<GenotypeSite> five;
    add(five, 5, 0, 20, 20, 0);
    CHECK(check_identity(five).verdict == IdentityVerdict::mismatch);
    // 3 of 3: 0.02^3 = 8e-6, not below 1e-6: undetermined.
    std::vector<GenotypeSite> three;
    add(three, 3, 0, 20, 20, 0);
    CHECK(check_identity(three).verdict == IdentityVerdict::undetermined);
    // 0 of n concordant: P(K <= 0 | n, 0.06) = 0.94^n, below 1e-3 from
    // n = 112 (0.94^112 = 9.8e-4; 0.94^111 = 1.04e-3).
    std::vector<GenotypeSite> concordant;
    add(concordant, 111, 0, 20, 0, 20);
    CHECK(check_identity(concordant).verdict == IdentityVerdict::undetermined);
    add(concordant, 1, 0, 20, 0, 20);
    CHECK(check_identity(concordant).verdict == IdentityVerdict::same_person);
    CHECK(check_identity({}).verdict == IdentityVerdict::undetermined);
}

TEST_CASE("contamination: no foreign reads, no contamination") {
    std::vector<GenotypeSite> sites;
    add(sites, 200, 0, 60, 0, 30);
    const auto c = estimate_contamination(sites);
    CHECK(c.sites == 200);
    // The normal's reference-read rate with half a read of pseudo-count:
    // 0.5 / (200 * 30 + 1).
    CHECK(c.error_rate == doctest::Approx(0.5 / 6001.0));
    CHECK(c.fraction == 0);
    CHECK(c.low == 0);
    CHECK(c.high < 0.005);
}

TEST_CASE("contamination: the fraction that made the reads") {
    // 300 homozygous-alternative sites of the patient at 200x; the
    // contaminant is homozygous alternative at 180, heterozygous at 90 and
    // homozygous reference at 30 of them. At c = 0.1 the tumour's reference
    // reads are 200 * 0.1 * (0, 1/2, 1) = 0, 10, 20 (no sequencing error).
    std::vector<GenotypeSite> sites;
    add(sites, 180, 0, 200, 0, 40);
    add(sites, 90, 10, 190, 0, 40);
    add(sites, 30, 20, 180, 0, 40);
    const auto c = estimate_contamination(sites);
    CHECK(c.fraction == doctest::Approx(0.1).epsilon(0.05));
    CHECK(c.low < 0.1);
    CHECK(c.high > 0.1);
    // Sites where the normal is not homozygous alternative say nothing.
    add(sites, 50, 100, 100, 20, 20);
    CHECK(estimate_contamination(sites).sites == 300);
}

TEST_CASE("contamination with no usable site") {
    std::vector<GenotypeSite> sites;
    add(sites, 10, 10, 10, 10, 10);
    const auto c = estimate_contamination(sites);
    CHECK(c.sites == 0);
    CHECK(contamination_line(c) == "##tumour_contamination=.,sites=0");
}

TEST_CASE("header lines") {
    IdentityCheck id;
    id.informative = 5;
    id.discordant = 5;
    id.verdict = IdentityVerdict::mismatch;
    CHECK(identity_line(id) == "##sample_identity=mismatch,informative_sites=5,opposite_homozygotes=5");
}
