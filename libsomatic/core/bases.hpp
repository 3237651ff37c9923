// Nucleotide codes shared by the pileup and the models: A, C, G, T are 0-3,
// anything else is N (4). Small and inline because they sit on the per-base
// hot path.
#pragma once

#include <array>
#include <cstdint>

namespace somatic {

inline constexpr uint8_t kBaseN = 4;
inline constexpr std::array<char, 5> kBaseChars{'A', 'C', 'G', 'T', 'N'};

constexpr uint8_t base_code(char c) {
    switch (c) {
        case 'A': case 'a': return 0;
        case 'C': case 'c': return 1;
        case 'G': case 'g': return 2;
        case 'T': case 't': return 3;
        default: return kBaseN;
    }
}

constexpr char base_char(uint8_t code) { return kBaseChars[code < 4 ? code : 4]; }

constexpr uint8_t complement_code(uint8_t code) { return code < 4 ? static_cast<uint8_t>(3 - code) : kBaseN; }

}  // namespace somatic
