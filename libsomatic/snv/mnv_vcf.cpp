#include "libsomatic/snv/mnv_vcf.hpp"

#include <htslib/vcf.h>

#include <cmath>

#include "libsomatic/snv/mnv_merge.hpp"

namespace somatic::snv {

std::vector<std::string> mnv_header_lines() {
    return {
        "##INFO=<ID=MNV,Number=0,Type=Flag,Description=\"Multi-base substitution: adjacent somatic substitutions "
        "carried by the same tumour fragments, one event (AD, AF and DP count fragments covering every base: the "
        "reference haplotype against the whole ALT haplotype)\">",
        "##INFO=<ID=MNVQSS,Number=.,Type=Integer,Description=\"MNV: each base's QSS, called alone (QSS is the "
        "lowest)\">",
        "##INFO=<ID=MNVALT,Number=.,Type=Integer,Description=\"MNV: the tumour's fragments with each base's alt "
        "base\">",
        "##INFO=<ID=MNVPHASE,Number=2,Type=Integer,Description=\"MNV: the tumour's fragments covering every base "
        "that carry every alt base, and that carry some of them but not all\">",
    };
}

void add_mnv_fields(bcf_hdr_t* h, bcf1_t* record, const SnvCall& c) {
    if (!c.is_mnv()) return;
    const std::string alleles = ref_allele(c) + ',' + alt_allele(c);
    bcf_update_alleles_str(h, record, alleles.c_str());
    bcf_update_info_flag(h, record, "MNV", nullptr, 1);
    std::vector<int32_t> qss, alt;
    for (const SnvCall& b : c.bases) {
        qss.push_back(static_cast<int32_t>(std::lround(b.posterior.qss)));
        alt.push_back(static_cast<int32_t>(b.tumour.alt));
    }
    bcf_update_info_int32(h, record, "MNVQSS", qss.data(), static_cast<int>(qss.size()));
    bcf_update_info_int32(h, record, "MNVALT", alt.data(), static_cast<int>(alt.size()));
    const int32_t phase[2] = {static_cast<int32_t>(c.phase.full), static_cast<int32_t>(c.phase.partial)};
    bcf_update_info_int32(h, record, "MNVPHASE", phase, 2);
}

}  // namespace somatic::snv
