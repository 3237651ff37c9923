#include "libsomatic/cnv/calls.hpp"

#include <cmath>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"

namespace somatic::cnv {

void CallOptions::validate() const { fit.validate(); }

void add_snv_evidence(std::vector<Solution>& solutions, const std::vector<FitSegment>& segs,
                      const std::vector<SomaticSnv>& snvs, const std::vector<int64_t>& segment_of, double log2_sd,
                      const FitResult& fit, const FitOptions& o) {
    std::vector<std::vector<SegmentCall>> calls;
    for (const Solution& s : solutions) {
        calls.emplace_back();
        for (const FitSegment& f : segs) calls.back().push_back(call_segment(f, s.purity, s.ploidy, log2_sd, fit, o));
    }
    for (Solution& s : solutions) s.snv_count = 0, s.snv_log_likelihood = 0;
    for (size_t i = 0; i < snvs.size(); ++i) {
        if (segment_of[i] < 0) continue;
        const auto k = static_cast<size_t>(segment_of[i]);
        bool everywhere = true;
        for (const auto& c : calls) everywhere = everywhere && c[k].total > 0;
        if (!everywhere) continue;
        for (size_t j = 0; j < solutions.size(); ++j) {
            const SegmentCall& c = calls[j][k];
            solutions[j].snv_count += 1;
            solutions[j].snv_log_likelihood += snv_log_likelihood(snvs[i].alt, snvs[i].ref + snvs[i].alt,
                                                                  solutions[j].purity, c.total, c.major, segs[k].normal_cn);
        }
    }
}

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
    if (!o.somatic_vcf.empty()) {
        const std::vector<SomaticSnv> snvs = read_somatic_snvs(o.somatic_vcf);
        std::vector<std::string> contig;
        std::vector<int64_t> beg, end;
        for (const auto& g : r.table.segments) {
            contig.push_back(r.table.contigs[static_cast<size_t>(g.contig)]);
            beg.push_back(g.beg);
            end.push_back(g.end);
        }
        add_snv_evidence(r.fit.solutions, r.fit_segments, snvs, snv_segments(snvs, contig, beg, end), log2_sd, r.fit,
                         o.fit);
        weigh_snv_evidence(r.fit.solutions, o.fit);
    }
    r.purity = r.fit.solutions.front().purity;
    r.ploidy = r.fit.solutions.front().ploidy;
    for (const auto& f : r.fit_segments) r.calls.push_back(call_segment(f, r.purity, r.ploidy, log2_sd, r.fit, o.fit));
    return r;
}

}  // namespace somatic::cnv
