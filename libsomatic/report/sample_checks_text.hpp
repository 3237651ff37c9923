// somatic-snv's sample checks (snv/sample_identity.hpp) as a reader wants
// them: its ##sample_identity and ##tumour_contamination header values in
// words, and whether the report should warn about them. A value in another
// shape (another caller's line of the same name) is shown as it is.
#pragma once

#include <string>

namespace somatic::report {

struct CheckText {
    std::string text;     // "" for an empty value
    std::string warning;  // "" when there is nothing to warn about
};

// "mismatch,informative_sites=5,opposite_homozygotes=5" ->
// "two different people? 5 of 5 informative sites are opposite homozygotes
// (one person's samples: under 2%)", with a warning.
CheckText describe_sample_identity(const std::string& value);

// "0.5000,ci95=0.4940-0.5000,sites=5" -> "50.0% (95% interval 49.4-50.0%,
// 5 sites)", with a warning when the interval's lower end reaches
// somatic-snv's warning level; ".,sites=0" -> not estimated.
CheckText describe_contamination(const std::string& value);

}  // namespace somatic::report
