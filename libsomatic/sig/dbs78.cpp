#include "libsomatic/sig/dbs78.hpp"

#include <array>
#include <unordered_map>

#include "libsomatic/core/bases.hpp"

namespace somatic::sig {

namespace {

// COSMIC v3.4's DBS78 rows, in order. For the non-palindromic REFs the ALTs
// are all 9 with both bases changed; for the palindromic ones COSMIC's choice
// of one ALT from each reverse-complement pair does not follow one rule
// (CG>TT but GC>AA), so the list is spelled out.
constexpr std::array<const char*, kDbsChannels> kNames{
    "AC>CA", "AC>CG", "AC>CT", "AC>GA", "AC>GG", "AC>GT", "AC>TA", "AC>TG", "AC>TT",  //
    "AT>CA", "AT>CC", "AT>CG", "AT>GA", "AT>GC", "AT>TA",                             //
    "CC>AA", "CC>AG", "CC>AT", "CC>GA", "CC>GG", "CC>GT", "CC>TA", "CC>TG", "CC>TT",  //
    "CG>AT", "CG>GC", "CG>GT", "CG>TA", "CG>TC", "CG>TT",                             //
    "CT>AA", "CT>AC", "CT>AG", "CT>GA", "CT>GC", "CT>GG", "CT>TA", "CT>TC", "CT>TG",  //
    "GC>AA", "GC>AG", "GC>AT", "GC>CA", "GC>CG", "GC>TA",                             //
    "TA>AT", "TA>CG", "TA>CT", "TA>GC", "TA>GG", "TA>GT",                             //
    "TC>AA", "TC>AG", "TC>AT", "TC>CA", "TC>CG", "TC>CT", "TC>GA", "TC>GG", "TC>GT",  //
    "TG>AA", "TG>AC", "TG>AT", "TG>CA", "TG>CC", "TG>CT", "TG>GA", "TG>GC", "TG>GT",  //
    "TT>AA", "TT>AC", "TT>AG", "TT>CA", "TT>CC", "TT>CG", "TT>GA", "TT>GC", "TT>GG"};

const std::unordered_map<std::string, int>& index() {
    static const std::unordered_map<std::string, int> m = [] {
        std::unordered_map<std::string, int> out;
        for (int i = 0; i < kDbsChannels; ++i) out.emplace(kNames[static_cast<size_t>(i)], i);
        return out;
    }();
    return m;
}

bool two_bases(std::string_view s, std::string& upper) {
    if (s.size() != 2) return false;
    upper.clear();
    for (char c : s) {
        const uint8_t code = base_code(c);
        if (code > 3) return false;
        upper += base_char(code);
    }
    return true;
}

std::string reverse_complement2(const std::string& s) {
    return {base_char(complement_code(base_code(s[1]))), base_char(complement_code(base_code(s[0])))};
}

}  // namespace

std::vector<std::string> dbs78_channel_names() { return {kNames.begin(), kNames.end()}; }

int dbs78_channel(std::string_view ref, std::string_view alt) {
    std::string r, a;
    if (!two_bases(ref, r) || !two_bases(alt, a) || r[0] == a[0] || r[1] == a[1]) return -1;
    const auto& m = index();
    auto it = m.find(r + ">" + a);
    if (it != m.end()) return it->second;
    it = m.find(reverse_complement2(r) + ">" + reverse_complement2(a));
    return it == m.end() ? -1 : it->second;
}

int dbs78_group(int channel) {
    const auto& g = dbs78_groups();
    const std::string_view ref(kNames.at(static_cast<size_t>(channel)), 2);
    for (size_t i = 0; i < g.size(); ++i) {
        if (g[i] == ref) return static_cast<int>(i);
    }
    return -1;
}

const std::vector<std::string>& dbs78_groups() {
    static const std::vector<std::string> g{"AC", "AT", "CC", "CG", "CT", "GC", "TA", "TC", "TG", "TT"};
    return g;
}

}  // namespace somatic::sig
