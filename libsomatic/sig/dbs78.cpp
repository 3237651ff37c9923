#include "libsomatic/sig/dbs78.hpp"

#include <array>
#include <cstdint>

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

// The channel of every REF XY > ALT ZW, indexed by the four base codes
// (X, Y, Z, W), -1 where a base is unchanged: COSMIC's names and their
// reverse complements, built once. A lookup then costs no string work, as
// the catalogue looks up every doublet of a VCF.
int key(uint8_t r0, uint8_t r1, uint8_t a0, uint8_t a1) { return r0 << 6 | r1 << 4 | a0 << 2 | a1; }

const std::array<int8_t, 256>& table() {
    static const std::array<int8_t, 256> t = [] {
        std::array<int8_t, 256> out;
        out.fill(-1);
        for (int i = 0; i < kDbsChannels; ++i) {
            const char* n = kNames[static_cast<size_t>(i)];  // "XY>ZW"
            out[static_cast<size_t>(key(base_code(n[0]), base_code(n[1]), base_code(n[3]), base_code(n[4])))] =
                static_cast<int8_t>(i);
        }
        for (int i = 0; i < kDbsChannels; ++i) {
            const char* n = kNames[static_cast<size_t>(i)];
            auto c = [&](int at) { return complement_code(base_code(n[at])); };
            int8_t& rc = out[static_cast<size_t>(key(c(1), c(0), c(4), c(3)))];
            if (rc < 0) rc = static_cast<int8_t>(i);
        }
        return out;
    }();
    return t;
}

}  // namespace

std::vector<std::string> dbs78_channel_names() { return {kNames.begin(), kNames.end()}; }

int dbs78_channel(std::string_view ref, std::string_view alt) {
    if (ref.size() != 2 || alt.size() != 2) return -1;
    const uint8_t r0 = base_code(ref[0]), r1 = base_code(ref[1]), a0 = base_code(alt[0]), a1 = base_code(alt[1]);
    if (r0 > 3 || r1 > 3 || a0 > 3 || a1 > 3 || r0 == a0 || r1 == a1) return -1;
    return table()[static_cast<size_t>(key(r0, r1, a0, a1))];
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
