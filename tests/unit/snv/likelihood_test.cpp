#include "libsomatic/snv/likelihood.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace somatic::snv;

namespace {

SampleEvidence evidence(uint32_t ref, uint32_t alt, double error = 1e-3) {
    SampleEvidence e;
    for (uint32_t i = 0; i < ref; ++i) e.add(error, false);
    for (uint32_t i = 0; i < alt; ++i) e.add(error, true);
    return e;
}

// The model written out a second time, read by read, in natural logs and
// with no grouping, as an independent check of the optimised code.
double brute_log10_likelihood(const std::vector<std::pair<double, bool>>& reads, double f) {
    double ln = 0;
    for (auto [e, alt] : reads) ln += std::log(alt ? f * (1 - e) + (1 - f) * e / 3 : (1 - f) * (1 - e) + f * e / 3);
    return ln / std::log(10.0);
}

double brute_qss(const std::vector<std::pair<double, bool>>& t, const std::vector<std::pair<double, bool>>& n,
                 const ModelPriors& p) {
    const auto& grid = allele_fraction_grid();
    auto lik = [](double l10) { return std::pow(10.0, l10); };
    // Scale every likelihood by the same constant to stay in range.
    const double scale = -(brute_log10_likelihood(t, 0) + brute_log10_likelihood(n, 0));
    double som = 0, tumour_free = 0;
    for (double f : grid) {
        for (double tau : {0.0, p.max_tumour_in_normal / 2, p.max_tumour_in_normal}) {
            som += lik(brute_log10_likelihood(t, f) + brute_log10_likelihood(n, tau * f) + scale);
        }
        tumour_free += lik(brute_log10_likelihood(t, f) + scale);
    }
    som /= grid.size() * 3.0;
    tumour_free /= grid.size();
    const double ref = lik(brute_log10_likelihood(t, 0) + brute_log10_likelihood(n, 0) + scale);
    const double germ = (p.germline_het * lik(brute_log10_likelihood(n, 0.5)) +
                         p.germline_hom * lik(brute_log10_likelihood(n, 1.0))) *
                        tumour_free;
    // Shared: 19 fractions, 0.005 x 1.25^k for k = 0..18 (0.5% to 27.8%).
    double shared = 0;
    for (int k = 0; k <= 18; ++k) {
        const double g = 0.005 * std::pow(1.25, k);
        shared += lik(brute_log10_likelihood(t, g) + brute_log10_likelihood(n, g) + scale);
    }
    shared /= 19;
    const double not_somatic = (1 - p.somatic - p.germline_het - p.germline_hom - p.shared) * ref + germ +
                               p.shared * shared;
    return -10 * std::log10(not_somatic / (not_somatic + p.somatic * som));
}

std::vector<std::pair<double, bool>> reads(uint32_t ref, uint32_t alt, double e = 1e-3) {
    std::vector<std::pair<double, bool>> r;
    for (uint32_t i = 0; i < ref; ++i) r.push_back({e, false});
    for (uint32_t i = 0; i < alt; ++i) r.push_back({e, true});
    return r;
}

}  // namespace

TEST_CASE("the read likelihood matches a hand computation") {
    // e = 0.01, f = 0.5: P(alt) = P(ref) = 0.5 * 0.99 + 0.5 * 0.01 / 3 = 0.49666...;
    // 3 ref + 1 alt: 4 log10(0.496667) = -1.2157399452.
    CHECK(log10_likelihood(evidence(3, 1, 0.01), 0.5) == doctest::Approx(-1.2157399452295536).epsilon(1e-12));
    // Two error groups, f = 0.2: 2 alt + 5 ref at e = 0.001, 1 alt + 3 ref at e = 0.1.
    SampleEvidence e = evidence(5, 2, 0.001);
    for (int i = 0; i < 3; ++i) e.add(0.1, false);
    e.add(0.1, true);
    CHECK(e.groups.size() == 2);
    CHECK(e.ref_count() == 8);
    CHECK(e.alt_count() == 3);
    CHECK(log10_likelihood(e, 0.2) == doctest::Approx(-2.984915870121828).epsilon(1e-12));
    // With no alt allele, only errors explain alt reads.
    CHECK(log10_likelihood(evidence(0, 1, 0.03), 0.0) == doctest::Approx(std::log10(0.01)));
}

TEST_CASE("QSS agrees with an independent read-by-read computation") {
    const ModelPriors p;
    struct Case {
        uint32_t t_ref, t_alt, n_ref, n_alt;
    };
    for (const Case c : {Case{40, 20, 40, 0}, Case{70, 4, 35, 0}, Case{50, 3, 30, 1}, Case{30, 30, 38, 2},
                         Case{60, 2, 40, 0}, Case{20, 20, 20, 20}}) {
        const auto got = somatic_posterior(evidence(c.t_ref, c.t_alt), evidence(c.n_ref, c.n_alt), p);
        const double expected = std::min(brute_qss(reads(c.t_ref, c.t_alt), reads(c.n_ref, c.n_alt), p), kMaxQss);
        CAPTURE(c.t_alt);
        CAPTURE(c.n_alt);
        CHECK(got.qss == doctest::Approx(expected).epsilon(1e-6));
    }
}

TEST_CASE("the hypotheses rank as a reader of the counts would") {
    const ModelPriors p;
    // A clear somatic SNV: high QSS. What bounds it is the shared-artefact
    // hypothesis at 12%: 0.88^40 = 0.006 for the clean normal, times its
    // prior, so about Q45-50 here rather than hundreds.
    CHECK(somatic_posterior(evidence(40, 20), evidence(40, 0), p).qss > 40);
    // More normal reads rule the artefact out further.
    CHECK(somatic_posterior(evidence(40, 20), evidence(80, 0), p).qss >
          somatic_posterior(evidence(40, 20), evidence(40, 0), p).qss + 10);
    // A germline heterozygous site: not somatic, clearly germline.
    const auto germ = somatic_posterior(evidence(20, 20), evidence(20, 20), p);
    CHECK(germ.qss < 1);
    CHECK(germ.germline_phred > 60);
    // One alt read in 60 is sequencing error.
    CHECK(somatic_posterior(evidence(60, 1), evidence(30, 0), p).qss < 3);
    // Tumour-in-normal contamination: 2 normal alt reads where the tumour is
    // at 0.5 (a contaminated normal at 5% of the tumour's fraction) keep the call.
    CHECK(somatic_posterior(evidence(30, 30), evidence(38, 2), p).qss > 20);
    // The same low fraction in both samples is a shared artefact, not somatic.
    CHECK(somatic_posterior(evidence(76, 4), evidence(38, 2), p).qss < 10);
}

TEST_CASE("a low fraction equal in both samples is shared, not somatic") {
    // 28 ref / 2 alt in both samples (e = 1e-3). Under "somatic" the normal's
    // fraction is at most 0.1 x the tumour's, so the best it does is f_T =
    // 2/30, f_N = 0.0067: P(2 of 30 | 0.0067) = 435 x 0.00697^2 x 0.9930^28
    // = 0.0175, against P(2 of 30 | 2/30) = 435 x 0.0670^2 x 0.9337^28 = 0.286
    // under "shared" at g = 2/30: shared is the likelier by ~16x at its best
    // point, and by more in the mean over the grids.
    const auto e = evidence(28, 2);
    const double shared = log10_shared_likelihood(e, e);
    ModelPriors p;
    p.shared = 1;  // log10_shared is then the likelihood alone
    p.somatic = 1;
    const auto lik = somatic_posterior(e, e, p);
    CHECK(lik.log10_shared == doctest::Approx(shared));
    CHECK(shared - lik.log10_somatic > 1.0);
    // At the default priors (somatic 1e-6, shared 1e-8 per site): QSS under 3.
    CHECK(somatic_posterior(e, e, ModelPriors{}).qss < 3);
    // With a normal full of such variants the shared prior is estimated high
    // (1e-5 here) and even a hypermutator's somatic prior (1e-4) leaves the
    // site below QSS 3.
    p = ModelPriors{};
    p.somatic = 1e-4;
    p.shared = 1e-5;
    CHECK(somatic_posterior(e, e, p).qss < 3);
    // At 80x the likelihood ratio is larger: even a hypermutator's prior
    // against the shared prior's floor (1e-4 : 1e-8) leaves it below QSS 20,
    // and the default priors near 0.
    const auto deep = evidence(75, 5);
    p.shared = 1e-8;
    CHECK(somatic_posterior(deep, deep, p).qss < 12);
    CHECK(somatic_posterior(deep, deep, ModelPriors{}).qss < 1);
    p.somatic = p.shared = 1;
    const auto deep_lik = somatic_posterior(deep, deep, p);
    CHECK(deep_lik.log10_shared - deep_lik.log10_somatic > 2.5);
}

TEST_CASE("a tumour-only low fraction stays somatic-leaning") {
    // 28/2 tumour against a clean 30/0 normal, Q35 bases (e = 3e-4), a
    // hypermutator's prior (1e-4) and the shared prior at its floor (1e-8): P(somatic)
    // above 1/2, i.e. QSS above 3.01. (At Q30 and the default 1e-6 two reads
    // are sequencing error, as before.)
    ModelPriors p;
    p.somatic = 1e-4;
    CHECK(somatic_posterior(evidence(28, 2, 3e-4), evidence(30, 0, 3e-4), p).qss > 3.01);
    // 25/5 against 30/0 is a call at either prior: the shared hypothesis,
    // which needs g near 1/6 for the tumour and below ~1/10 for the normal,
    // is left far behind.
    CHECK(somatic_posterior(evidence(25, 5), evidence(30, 0), p).qss > 40);
    CHECK(somatic_posterior(evidence(25, 5), evidence(30, 0), ModelPriors{}).qss > 20);
    // A normal at the tumour's full fraction is not somatic, however deep.
    CHECK(somatic_posterior(evidence(270, 30), evidence(270, 30), p).qss < 1);
}

TEST_CASE("tumour-only: the germline probability matches a hand computation") {
    // Error-free reads (e = 0), so each likelihood is f^alt (1 - f)^ref and
    // the reference hypothesis (alt reads impossible) drops out. With
    // population frequency p and somatic prior pi (1e-6):
    //   het  2 p (1 - p) X,  X = sum_k w_k L(f_k) over f_k = 0.10, 0.15 .. 1.00
    //        (19), w_k = 0.8 b_k + 0.2 / 19 with b_k proportional to
    //        (f_k (1 - f_k))^9 (Beta(10, 10)) up to 0.90, 0 above, sum 1
    //   hom  p^2 L(1)
    //   som  (1 - p)^2 pi Y,  Y = mean of L over the 33 grid fractions
    //        (0.005 x 1.25^k for k = 0..13, then 0.10, 0.15 .. 1.00)
    // 10 ref / 10 alt: X = 5.90382e-7, Y = 1.56207e-7, L(1) = 0.
    //   p = 0.3: 0.42 X / (0.42 X + 0.49e-6 Y) = 0.9999996913
    //   not in the resource (p = 1e-6): 2e-6 X / (2e-6 X + 1e-6 Y) = 0.8831638154
    // 16 ref / 4 alt: X = 5.53984e-6, Y = 6.83641e-6:
    //   p = 0.3: 0.9999985603;  not in the resource: 0.6184209475
    // 0 ref / 20 alt at p = 0.001 (a het under LOH, or a hom): X = 0.0162693,
    // Y = 0.0465014, L(1) = 1:
    //   (1.998e-3 X + 1e-6) / (... + 0.998001e-6 Y) = 0.9986168436
    ModelPriors p;
    p.somatic = 1e-6;
    p.population_af_absent = 1e-6;
    auto pgerm = [&](uint32_t ref, uint32_t alt, double af) {
        return tumour_only_posterior(evidence(ref, alt, 0.0), af, p).germline_probability;
    };
    CHECK(pgerm(10, 10, 0.3) == doctest::Approx(0.9999996913).epsilon(1e-8));
    CHECK(pgerm(10, 10, -1) == doctest::Approx(0.8831638154).epsilon(1e-8));
    CHECK(pgerm(16, 4, 0.3) == doctest::Approx(0.9999985603).epsilon(1e-8));
    CHECK(pgerm(16, 4, -1) == doctest::Approx(0.6184209475).epsilon(1e-8));
    CHECK(pgerm(0, 20, 0.001) == doctest::Approx(0.9986168436).epsilon(1e-8));
    // The Phred form agrees: GERMQ = -10 log10(1 - PGERM).
    const auto post = tumour_only_posterior(evidence(10, 10, 0.0), -1, p);
    CHECK(post.germline_phred == doctest::Approx(-10 * std::log10(1 - 0.8831638154)).epsilon(1e-6));
    CHECK(post.log10_shared == -std::numeric_limits<double>::infinity());
}

TEST_CASE("tumour-only: the het weights are 0.8 Beta(10, 10) over 0.1..0.9 and 0.2 even over 0.1..1") {
    const auto& w = het_fraction_weights();
    REQUIRE(w.size() == 19);
    double sum = 0;
    for (const auto& x : w) sum += x.weight;
    CHECK(sum == doctest::Approx(1.0));
    CHECK(w.front().fraction == doctest::Approx(0.1));
    CHECK(w[8].fraction == doctest::Approx(0.5));
    CHECK(w.back().fraction == doctest::Approx(1.0));
    const double even = 0.2 / 19;
    CHECK(w.back().weight == doctest::Approx(even));  // no Beta weight at 0.95 and 1
    // Beta(10, 10) at 1/3 against 1/2: (2/9 / 1/4)^9 = (8/9)^9 = 0.3464;
    // the grid has 0.35: (0.2275 / 0.25)^9 = 0.91^9 = 0.4279.
    CHECK((w[5].weight - even) / (w[8].weight - even) == doctest::Approx(std::pow(0.91, 9)).epsilon(1e-9));
}

TEST_CASE("tumour-only: QSS weighs somatic against error, the germline alternative apart") {
    ModelPriors p;
    p.somatic = 1e-6;
    // A clear het of a common allele: clearly a variant (QSS high), clearly germline.
    const auto het = tumour_only_posterior(evidence(30, 30), 0.3, p);
    CHECK(het.qss > 100);
    CHECK(het.germline_probability > 0.999);
    // A subclonal SNV at 10% (6 of 60) absent from the resource: somatic. A
    // het at 10% is 3.7 sd below 0.5; what germline weight is left is the
    // LOH part (a het whose alt allele a tumour of purity 0.8 lost sits at
    // 0.1): 2e-6 x 0.2/19 against 1e-6 x 1/33 per fraction, so P(germline)
    // 0.22 at this low prior, and a tenth of the odds at a prior of 1e-5.
    const auto sub = tumour_only_posterior(evidence(54, 6), -1, p);
    CHECK(sub.qss > 20);
    CHECK(sub.germline_probability < 0.3);
    p.somatic = 1e-5;
    CHECK(tumour_only_posterior(evidence(54, 6), -1, p).germline_probability < 0.04);
    p.somatic = 1e-6;
    // One alt read in 60 is error either way.
    CHECK(tumour_only_posterior(evidence(59, 1), -1, p).qss < 3);
    // An allele every person carries (p = 1): germline, whatever the reads.
    CHECK(tumour_only_posterior(evidence(0, 30), 1.0, p).germline_probability == doctest::Approx(1.0));
}
