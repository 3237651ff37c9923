// somatic-sig fit's exposures table (sig/exposures_table.hpp) as the report
// reads it: Sample, one column per signature, Mutations, Cosine, ..., and
// with --bootstrap <signature>_low / <signature>_high after them. The row
// of one sample is taken.
#pragma once

#include <cmath>
#include <string>
#include <vector>

namespace somatic::report {

struct SignatureExposure {
    std::string name;
    double exposure = 0;       // mutations (or a fraction, with fit --fractions)
    double low = NAN, high = NAN;  // the bootstrap's 2.5% and 97.5% percentiles; NaN without
};

struct ExposuresInput {
    std::string name;
    std::string sample;
    double mutations = NAN, cosine = NAN;
    bool intervals = false;    // the table has _low/_high columns
    std::vector<std::string> samples;  // every row's sample, for messages
    std::vector<SignatureExposure> signatures;  // in the table's order
};

// The row of `sample`; with an empty `sample`, the only row (several rows
// and no name is an error that lists them). With `only_row_fallback`, a
// table of one row is taken whatever its name (a workflow that names the
// sample by its pair id; the caller then warns of the mismatch).
ExposuresInput read_exposures(const std::string& path, const std::string& sample, bool only_row_fallback = false);

}  // namespace somatic::report
