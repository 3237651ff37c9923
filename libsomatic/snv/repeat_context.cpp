#include "libsomatic/snv/repeat_context.hpp"

#include <algorithm>

namespace somatic::snv {

int RepeatContext::unit_length_in_repeat() const {
    const int u = static_cast<int>(unit.size());
    if (u == 0 || u > kMaxRepeatUnit) return 0;
    if (std::max(ref_count, alt_count) < 2) return 0;
    return u;
}

std::string_view shortest_unit(std::string_view s) {
    const size_t n = s.size();
    for (size_t u = 1; u < n; ++u) {
        if (n % u) continue;
        bool periodic = true;
        for (size_t i = u; i < n && periodic; ++i) periodic = s[i] == s[i - u];
        if (periodic) return s.substr(0, u);
    }
    return s;
}

RepeatContext repeat_context(std::string_view sequence, std::string_view changed, bool is_insertion) {
    RepeatContext c;
    const std::string_view unit = shortest_unit(changed);
    c.unit = std::string(unit);
    int copies = 0;
    for (size_t i = 0; i + unit.size() <= sequence.size(); i += unit.size()) {
        if (sequence.substr(i, unit.size()) != unit) break;
        ++copies;
    }
    const int k = static_cast<int>(changed.size() / unit.size());
    c.ref_count = copies;
    c.alt_count = is_insertion ? copies + k : copies - k;
    return c;
}

namespace {
bool is_acgt(char b) { return b == 'A' || b == 'C' || b == 'G' || b == 'T'; }
}  // namespace

std::vector<RepeatTract> repeat_tracts(std::string_view s, int min_count) {
    std::vector<RepeatTract> out;
    const int64_t n = static_cast<int64_t>(s.size());
    for (int u = 1; u <= kMaxRepeatUnit; ++u) {
        int64_t i = 0;
        while (i + u <= n) {
            // Most positions start no second copy: pass them before the checks.
            if (min_count >= 2 && (i + u >= n || s[static_cast<size_t>(i + u)] != s[static_cast<size_t>(i)])) {
                ++i;
                continue;
            }
            // The longest run from i where each base equals the one u before.
            int64_t j = i + u;
            bool clean = true;
            for (int64_t k = i; k < i + u; ++k) clean = clean && is_acgt(s[static_cast<size_t>(k)]);
            if (!clean) {
                ++i;
                continue;
            }
            while (j < n && s[static_cast<size_t>(j)] == s[static_cast<size_t>(j - u)]) ++j;
            const int count = static_cast<int>((j - i) / u);
            const std::string_view unit = s.substr(static_cast<size_t>(i), static_cast<size_t>(u));
            if (count >= min_count && shortest_unit(unit).size() == static_cast<size_t>(u)) {
                out.push_back({i, u, count});
                i = j - u + 1;  // a later tract may start inside this one's last copy
            } else {
                // A tract starting inside this run would end where it ends,
                // with fewer copies of a rotation of its unit: none to find.
                i = j - u + 1;
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const RepeatTract& a, const RepeatTract& b) {
        return a.beg != b.beg ? a.beg < b.beg : a.unit_length < b.unit_length;
    });
    return out;
}

}  // namespace somatic::snv
