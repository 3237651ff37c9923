#include "libsomatic/snv/sample_checks.hpp"

#include <cstdio>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"

namespace somatic::snv {

SampleChecks check_samples(const std::vector<GenotypeSite>& sites, const std::string& tumour,
                           const std::string& normal, bool allow_mismatch) {
    SampleChecks checks{check_identity(sites), estimate_contamination(sites)};
    const auto& id = checks.identity;
    const std::string counts = std::to_string(id.discordant) + " of " + std::to_string(id.informative) +
                               " sites where one sample is homozygous for the alternative allele are homozygous "
                               "reference in the other";
    const std::string pair = tumour + " and " + normal;
    switch (id.verdict) {
        case IdentityVerdict::mismatch:
            if (!allow_mismatch) {
                throw input_error(pair, "the tumour and the normal look like two different people (" + counts +
                                            "; one person's samples: under 2%)",
                                  {}, "a sample swap? --allow-sample-mismatch calls anyway");
            }
            log::warning(pair + " look like two different people (" + counts + "); calling anyway");
            break;
        case IdentityVerdict::same_person:
            log::debug("sample identity: one person (" + counts + ")");
            break;
        case IdentityVerdict::undetermined:
            // A panel or a small slice: too few germline sites to tell, said
            // in the header (and with --verbose), not as a warning that every
            // panel run would print.
            log::debug("sample identity not confirmed: " + counts + ", too few to tell");
            break;
    }
    const auto& c = checks.contamination;
    if (c.sites > 0) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "tumour contamination by another person: %.1f%% (95%% interval %.1f-%.1f%%, %zu sites)",
                      100 * c.fraction, 100 * c.low, 100 * c.high, c.sites);
        if (c.low >= kContaminationWarning) {
            log::warning(std::string(text) + ": calls at low allele fractions may be the other person's variants");
        } else {
            log::debug(text);
        }
    }
    return checks;
}

}  // namespace somatic::snv
