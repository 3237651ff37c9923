#include "libsomatic/cnv/snv_evidence.hpp"

#include <htslib/vcf.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/hts_memory.hpp"
#include "libsomatic/io/vcf_reader.hpp"
#include "libsomatic/stats/log_gamma.hpp"

namespace somatic::cnv {

namespace {
constexpr double kMinVaf = 0.001;  // sequencing error: no VAF is exactly 0
constexpr int kSubclonalSteps = 32;  // midpoints of the subclonal VAF's integral

double log_binomial(uint32_t k, uint32_t n, double f) {
    f = std::clamp(f, kMinVaf, 1 - kMinVaf);
    return stats::log_choose(n, k) + k * std::log(f) + (n - k) * std::log1p(-f);
}

double log_sum_exp(const std::vector<double>& v) {
    const double top = *std::max_element(v.begin(), v.end());
    double s = 0;
    for (double x : v) s += std::exp(x - top);
    return top + std::log(s);
}

struct RecordDeleter {
    void operator()(bcf1_t* r) const { bcf_destroy(r); }
};
}  // namespace

double clonal_vaf(double purity, int m, int cn, int normal_cn) {
    const double den = purity * cn + normal_cn * (1 - purity);
    return den > 0 ? purity * m / den : 0;
}

double snv_log_likelihood(uint32_t alt, uint32_t depth, double purity, int cn, int major, int normal_cn) {
    if (major < 0) major = cn - cn / 2;
    const int top = std::max(1, major);
    std::vector<double> parts;
    parts.reserve(static_cast<size_t>(top) + 1);
    const double share = std::log(1.0 / (top + 1));
    for (int m = 1; m <= top; ++m) parts.push_back(share + log_binomial(alt, depth, clonal_vaf(purity, m, cn, normal_cn)));
    // Subclonal: the mean of the binomial over VAF uniform on (0, f1).
    const double f1 = clonal_vaf(purity, 1, cn, normal_cn);
    std::vector<double> steps;
    steps.reserve(kSubclonalSteps);
    for (int i = 0; i < kSubclonalSteps; ++i) steps.push_back(log_binomial(alt, depth, f1 * (i + 0.5) / kSubclonalSteps));
    parts.push_back(share + log_sum_exp(steps) - std::log(static_cast<double>(kSubclonalSteps)));
    return log_sum_exp(parts);
}

std::vector<int64_t> snv_segments(const std::vector<SomaticSnv>& snvs, const std::vector<std::string>& contig,
                                  const std::vector<int64_t>& beg, const std::vector<int64_t>& end) {
    std::vector<int64_t> at(snvs.size(), -1);
    for (size_t i = 0; i < snvs.size(); ++i) {
        // Segments are few (hundreds): a scan per SNV is cheap next to reading.
        for (size_t k = 0; k < contig.size(); ++k) {
            if (contig[k] == snvs[i].contig && beg[k] <= snvs[i].pos && snvs[i].pos < end[k]) {
                at[i] = static_cast<int64_t>(k);
                break;
            }
        }
    }
    return at;
}

std::vector<SomaticSnv> read_somatic_snvs(const std::string& path) {
    VcfReader vcf(path);
    const std::string name = vcf.name();
    const auto samples = vcf.samples();
    if (samples.empty()) throw input_error(name, "has no sample column", {}, "give somatic-snv's VCF of the pair");
    if (bcf_hdr_id2int(vcf.header(), BCF_DT_ID, "AD") < 0) {
        throw input_error(name, "has no FORMAT/AD field", {}, "the tumour's allele depths are needed");
    }
    int ti = 0;
    if (bcf_hrec_t* h = bcf_hdr_get_hrec(vcf.header(), BCF_HL_GEN, "tumor_sample", nullptr, nullptr); h && h->value) {
        const auto it = std::find(samples.begin(), samples.end(), std::string(h->value));
        if (it == samples.end()) {
            throw input_error(name, "the header's tumor_sample '" + std::string(h->value) + "' is not one of the samples");
        }
        ti = static_cast<int>(it - samples.begin());
    }
    std::vector<SomaticSnv> out;
    std::unique_ptr<bcf1_t, RecordDeleter> rec(bcf_init());
    HtsArray<int32_t> ad;
    while (vcf.next(rec.get())) {
        if (rec->n_allele != 2 || std::strlen(rec->d.allele[0]) != 1 || std::strlen(rec->d.allele[1]) != 1) continue;
        bcf_unpack(rec.get(), BCF_UN_FLT);
        if (rec->d.n_flt > 0 && bcf_has_filter(vcf.header(), rec.get(), const_cast<char*>("PASS")) != 1) continue;
        const int got = bcf_get_format_int32(vcf.header(), rec.get(), "AD", &ad.data, &ad.capacity);
        if (got < 0) continue;
        const int per_sample = got / static_cast<int>(samples.size());
        if (per_sample < 2) continue;
        auto value = [&](int allele) {
            const int32_t v = ad.data[ti * per_sample + allele];
            return v == bcf_int32_missing || v == bcf_int32_vector_end || v < 0 ? 0u : static_cast<uint32_t>(v);
        };
        SomaticSnv s{bcf_hdr_id2name(vcf.header(), rec->rid), rec->pos, value(0), value(1)};
        if (s.ref + s.alt > 0) out.push_back(std::move(s));
    }
    log::info("fit: " + std::to_string(out.size()) + " somatic SNVs with tumour reads in " + name);
    return out;
}

}  // namespace somatic::cnv
