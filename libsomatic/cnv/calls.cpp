#include "libsomatic/cnv/calls.hpp"

#include <cmath>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"

namespace somatic::cnv {

void CallOptions::validate() const { fit.validate(); }

CnvCalls call_copy_number(SegmentTable table, const CallOptions& o) {
    CnvCalls r;
    r.table = std::move(table);
    r.sex = o.sex;
    if (r.sex == Sex::unknown) {
        const std::string given = header_value(r.table.header, "sex");
        if (!given.empty()) r.sex = parse_sex(given);
    }
    bool has_x = false;
    uint64_t hets = 0, bins = 0;
    for (const auto& s : r.table.segments) {
        const ContigClass cls = classify_contig(r.table.contigs[static_cast<size_t>(s.contig)]);
        FitSegment f;
        f.normal_cn = cls == ContigClass::other ? 0 : normal_copy_number(cls, r.sex);
        f.n_bins = s.n_bins;
        f.log2 = s.log2;
        f.n_het = s.n_het;
        f.mirrored_baf = s.mirrored_baf;
        f.het_depth = s.het_depth;
        f.length = s.end - s.beg;
        has_x |= cls == ContigClass::x;
        hets += s.n_het;
        bins += s.n_bins;
        r.fit_segments.push_back(f);
    }
    if (r.sex == Sex::unknown && has_x) {
        log::warning("the sex is not known (no ##sex= line and no --sex): chrX is fitted as two copies in the normal");
    }
    if (bins < o.min_fit_bins) {
        log::warning("only " + std::to_string(bins) + (bins == 1 ? " bin is" : " bins are") +
                     " left to fit purity and ploidy (at least " +
                     std::to_string(o.min_fit_bins) + " are needed to measure their noise): the fit below is not "
                     "supported by the data; give more of the genome or larger bins");
    }
    r.depth_only = hets == 0 || !o.fit.use_baf;
    if (hets == 0) {
        log::warning("no heterozygous SNP sites: purity and ploidy are fitted on depth alone, which cannot tell "
                     "many solutions apart, and no allele-specific copy numbers are called");
    }
    const double baf_sd = r.depth_only ? NAN : r.table.baf_sd;
    // The sd that makes log2_sd^2 / n the variance of a mean of n bins when
    // neighbouring bins' noise is correlated.
    const double log2_sd = r.table.log2_sd * std::sqrt(r.table.log2_noise_factor);
    r.fit = fit_purity_ploidy(r.fit_segments, log2_sd, baf_sd, o.fit);
    if (r.fit.solutions.empty()) throw Error(ErrorKind::internal, {}, "the purity/ploidy grid has no solution");
    r.purity = r.fit.solutions.front().purity;
    r.ploidy = r.fit.solutions.front().ploidy;
    for (const auto& f : r.fit_segments) r.calls.push_back(call_segment(f, r.purity, r.ploidy, log2_sd, r.fit, o.fit));
    return r;
}

}  // namespace somatic::cnv
