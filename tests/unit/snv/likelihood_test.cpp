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
