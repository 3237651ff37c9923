// A CIGAR written as text ("10M2D28M") as htslib's packed operations, for
// unit tests that build BAM records with bam_set1.
#pragma once

#include <htslib/sam.h>

#include <cstdint>
#include <string>
#include <vector>

namespace somatic::testing {

inline std::vector<uint32_t> parse_cigar(const std::string& text) {
    std::vector<uint32_t> ops;
    uint32_t n = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            n = n * 10 + static_cast<uint32_t>(c - '0');
            continue;
        }
        ops.push_back(bam_cigar_gen(n, bam_cigar_table[static_cast<unsigned char>(c)]));
        n = 0;
    }
    return ops;
}

}  // namespace somatic::testing
