#include "libsomatic/sig/random.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/stats/log_gamma.hpp"

namespace somatic::sig {

namespace {

uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

double log_factorial(double k) { return stats::log_gamma(k + 1.0); }

int64_t binomial_inversion(Rng& rng, int64_t n, double p) {
    const double q = 1.0 - p;
    const double s = p / q;
    const double a = static_cast<double>(n + 1) * s;
    while (true) {
        double r = std::pow(q, static_cast<double>(n));
        double u = rng.uniform();
        int64_t x = 0;
        bool ok = true;
        while (u > r) {
            u -= r;
            ++x;
            if (x > n) {
                ok = false;  // rounding ran past n: draw again
                break;
            }
            r *= a / static_cast<double>(x) - s;
        }
        if (ok) return x;
    }
}

int64_t binomial_btrs(Rng& rng, int64_t n, double p) {
    const double nd = static_cast<double>(n);
    const double q = 1.0 - p;
    const double spq = std::sqrt(nd * p * q);
    const double b = 1.15 + 2.53 * spq;
    const double a = -0.0873 + 0.0248 * b + 0.01 * p;
    const double c = nd * p + 0.5;
    const double vr = 0.92 - 4.2 / b;
    const double alpha = (2.83 + 5.1 / b) * spq;
    const double lpq = std::log(p / q);
    const double m = std::floor((nd + 1) * p);
    const double h = log_factorial(m) + log_factorial(nd - m);
    while (true) {
        const double u = rng.uniform() - 0.5;
        double v = rng.uniform();
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2 * a / us + b) * u + c);
        if (k < 0 || k > nd) continue;
        if (us >= 0.07 && v <= vr) return static_cast<int64_t>(k);
        v = std::log(v * alpha / (a / (us * us) + b));
        if (v <= h - log_factorial(k) - log_factorial(nd - k) + (k - m) * lpq) return static_cast<int64_t>(k);
    }
}

}  // namespace

Rng::Rng(uint64_t seed, uint64_t index) {
    uint64_t x = seed ^ (0x6a09e667f3bcc909ULL * (index + 1));
    splitmix64(x);
    x ^= index;
    for (auto& s : s_) s = splitmix64(x);
}

uint64_t Rng::next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

int64_t binomial(Rng& rng, int64_t n, double p) {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - binomial(rng, n, 1.0 - p);
    if (static_cast<double>(n) * p < 10) return binomial_inversion(rng, n, p);
    return binomial_btrs(rng, n, p);
}

Eigen::VectorXd multinomial(Rng& rng, int64_t n, const Eigen::VectorXd& p) {
    Eigen::VectorXd out = Eigen::VectorXd::Zero(p.size());
    Eigen::Index last = -1;  // the last category that can receive items takes the rest
    for (Eigen::Index i = 0; i < p.size(); ++i) {
        if (p(i) > 0) last = i;
    }
    double rest = p.sum();
    for (Eigen::Index i = 0; i <= last && n > 0; ++i) {
        if (p(i) <= 0) continue;
        const int64_t k = i == last ? n : binomial(rng, n, std::min(1.0, p(i) / rest));
        out(i) = static_cast<double>(k);
        n -= k;
        rest -= p(i);
    }
    return out;
}

}  // namespace somatic::sig
