// Does a tumour's distribution of repeat lengths at one site differ from its
// normal's? And which of many sites pass after multiple testing?
//
// The test is MSIsensor's: Pearson's chi-square on the 2 x L table of read
// counts (tumour, normal) by length, with L - 1 degrees of freedom. The
// chi-square law is poor for cells with tiny expected counts, and at a
// microsatellite most lengths are seen once or twice (stutter, sequencing
// error): so lengths seen in fewer than `min_column` reads of both samples
// together are pooled into one column, "a rare length". A tumour whose
// reads moved to a new length still shows it (in that column), while
// single stray reads no longer each add a degree of freedom with an expected
// count near zero. Across sites, Benjamini-Hochberg controls the false
// discovery rate, as MSIsensor does (q <= 0.05 by default).
#pragma once

#include <map>
#include <vector>

namespace somatic::msi {

// Length in bases -> reads.
using LengthCounts = std::map<int, int>;

struct LengthTest {
    double statistic = 0.0;
    int df = 0;           // 0: one column only, nothing to test (p = 1)
    double p_value = 1.0;
};

LengthTest compare_lengths(const LengthCounts& tumour, const LengthCounts& normal, int min_column = 5);

// Benjamini-Hochberg adjusted p-values (q-values), in the order given.
std::vector<double> benjamini_hochberg(const std::vector<double>& p_values);

}  // namespace somatic::msi
