#include "libsomatic/snv/haplotype_scoring.hpp"

#include <htslib/sam.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>

#include "libsomatic/pileup/pileup.hpp"
#include "libsomatic/snv/indel_caller.hpp"
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
    const int width = hi - lo + 1;
    constexpr double kNone = -1e300;
    const double open = std::log10(kGapOpen), extend = std::log10(kGapExtend);
    // Cells by row i (read base) and diagonal k: haplotype base j = i + lo + k.
    // I consumes a read base (stays on j), so it comes from diagonal k + 1 of
    // the row above; D consumes a haplotype base, from diagonal k - 1 of the
    // same row.
    // A row's emissions first, then M and I (from the row above only: a
    // loop without branches the compiler vectorises), then D along the row.
    // One cell past the last diagonal holds kNone, so that I's look at
    // diagonal k + 1 needs no bounds check.
    const size_t W = static_cast<size_t>(width);
    std::vector<double> m(W + 1, kNone), ins(m), del(m), pm(m), pins(m), pdel(m), emit(W);
    for (int i = 0; i < n; ++i) {
        const int q = std::min<int>(qualities[static_cast<size_t>(i)], kMaxBaseQuality);
        const char base = read[static_cast<size_t>(i)];
        for (size_t K = 0; K < W; ++K) {
            const int j = i + lo + static_cast<int>(K);
            emit[K] = (j < 0 || j >= h)                     ? kOffHaplotype
                      : base == hap[static_cast<size_t>(j)] ? t.match[q]
                                                            : t.mismatch[q];
        }
        if (i == 0) {
            for (size_t K = 0; K < W; ++K) {
                m[K] = emit[K];  // the read may start anywhere in the band
                ins[K] = kOffHaplotype + open;
            }
        } else {
            for (size_t K = 0; K < W; ++K) {
                m[K] = emit[K] + std::max(std::max(pm[K], pins[K]), pdel[K]);
                ins[K] = kOffHaplotype + std::max(pm[K + 1] + open, pins[K + 1] + extend);
            }
        }
        del[0] = kNone;
        for (size_t K = 1; K < W; ++K) del[K] = std::max(m[K - 1] + open, del[K - 1] + extend);
        std::swap(m, pm);
        std::swap(ins, pins);
        std::swap(del, pdel);
    }
    double best = kNone;
    for (int k = 0; k < width; ++k) best = std::max({best, pm[static_cast<size_t>(k)], pins[static_cast<size_t>(k)]});
    return best;
}

namespace {

// The read's bases, soft clips included, and their qualities, and the
// numbers clipped before its first and after its last aligned base; false
// for CIGAR N or P.
bool read_bases(const bam1_t* read, std::string& bases, std::vector<uint8_t>& quals, int& leading_clip,
                int& trailing_clip) {
    const uint32_t* cigar = bam_get_cigar(read);
    const uint32_t n = read->core.n_cigar;
    leading_clip = trailing_clip = 0;
    for (uint32_t i = 0; i < n; ++i) {
        const int op = bam_cigar_op(cigar[i]);
        if (op == BAM_CREF_SKIP || op == BAM_CPAD) return false;
    }
    for (uint32_t i = 0; i < n; ++i) {
        const int op = bam_cigar_op(cigar[i]);
        if (op == BAM_CSOFT_CLIP) {
            leading_clip += static_cast<int>(bam_cigar_oplen(cigar[i]));
        } else if (op != BAM_CHARD_CLIP) {
            break;
        }
    }
    for (int64_t i = static_cast<int64_t>(n) - 1; i >= 0; --i) {
        const int op = bam_cigar_op(cigar[i]);
        if (op == BAM_CSOFT_CLIP) {
            trailing_clip += static_cast<int>(bam_cigar_oplen(cigar[i]));
        } else if (op != BAM_CHARD_CLIP) {
            break;
        }
    }
    const int32_t len = read->core.l_qseq;
    if (len <= 0) return false;
    const uint8_t* seq = bam_get_seq(read);
    const uint8_t* qual = bam_get_qual(read);
    bases.resize(static_cast<size_t>(len));
    quals.resize(bases.size());
    for (int32_t k = 0; k < len; ++k) {
        bases[static_cast<size_t>(k)] = seq_nt16_str[bam_seqi(seq, k)];
        quals[static_cast<size_t>(k)] = qual[0] == 0xff ? 30 : qual[k];
    }
    return true;
}

// Reads longer than this are not looked back for (their start is searched
// from the candidate minus it).
constexpr int64_t kMaxReadSpan = 1000;

// The index of the read base at reference position t, soft clips taken as
// aligned on either side, clamped to the read; inside a deletion, the base
// after it. `at` is then the reference position of that base.
int query_at(const bam1_t* read, int64_t t, int leading_clip, int64_t& at) {
    const int len = read->core.l_qseq;
    const int64_t start = read->core.pos - leading_clip;
    if (t <= start) {
        at = start;
        return 0;
    }
    at = t;
    if (t < read->core.pos) return static_cast<int>(t - start);
    const uint32_t* cigar = bam_get_cigar(read);
    int64_t rpos = read->core.pos;
    int qpos = 0;
    for (uint32_t i = 0; i < read->core.n_cigar; ++i) {
        const int op = bam_cigar_op(cigar[i]);
        const int n = static_cast<int>(bam_cigar_oplen(cigar[i]));
        const int type = bam_cigar_type(op);  // bit 1: consumes query, bit 2: consumes reference
        if (op == BAM_CSOFT_CLIP && qpos > 0) return std::min(len, qpos + static_cast<int>(t - rpos));
        if ((type & 2) && t < rpos + n) return (type & 1) ? qpos + static_cast<int>(t - rpos) : qpos;
        if (type & 1) qpos += n;
        if (type & 2) rpos += n;
    }
    return len;
}

}  // namespace

namespace {
std::string with_allele(const RefWindow& ref, const IndelAllele& a) {
    std::string hap;
    hap.reserve(ref.bases.size() + a.alt.size());
    hap.append(ref.bases.substr(0, static_cast<size_t>(a.pos - ref.beg)));
    hap.append(a.alt);
    hap.append(ref.bases.substr(static_cast<size_t>(a.pos + static_cast<int64_t>(a.ref.size()) - ref.beg)));
    return hap;
}
}  // namespace

std::vector<ReadSupport> score_reads(const ReadBatch& reads, const IndelAllele& allele, const RefWindow& ref,
                                     int64_t context_end, const std::vector<const IndelAllele*>& others) {
    std::vector<ReadSupport> out;
    const int64_t site_beg = allele.pos, site_end = allele.pos + static_cast<int64_t>(allele.ref.size()) + 1;
    // The part of each read that is scored: the event, its repeat, and
    // kScoredFlank bases either side (elsewhere both haplotypes are the same).
    const int64_t scored_beg = site_beg - kScoredFlank;
    const int64_t scored_end = std::max(site_end, context_end) + kScoredFlank;
    // The two haplotypes over the window.
    const std::string_view ref_hap = ref.bases;
    const std::string alt_hap = with_allele(ref, allele);
    std::vector<std::string> other_haps;
    int band = allele.length() + kBandSlack;
    for (const IndelAllele* o : others) {
        other_haps.push_back(with_allele(ref, *o));
        band = std::max(band, o->length() + kBandSlack);
    }

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
        int clip = 0, trailing = 0;
        if (!read_bases(read, bases, quals, clip, trailing)) continue;
        int64_t at_beg = 0, at_end = 0;
        const int q0 = query_at(read, scored_beg, clip, at_beg);
        const int q1 = query_at(read, scored_end, clip, at_end);
        if (q1 <= q0) continue;
        const std::string_view segment = std::string_view(bases).substr(static_cast<size_t>(q0),
                                                                        static_cast<size_t>(q1 - q0));
        const std::span<const uint8_t> segment_quals(quals.data() + q0, static_cast<size_t>(q1 - q0));
        const int offset = static_cast<int>(at_beg - ref.beg);
        const double on_ref = log10_read_given_haplotype(segment, segment_quals, ref_hap, offset - band, offset + band);
        const double on_alt = log10_read_given_haplotype(segment, segment_quals, alt_hap, offset - band, offset + band);
        double on_other = -1e300;
        for (const auto& hap : other_haps) {
            on_other = std::max(on_other, log10_read_given_haplotype(segment, segment_quals, hap, offset - band,
                                                                     offset + band));
        }
        // A read that another candidate explains best is neither allele's.
        if (on_other > std::max(on_alt, on_ref) + kMinLog10Ratio) continue;
        ReadSupport s;
        s.log10_ratio = static_cast<float>(on_alt - std::max(on_ref, on_other));
        s.mapping_quality = read->core.qual;
        const bool reverse = read->core.flag & BAM_FREVERSE;
        const bool read2 = read->core.flag & BAM_FREAD2;
        if (reverse) s.flags |= Observation::reverse_strand;
        if (reverse == read2) s.flags |= Observation::f1r2;
        const int64_t event = allele.pos + 1;
        // Clipped bases count: a read clipped at the indel still holds it.
        s.end_distance = static_cast<uint16_t>(
            std::clamp<int64_t>(std::min(event - (read->core.pos - clip), end + trailing - event), 0, 65535));
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

AltReadsExplained alt_reads_explained_by_indels(const ReadBatch& reads, int64_t pos, char alt,
                                                const std::vector<const IndelAllele*>& indels, const RefWindow& ref,
                                                int64_t run_beg, int64_t run_end) {
    AltReadsExplained out;
    if (indels.empty() || !ref.holds(pos)) return out;
    run_beg = std::max(run_beg, ref.beg);
    run_end = std::min(run_end, ref.end());
    // The haplotypes: the substitution's, and per indel its own and with the
    // substitution (none when the indel deletes the substituted base).
    std::string snv_bases(ref.bases);
    snv_bases[static_cast<size_t>(pos - ref.beg)] = alt;
    const RefWindow snv_ref{ref.beg, snv_bases};
    struct Haplotypes {
        const IndelAllele* indel;
        std::string alone, with_snv;
    };
    std::vector<Haplotypes> haps;
    int band = kBandSlack;
    int64_t scored_beg = pos - kScoredFlank, scored_end = pos + 1 + kScoredFlank;
    for (const IndelAllele* a : indels) {
        const int64_t a_end = a->pos + static_cast<int64_t>(a->ref.size());
        if (!ref.holds(a->pos) || !ref.holds(a_end)) continue;
        const bool deleted = pos > a->pos && pos < a_end;
        haps.push_back({a, with_allele(ref, *a), deleted ? std::string() : with_allele(snv_ref, *a)});
        band = std::max(band, a->length() + kBandSlack);
        scored_beg = std::min(scored_beg, a->pos - kScoredFlank);
        scored_end = std::max(scored_end, a_end + 1 + kScoredFlank);
    }
    if (haps.empty()) return out;
    size_t lo = 0, hi = reads.size();
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (reads[mid]->core.pos < pos - kMaxReadSpan) lo = mid + 1; else hi = mid;
    }
    std::unordered_map<std::string_view, bool> fragment;  // name -> explained by an indel
    // The substitution haplotype with each read's own bases at the other
    // candidates of the run, rewritten in place read by read (a copy per
    // read would cost the whole window).
    const bool in_run = run_end - run_beg > 1;
    std::string run_bases = in_run ? snv_bases : std::string();
    std::string bases;
    std::vector<uint8_t> quals;
    for (size_t r = lo; r < reads.size() && reads[r]->core.pos <= pos; ++r) {
        const bam1_t* read = reads[r];
        if (bam_endpos(read) <= pos) continue;
        int clip = 0, trailing = 0;
        if (!read_bases(read, bases, quals, clip, trailing)) continue;
        int64_t at = 0;
        const int q = query_at(read, pos, clip, at);
        if (at != pos || q < 0 || q >= static_cast<int>(bases.size()) || bases[static_cast<size_t>(q)] != alt) continue;
        int64_t at_beg = 0, at_end = 0;
        const int q0 = query_at(read, scored_beg, clip, at_beg);
        const int q1 = query_at(read, scored_end, clip, at_end);
        if (q1 <= q0) continue;
        const std::string_view segment =
            std::string_view(bases).substr(static_cast<size_t>(q0), static_cast<size_t>(q1 - q0));
        const std::span<const uint8_t> segment_quals(quals.data() + q0, static_cast<size_t>(q1 - q0));
        const int offset = static_cast<int>(at_beg - ref.beg);
        // The read's own bases at the other substitution candidates of the
        // run: an MNV's read is not taken for an indel it fits better than
        // one of its bases alone.
        if (in_run) {
            for (int64_t t = run_beg; t < run_end; ++t) {
                const size_t i = static_cast<size_t>(t - ref.beg);
                int64_t t_at = 0;
                const int qt = query_at(read, t, clip, t_at);
                const bool covered = t_at == t && qt >= 0 && qt < static_cast<int>(bases.size());
                run_bases[i] = covered ? bases[static_cast<size_t>(qt)] : snv_bases[i];
            }
        }
        const double on_snv = log10_read_given_haplotype(segment, segment_quals, in_run ? run_bases : snv_bases,
                                                         offset - band, offset + band);
        bool explained = false;
        for (const auto& h : haps) {
            const double on_indel =
                log10_read_given_haplotype(segment, segment_quals, h.alone, offset - band, offset + band);
            if (on_indel <= on_snv - kMinLog10Ratio) continue;  // the substitution fits clearly better
            const double on_both = h.with_snv.empty() ? -1e300
                                                      : log10_read_given_haplotype(segment, segment_quals, h.with_snv,
                                                                                   offset - band, offset + band);
            if (on_both < on_indel + kMinLog10Ratio) {
                explained = true;
                break;
            }
        }
        auto [it, fresh] = fragment.emplace(bam_get_qname(read), explained);
        if (!fresh) it->second = it->second || explained;
    }
    for (const auto& [name, explained] : fragment) {
        ++out.alt_fragments;
        out.explained_by_indel += explained;
    }
    return out;
}

}  // namespace somatic::snv

