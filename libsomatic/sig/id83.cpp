#include "libsomatic/sig/id83.hpp"

#include <algorithm>

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

// The pyrimidine of a base's pair: A -> T, G -> C.
char pyrimidine(char base) { return base == 'A' ? 'T' : base == 'G' ? 'C' : base; }

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

int id83_channel(const std::string& seq, const Indel& indel) {
    static const std::vector<std::string> names = id83_channel_names();
    const std::string& s = indel.sequence;
    const auto L = static_cast<int>(s.size());
    const auto Ls = static_cast<int64_t>(s.size());
    std::string name;
    if (indel.deletion) {
        // Copies of S after the deleted one.
        const int k = copies_from(seq, indel.pos + Ls, s);
        if (L == 1) {
            name = channel(1, "Del", std::string(1, pyrimidine(s[0])), k);
        } else if (k > 0) {
            name = channel(L, "Del", "R", k);
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
            name = m > 0 ? channel(L, "Del", "M", m) : channel(L, "Del", "R", 0);
        }
    } else {
        // Copies of S already in the reference after the insertion point.
        const int k = copies_from(seq, indel.pos, s);
        name = L == 1 ? channel(1, "Ins", std::string(1, pyrimidine(s[0])), k) : channel(L, "Ins", "R", k);
    }
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
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
