// A histogram of the tumour allele fractions of the PASS somatic calls, 20
// bins of 0.05, each bar stacked by the copy-number state of the call's
// segment ("CN2 1+1", "CN1 LOH", ...; "no segment" where none covers it).
// Clonal heterozygous calls sit near purity x (copies of the mutated allele)
// / (purity x CN + 2 (1 - purity)); a second peak below them is a subclone.
#pragma once

#include <string>
#include <vector>

namespace somatic::report {

struct AfPoint {
    double af;
    std::string state;
};

// Hand-written SVG; an empty `points` gives a frame that says so.
std::string af_histogram_svg(const std::vector<AfPoint>& points);

}  // namespace somatic::report
