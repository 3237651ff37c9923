#include "libsomatic/cnv/pooled_ratio.hpp"

#include <cmath>

#include "libsomatic/cnv/genome.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/stats/median.hpp"

namespace somatic::cnv {

RatioTable compute_pooled_ratios(const BinTable& tumour, const PooledReference& ref, const RatioOptions& o,
                                 const std::string& tf, const std::string& rf, const BinTable* normal) {
    o.validate();
    check_reference_layout(ref, rf, tumour, tf);
    if (normal) check_reference_layout(ref, rf, *normal, "the normal's bins");
    const size_t n = tumour.size();
    const std::vector<ContigClass> cls = bin_contig_classes(tumour);

    RatioTable r;
    r.contigs = tumour.contigs;
    r.pool_normals = ref.normals.size();
    set_sex(r, cls, normal ? *normal : tumour, o.sex);

    std::vector<char> keep(n);
    for (size_t i = 0; i < n; ++i) {
        keep[i] = ref.usable[i] && !std::isnan(tumour.gc[i]) && tumour.n_fraction[i] <= o.max_n_fraction &&
                  cls[i] != ContigClass::other && normal_copy_number(cls[i], r.sex) > 0;
    }
    const std::vector<double> t_depth = corrected_depth(tumour, keep, cls, o.gc_correct, tf);
    std::vector<double> expected(n, std::nan(""));
    double sum = 0, count = 0;
    std::vector<double> reads;
    for (size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
        expected[i] = std::exp2(ref.log2[i]) * normal_copy_number(cls[i], r.sex) / 2.0;
        if (!(t_depth[i] > 0) || !(expected[i] > 0)) {
            keep[i] = 0;
            continue;
        }
        sum += t_depth[i] / expected[i];
        count += 1;
        reads.push_back(ref.reads[i]);
    }
    if (count == 0) {
        throw input_error(rf, "no bin of " + tf + " is left after the reference's and the N-content filters",
                          {}, "check that the reference's normals have reads over these bins");
    }
    r.normal_reads = stats::upper_median(reads);
    const double shift = std::log2(sum / count);
    for (size_t i = 0; i < n; ++i) {
        if (!keep[i]) {
            ++r.dropped;
            continue;
        }
        r.bins.push_back(tumour.bins[i]);
        r.gc.push_back(tumour.gc[i]);
        r.tumour.push_back(as_fixed(t_depth[i], 4));
        r.normal.push_back(as_fixed(expected[i], 4));
        r.log2.push_back(as_fixed(std::log2(t_depth[i] / expected[i]) - shift, 4));
    }
    log::info("ratio: " + std::to_string(r.size()) + " bins kept, " + std::to_string(r.dropped) +
              " dropped (unusable in the pooled reference, N content, sex chromosome absent, or no tumour depth); " +
              "expected depth from " + std::to_string(ref.normals.size()) + " pooled normals; sex " +
              std::string(sex_name(r.sex)) + (o.sex == Sex::unknown ? (normal ? " (inferred from the normal)" : " (inferred from the tumour)") : " (given)"));
    return r;
}

}  // namespace somatic::cnv
