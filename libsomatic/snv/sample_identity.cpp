#include "libsomatic/snv/sample_identity.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "libsomatic/stats/binomial.hpp"

namespace somatic::snv {

namespace {
double alt_fraction(uint32_t ref, uint32_t alt) { return ref + alt ? double(alt) / double(ref + alt) : 0; }

bool deep_enough(const GenotypeSite& s, const IdentityThresholds& t) {
    return s.tumour_ref + s.tumour_alt >= t.min_depth && s.normal_ref + s.normal_alt >= t.min_depth;
}

// P(X <= k) for X ~ Binomial(n, p).
double binomial_lower_tail(uint32_t k, uint32_t n, double p) {
    return k >= n ? 1.0 : 1.0 - stats::binomial_upper_tail(k + 1, n, p);
}
}  // namespace

IdentityCheck check_identity(const std::vector<GenotypeSite>& sites, const IdentityThresholds& t) {
    IdentityCheck out;
    for (const auto& s : sites) {
        if (!deep_enough(s, t)) continue;
        const double tumour = alt_fraction(s.tumour_ref, s.tumour_alt);
        const double normal = alt_fraction(s.normal_ref, s.normal_alt);
        if (tumour < t.hom_alt_fraction && normal < t.hom_alt_fraction) continue;
        ++out.informative;
        if (tumour <= t.hom_ref_fraction || normal <= t.hom_ref_fraction) ++out.discordant;
    }
    const auto n = static_cast<uint32_t>(out.informative);
    const auto k = static_cast<uint32_t>(out.discordant);
    if (n == 0) return out;
    if (out.discordance() >= t.mismatch_min_rate && stats::binomial_upper_tail(k, n, t.same_person_rate) < t.mismatch_p) {
        out.verdict = IdentityVerdict::mismatch;
    } else if (binomial_lower_tail(k, n, t.unrelated_rate) < t.match_p) {
        out.verdict = IdentityVerdict::same_person;
    }
    return out;
}

namespace {
// The sites reduced to (depth, reference reads) -> how many sites: the
// likelihood only sees those, and a genome sample has few distinct pairs.
using DepthRefCounts = std::map<std::pair<uint32_t, uint32_t>, double>;

constexpr std::array<double, 3> kForeignRefShare = {0.0, 0.5, 1.0};  // g: contaminant's reference alleles / 2

// Where the patient is homozygous alternative, how often another person is
// homozygous alternative, heterozygous or homozygous reference: with allele
// frequency f uniform on (0, 1) and Hardy-Weinberg genotypes, the integrals
// of f^2 * (f^2, 2f(1-f), (1-f)^2) over the integral of f^2: 3/5, 3/10, 1/10.
// They are a prior worth kPriorSites sites, not fixed shares: without it,
// data with no foreign reads fit every c equally well (all contaminant
// genotypes homozygous alternative), and the estimate would be arbitrary.
constexpr std::array<double, 3> kPriorShare = {0.6, 0.3, 0.1};
constexpr double kPriorSites = 10;

// ln of the likelihood of c times the prior of the contaminant's genotype
// shares, maximised over the shares by EM; the binomial coefficients, the
// same at every c, are left out.
double profile_log_likelihood(const DepthRefCounts& counts, double error, double c) {
    std::array<double, 3> share = kPriorShare;
    std::array<double, 3> log_p, log_q;
    for (size_t g = 0; g < 3; ++g) {
        const double p = std::clamp(error + c * kForeignRefShare[g], 1e-9, 1 - 1e-9);
        log_p[g] = std::log(p);
        log_q[g] = std::log1p(-p);
    }
    double total = 0;
    for (int iteration = 0; iteration < 30; ++iteration) {
        std::array<double, 3> weight = {0, 0, 0};
        total = 0;
        for (const auto& [key, n] : counts) {
            const auto [depth, ref] = key;
            std::array<double, 3> term;
            double top = -INFINITY;
            for (size_t g = 0; g < 3; ++g) {
                term[g] = std::log(std::max(share[g], 1e-300)) + ref * log_p[g] + (depth - ref) * log_q[g];
                top = std::max(top, term[g]);
            }
            double sum = 0;
            for (size_t g = 0; g < 3; ++g) sum += std::exp(term[g] - top);
            total += n * (top + std::log(sum));
            for (size_t g = 0; g < 3; ++g) weight[g] += n * std::exp(term[g] - top) / sum;
        }
        const double all = weight[0] + weight[1] + weight[2] + kPriorSites;
        for (size_t g = 0; g < 3; ++g) share[g] = (weight[g] + kPriorSites * kPriorShare[g]) / all;
    }
    for (size_t g = 0; g < 3; ++g) total += kPriorSites * kPriorShare[g] * std::log(share[g]);
    return total;
}
}  // namespace

ContaminationEstimate estimate_contamination(const std::vector<GenotypeSite>& sites, const IdentityThresholds& t) {
    ContaminationEstimate out;
    DepthRefCounts counts;
    uint64_t normal_ref = 0, normal_depth = 0;
    for (const auto& s : sites) {
        if (!deep_enough(s, t) || alt_fraction(s.normal_ref, s.normal_alt) < t.hom_alt_fraction) continue;
        ++out.sites;
        counts[{s.tumour_ref + s.tumour_alt, s.tumour_ref}] += 1;
        normal_ref += s.normal_ref;
        normal_depth += s.normal_ref + s.normal_alt;
    }
    if (out.sites == 0) return out;
    // Half a read of pseudo-count keeps the rate above 0 on clean data.
    out.error_rate = (static_cast<double>(normal_ref) + 0.5) / (static_cast<double>(normal_depth) + 1.0);

    // A coarse grid over [0, 0.5], then a fine one around its best point;
    // the interval is read off the fine grid.
    constexpr double kCoarse = 0.005, kFine = 0.0005, kReach = 0.05;
    double best_c = 0, best = -INFINITY;
    for (double c = 0; c <= 0.5 + 1e-12; c += kCoarse) {
        const double l = profile_log_likelihood(counts, out.error_rate, c);
        if (l > best) best = l, best_c = c;
    }
    const double lo = std::max(0.0, best_c - kReach), hi = std::min(0.5, best_c + kReach);
    std::vector<std::pair<double, double>> fine;
    for (double c = lo; c <= hi + 1e-12; c += kFine) {
        fine.push_back({c, profile_log_likelihood(counts, out.error_rate, c)});
        if (fine.back().second > best) best = fine.back().second, best_c = c;
    }
    out.fraction = best_c;
    // 95%: a drop of chi-square(1) 0.95 / 2 = 1.92 in ln L.
    out.low = best_c, out.high = best_c;
    for (const auto& [c, l] : fine) {
        if (l >= best - 1.92) {
            out.low = std::min(out.low, c);
            out.high = std::max(out.high, c);
        }
    }
    return out;
}

const char* verdict_name(IdentityVerdict v) {
    switch (v) {
        case IdentityVerdict::same_person: return "same";
        case IdentityVerdict::mismatch: return "mismatch";
        case IdentityVerdict::undetermined: break;
    }
    return "undetermined";
}

std::string identity_line(const IdentityCheck& identity) {
    char text[160];
    std::snprintf(text, sizeof text, "##sample_identity=%s,informative_sites=%zu,opposite_homozygotes=%zu",
                  verdict_name(identity.verdict), identity.informative, identity.discordant);
    return text;
}

std::string contamination_line(const ContaminationEstimate& c) {
    char text[160];
    if (c.sites == 0) return "##tumour_contamination=.,sites=0";
    std::snprintf(text, sizeof text, "##tumour_contamination=%.4f,ci95=%.4f-%.4f,sites=%zu", c.fraction, c.low,
                  c.high, c.sites);
    return text;
}

}  // namespace somatic::snv
