#include "libsomatic/sig/channels.hpp"

#include <unordered_map>

#include "libsomatic/core/bases.hpp"

namespace somatic::sig {

namespace {

// Substitution classes as (pyrimidine ref, alt) base codes, in COSMIC order.
constexpr std::array<std::array<uint8_t, 2>, 6> kClasses{{{1, 0}, {1, 2}, {1, 3}, {3, 0}, {3, 1}, {3, 2}}};

struct Table {
    std::array<std::string, kChannels> names;
    std::unordered_map<std::string, int> index;
    Table() {
        for (int c = 0; c < kChannels; ++c) {
            const auto& cls = kClasses[static_cast<size_t>(c / 16)];
            std::string n;
            n += base_char(static_cast<uint8_t>((c / 4) % 4));
            n += '[';
            n += base_char(cls[0]);
            n += '>';
            n += base_char(cls[1]);
            n += ']';
            n += base_char(static_cast<uint8_t>(c % 4));
            names[static_cast<size_t>(c)] = n;
            index.emplace(n, c);
        }
    }
};

const Table& table() {
    static const Table t;
    return t;
}

// class_of[ref][alt] for a pyrimidine ref: the class index, or -1.
constexpr int class_of(uint8_t ref, uint8_t alt) {
    for (size_t k = 0; k < kClasses.size(); ++k) {
        if (kClasses[k][0] == ref && kClasses[k][1] == alt) return static_cast<int>(k);
    }
    return -1;
}

}  // namespace

const std::string& channel_name(int channel) { return table().names.at(static_cast<size_t>(channel)); }

int channel_index(std::string_view name) {
    const auto& idx = table().index;
    auto it = idx.find(std::string(name));
    return it == idx.end() ? -1 : it->second;
}

int channel_index(std::string_view substitution, std::string_view trinucleotide) {
    if (substitution.size() != 3 || trinucleotide.size() != 3 || substitution[1] != '>') return -1;
    if (trinucleotide[1] != substitution[0]) return -1;
    std::string name;
    name += trinucleotide[0];
    name += '[';
    name += substitution;
    name += ']';
    name += trinucleotide[2];
    return channel_index(name);
}

const std::array<std::string, 6>& substitution_classes() {
    static const std::array<std::string, 6> names{"C>A", "C>G", "C>T", "T>A", "T>C", "T>G"};
    return names;
}

int fold_channel(uint8_t before, uint8_t ref, uint8_t alt, uint8_t after) {
    if (before > 3 || ref > 3 || alt > 3 || after > 3 || ref == alt) return -1;
    if (ref == 0 || ref == 2) {  // purine: read the other strand, 3' to 5'
        const uint8_t b = complement_code(after);
        after = complement_code(before);
        before = b;
        ref = complement_code(ref);
        alt = complement_code(alt);
    }
    const int k = class_of(ref, alt);
    return k * 16 + before * 4 + after;
}

}  // namespace somatic::sig
