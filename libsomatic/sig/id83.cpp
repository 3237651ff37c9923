#include "libsomatic/sig/id83.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "libsomatic/core/bases.hpp"

namespace somatic::sig {

namespace {

constexpr int kCap = 5;  // the last bin of every count is "5 or more"

std::string channel(int length, const char* kind, const std::string& what, int count) {
    return std::to_string(std::min(length, kCap)) + ":" + kind + ":" + what + ":" + std::to_string(std::min(count, kCap));
}

// Copies of `unit` in `seq` starting at `from`, back to back.
int copies_from(const std::string& seq, int64_t from, const std::string& unit) {
    const auto L = static_cast<int64_t>(unit.size());
    const auto n = static_cast<int64_t>(seq.size());
    int k = 0;
    for (int64_t at = from; at >= 0 && at + L <= n && seq.compare(static_cast<size_t>(at), unit.size(), unit) == 0; at += L) ++k;
    return k;
}

}  // namespace

std::vector<std::string> id83_channel_names() {
    std::vector<std::string> n;
    for (const char* kind : {"Del", "Ins"}) {
        for (const char* base : {"C", "T"}) {
            for (int k = 0; k <= kCap; ++k) n.push_back(channel(1, kind, base, k));
        }
    }
    for (const char* kind : {"Del", "Ins"}) {
        for (int len = 2; len <= kCap; ++len) {
            for (int k = 0; k <= kCap; ++k) n.push_back(channel(len, kind, "R", k));
        }
    }
    for (int len = 2; len <= kCap; ++len) {
        for (int m = 1; m < len || (len == kCap && m <= kCap); ++m) n.push_back(channel(len, "Del", "M", m));
    }
    return n;
}

IndelShape normalise_indel(const std::string& seq, int64_t pos0, std::string_view ref_in, std::string_view alt_in,
                           Indel& out, bool& moved) {
    std::string ref, alt;
    for (auto [from, to] : {std::pair{ref_in, &ref}, std::pair{alt_in, &alt}}) {
        for (char c : from) {
            const uint8_t code = base_code(c);
            if (code > 3) return IndelShape::not_acgt;
            *to += base_char(code);
        }
    }
    if (ref.size() == alt.size()) return IndelShape::not_indel;
    // Trim the shared suffix, then the shared prefix.
    size_t suffix = 0;
    while (suffix < ref.size() && suffix < alt.size() && ref[ref.size() - 1 - suffix] == alt[alt.size() - 1 - suffix]) ++suffix;
    ref.resize(ref.size() - suffix);
    alt.resize(alt.size() - suffix);
    size_t prefix = 0;
    while (prefix < ref.size() && prefix < alt.size() && ref[prefix] == alt[prefix]) ++prefix;
    ref.erase(0, prefix);
    alt.erase(0, prefix);
    if (!ref.empty() && !alt.empty()) return IndelShape::complex;
    out.deletion = !ref.empty();
    out.sequence = out.deletion ? ref : alt;
    out.pos = pos0 + static_cast<int64_t>(prefix);
    const int64_t written = out.pos;
    // Shift 5' while the base before the event equals its last base: the
    // same event, one base further left, rotated.
    std::string& s = out.sequence;
    while (out.pos > 0 && seq[static_cast<size_t>(out.pos - 1)] == s.back()) {
        s.pop_back();
        s.insert(s.begin(), seq[static_cast<size_t>(out.pos - 1)]);
        --out.pos;
    }
    // As written: one padding base (REF and ALT share exactly their first
    // base) and already left-aligned.
    moved = out.pos != written || prefix != 1 || suffix != 0;
    return IndelShape::indel;
}

namespace {

// Every channel's index by (deletion or insertion, length 1-5+, C/T/R/M,
// count 0-5+), built once from the names: classifying an indel then costs
// no string work (id83_channel runs once per indel of a VCF).
enum Class { kClassC, kClassT, kClassR, kClassM };

size_t key(bool deletion, int length, int cls, int count) {
    return static_cast<size_t>(((static_cast<int>(deletion) * kCap + std::min(length, kCap) - 1) * 4 + cls) * (kCap + 1) +
                               std::min(count, kCap));
}

const std::array<int8_t, 2 * kCap * 4 * (kCap + 1)>& channel_index() {
    static const auto t = [] {
        std::array<int8_t, 2 * kCap * 4 * (kCap + 1)> out;
        out.fill(-1);
        const std::vector<std::string> names = id83_channel_names();
        for (size_t i = 0; i < names.size(); ++i) {
            const std::string& n = names[i];  // "L:Del|Ins:C|T|R|M:k", one digit each
            const int cls = n[6] == 'C' ? kClassC : n[6] == 'T' ? kClassT : n[6] == 'R' ? kClassR : kClassM;
            out[key(n[2] == 'D', n[0] - '0', cls, n[8] - '0')] = static_cast<int8_t>(i);
        }
        return out;
    }();
    return t;
}

// 1 bp events are named by the pyrimidine of their base pair: C/G -> C, A/T -> T.
int pyrimidine_class(char base) { return base == 'C' || base == 'G' ? kClassC : kClassT; }

}  // namespace

int id83_channel(const std::string& seq, const Indel& indel) {
    const std::string& s = indel.sequence;
    const auto L = static_cast<int>(s.size());
    const auto Ls = static_cast<int64_t>(s.size());
    size_t k_at;
    if (indel.deletion) {
        // Copies of S after the deleted one.
        const int k = copies_from(seq, indel.pos + Ls, s);
        if (L == 1) {
            k_at = key(true, 1, pyrimidine_class(s[0]), k);
        } else if (k > 0) {
            k_at = key(true, L, kClassR, k);
        } else {
            // Microhomology: S's first bases repeated right after it (3'),
            // or its last bases right before it (5'; none once left-aligned,
            // but kept so that the function stands on its own).
            int m3 = 0, m5 = 0;
            const auto n = static_cast<int64_t>(seq.size());
            while (m3 < L - 1 && indel.pos + Ls + m3 < n && seq[static_cast<size_t>(indel.pos + Ls + m3)] == s[static_cast<size_t>(m3)]) ++m3;
            while (m5 < L - 1 && indel.pos - 1 - m5 >= 0 &&
                   seq[static_cast<size_t>(indel.pos - 1 - m5)] == s[static_cast<size_t>(L - 1 - m5)]) {
                ++m5;
            }
            const int m = std::max(m3, m5);
            k_at = m > 0 ? key(true, L, kClassM, m) : key(true, L, kClassR, 0);
        }
    } else {
        // Copies of S already in the reference after the insertion point.
        const int k = copies_from(seq, indel.pos, s);
        k_at = L == 1 ? key(false, 1, pyrimidine_class(s[0]), k) : key(false, L, kClassR, k);
    }
    return channel_index()[k_at];
}

const std::vector<Id83Group>& id83_groups() {
    // SigProfilerPlotting's colours for the ID83 blocks.
    static const std::vector<Id83Group> g{
        {0, 6, "1bp Deletion", "C", "#FDBE6F"},
        {6, 6, "1bp Deletion", "T", "#FF8001"},
        {12, 6, "1bp Insertion", "C", "#B0DD8B"},
        {18, 6, "1bp Insertion", "T", "#36A12E"},
        {24, 6, ">1bp Deletion at Repeats", "2", "#FDCAB5"},
        {30, 6, ">1bp Deletion at Repeats", "3", "#FC8A6A"},
        {36, 6, ">1bp Deletion at Repeats", "4", "#F14432"},
        {42, 6, ">1bp Deletion at Repeats", "5+", "#BC141A"},
        {48, 6, ">1bp Insertion at Repeats", "2", "#D0E1F2"},
        {54, 6, ">1bp Insertion at Repeats", "3", "#94C4DF"},
        {60, 6, ">1bp Insertion at Repeats", "4", "#4A98C9"},
        {66, 6, ">1bp Insertion at Repeats", "5+", "#1764AB"},
        {72, 1, "Microhomology", "2", "#E2E2EF"},
        {73, 2, "Microhomology", "3", "#B6B6D8"},
        {75, 3, "Microhomology", "4", "#8683BD"},
        {78, 5, "Microhomology", "5+", "#61409B"},
    };
    return g;
}

}  // namespace somatic::sig
