#include "libsomatic/snv/haplotype_scoring.hpp"

#include <htslib/sam.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

#include "libsomatic/pileup/pileup.hpp"
#include "libsomatic/snv/likelihood.hpp"
#include "libsomatic/snv/site_stats.hpp"

namespace somatic::snv {

namespace {

struct QualityTable {
    std::array<double, kMaxBaseQuality + 1> match{}, mismatch{};
    QualityTable() {
        for (int q = 0; q <= kMaxBaseQuality; ++q) {
            // Quality 0-2 would make a mismatch likelier than a match.
            const double e = std::min(0.75, std::pow(10.0, -std::max(q, 2) / 10.0));
            match[q] = std::log10(1 - e);
            mismatch[q] = std::log10(e / 3);
        }
    }
};
const QualityTable& quality_table() {
    static const QualityTable t;
    return t;
}

const double kOffHaplotype = std::log10(0.25);

}  // namespace

double log10_read_given_haplotype(std::string_view read, std::span<const uint8_t> qualities, std::string_view hap,
                                  int lo, int hi) {
    const auto& t = quality_table();
    const int n = static_cast<int>(read.size());
    const int h = static_cast<int>(hap.size());
    double total = -std::numeric_limits<double>::infinity();
    for (int o = lo; o <= hi; ++o) {
        double ll = 0;
        for (int i = 0; i < n; ++i) {
            const int j = o + i;
            const int q = std::min<int>(qualities[static_cast<size_t>(i)], kMaxBaseQuality);
            if (j < 0 || j >= h) {
                ll += kOffHaplotype;
            } else {
                ll += read[static_cast<size_t>(i)] == hap[static_cast<size_t>(j)] ? t.match[q] : t.mismatch[q];
            }
        }
        total = log10_sum(total, ll);
    }
    return total - std::log10(static_cast<double>(hi - lo + 1));
}

namespace {

// The read's aligned bases (soft clips left out) and their qualities; false
// for CIGAR N or P.
bool aligned_bases(const bam1_t* read, std::string& bases, std::vector<uint8_t>& quals) {
    const uint32_t* cigar = bam_get_cigar(read);
    int32_t qbeg = 0, qend = read->core.l_qseq;
    for (uint32_t i = 0; i < read->core.n_cigar; ++i) {
        const int op = bam_cigar_op(cigar[i]);
        if (op == BAM_CREF_SKIP || op == BAM_CPAD) return false;
    }
    const uint32_t n = read->core.n_cigar;
    for (uint32_t i = 0; i < n && bam_cigar_op(cigar[i]) != BAM_CMATCH && bam_cigar_op(cigar[i]) != BAM_CEQUAL &&
                         bam_cigar_op(cigar[i]) != BAM_CDIFF && bam_cigar_op(cigar[i]) != BAM_CINS;
         ++i) {
        if (bam_cigar_op(cigar[i]) == BAM_CSOFT_CLIP) qbeg += static_cast<int32_t>(bam_cigar_oplen(cigar[i]));
    }
    for (int64_t i = n - 1; i >= 0; --i) {
        const int op = bam_cigar_op(cigar[i]);
        if (op == BAM_CSOFT_CLIP) {
            qend -= static_cast<int32_t>(bam_cigar_oplen(cigar[i]));
        } else if (op != BAM_CHARD_CLIP) {
            break;
        }
    }
    if (qend <= qbeg) return false;
    const uint8_t* seq = bam_get_seq(read);
    const uint8_t* qual = bam_get_qual(read);
    bases.resize(static_cast<size_t>(qend - qbeg));
    quals.resize(bases.size());
    for (int32_t k = qbeg; k < qend; ++k) {
        bases[static_cast<size_t>(k - qbeg)] = seq_nt16_str[bam_seqi(seq, k)];
        quals[static_cast<size_t>(k - qbeg)] = qual[0] == 0xff ? 30 : qual[k];
    }
    return true;
}

// Reads longer than this are not looked back for (their start is searched
// from the candidate minus it).
constexpr int64_t kMaxReadSpan = 1000;

}  // namespace

std::vector<ReadSupport> score_reads(const ReadBatch& reads, const IndelAllele& allele, const RefWindow& ref) {
    std::vector<ReadSupport> out;
    const int64_t site_beg = allele.pos, site_end = allele.pos + static_cast<int64_t>(allele.ref.size()) + 1;
    // The two haplotypes over the window.
    const std::string_view ref_hap = ref.bases;
    std::string alt_hap;
    alt_hap.reserve(ref_hap.size() + allele.alt.size());
    alt_hap.append(ref_hap.substr(0, static_cast<size_t>(allele.pos - ref.beg)));
    alt_hap.append(allele.alt);
    alt_hap.append(ref_hap.substr(static_cast<size_t>(allele.pos + static_cast<int64_t>(allele.ref.size()) - ref.beg)));
    const int band = allele.length() + kBandSlack;

    // The first read that may reach the candidate.
    size_t lo = 0, hi = reads.size();
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (reads[mid]->core.pos < site_beg - kMaxReadSpan) lo = mid + 1; else hi = mid;
    }
    std::unordered_map<std::string_view, size_t> fragment;
    std::string bases;
    std::vector<uint8_t> quals;
    for (size_t r = lo; r < reads.size() && reads[r]->core.pos < site_end; ++r) {
        const bam1_t* read = reads[r];
        const int64_t end = bam_endpos(read);
        if (end <= site_beg) continue;
        if (!aligned_bases(read, bases, quals)) continue;
        const int offset = static_cast<int>(read->core.pos - ref.beg);
        const double on_ref = log10_read_given_haplotype(bases, quals, ref_hap, offset - band, offset + band);
        const double on_alt = log10_read_given_haplotype(bases, quals, alt_hap, offset - band, offset + band);
        ReadSupport s;
        s.log10_ratio = static_cast<float>(on_alt - on_ref);
        s.mapping_quality = read->core.qual;
        const bool reverse = read->core.flag & BAM_FREVERSE;
        const bool read2 = read->core.flag & BAM_FREAD2;
        if (reverse) s.flags |= Observation::reverse_strand;
        if (reverse == read2) s.flags |= Observation::f1r2;
        const int64_t event = allele.pos + 1;
        s.end_distance = static_cast<uint16_t>(std::clamp<int64_t>(std::min(event - read->core.pos, end - event), 0,
                                                                   65535));
        const std::string_view name = bam_get_qname(read);
        auto [it, fresh] = fragment.emplace(name, out.size());
        if (fresh) {
            out.push_back(s);
        } else if (std::abs(s.log10_ratio) > std::abs(out[it->second].log10_ratio)) {
            out[it->second] = s;
        }
    }
    return out;
}

}  // namespace somatic::snv
