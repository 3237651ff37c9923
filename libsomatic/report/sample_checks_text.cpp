#include "libsomatic/report/sample_checks_text.hpp"

#include <cstdio>

#include "libsomatic/snv/sample_checks.hpp"

namespace somatic::report {

CheckText describe_sample_identity(const std::string& value) {
    char verdict[32];
    unsigned long informative = 0, discordant = 0;
    if (std::sscanf(value.c_str(), "%31[a-z_],informative_sites=%lu,opposite_homozygotes=%lu", verdict, &informative,
                    &discordant) != 3) {
        return {value, {}};
    }
    const std::string counts = std::to_string(discordant) + " of " + std::to_string(informative) +
                               " informative sites are opposite homozygotes";
    const std::string v = verdict;
    if (v == "same") return {"one person (" + counts + ")", {}};
    if (v == "mismatch") {
        const std::string text = "two different people? " + counts + " (one person's samples: under 2%)";
        return {text, "the tumour and the normal look like two different people: " + counts +
                          "; a sample swap makes the other person's germline variants look somatic"};
    }
    if (v == "undetermined") return {"not determined (" + counts + ": too few sites to tell)", {}};
    return {value, {}};
}

CheckText describe_contamination(const std::string& value) {
    if (value.starts_with(".,")) {
        return {"not estimated (no homozygous-alternative site of the normal deep enough in both samples)", {}};
    }
    double fraction = 0, low = 0, high = 0;
    unsigned long sites = 0;
    if (std::sscanf(value.c_str(), "%lf,ci95=%lf-%lf,sites=%lu", &fraction, &low, &high, &sites) != 4) {
        return {value, {}};
    }
    char text[160];
    std::snprintf(text, sizeof text, "%.1f%% (95%% interval %.1f-%.1f%%, %lu sites)", 100 * fraction, 100 * low,
                  100 * high, sites);
    if (low < snv::kContaminationWarning) return {text, {}};
    return {text, std::string("tumour contamination by another person: ") + text +
                      "; calls at low allele fractions may be the other person's variants"};
}

}  // namespace somatic::report
