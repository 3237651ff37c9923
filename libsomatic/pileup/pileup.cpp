#include "libsomatic/pileup/pileup.hpp"

#include <htslib/sam.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "libsomatic/core/bases.hpp"

namespace somatic {

namespace {

// htslib's 4-bit base codes (=ACMGRSVTWYHKDBN) to 0-3, N for the rest.
constexpr uint8_t kNibbleToBase[16] = {4, 0, 1, 4, 2, 4, 4, 4, 3, 4, 4, 4, 4, 4, 4, 4};

// One aligned base of one read, before it is merged with its mate's.
struct Hit {
    int64_t ref;
    uint8_t base;
    uint8_t quality;
    uint16_t query_pos;
};

// The facts about a read that every one of its observations shares.
struct ReadShape {
    int aligned_beg;  // first query position after leading soft clips
    int aligned_end;  // one past the last before trailing soft clips
    int length;
    uint8_t flags;
    uint8_t mapq;
};

ReadShape shape_of(const bam1_t* b) {
    const uint32_t* cig = bam_get_cigar(b);
    const uint32_t n = b->core.n_cigar;
    ReadShape s{};
    s.length = b->core.l_qseq;
    s.aligned_beg = 0;
    s.aligned_end = s.length;
    // A hard clip may stand outside a soft clip (5H10S85M): look past it.
    uint32_t first = 0, last = n;
    while (first < n && bam_cigar_op(cig[first]) == BAM_CHARD_CLIP) ++first;
    while (last > first && bam_cigar_op(cig[last - 1]) == BAM_CHARD_CLIP) --last;
    if (first < last && bam_cigar_op(cig[first]) == BAM_CSOFT_CLIP) {
        s.aligned_beg = static_cast<int>(bam_cigar_oplen(cig[first]));
    }
    if (last > first + 1 && bam_cigar_op(cig[last - 1]) == BAM_CSOFT_CLIP) {
        s.aligned_end = s.length - static_cast<int>(bam_cigar_oplen(cig[last - 1]));
    }
    const uint16_t flag = b->core.flag;
    const bool reverse = flag & BAM_FREVERSE;
    const bool read2 = (flag & BAM_FPAIRED) && (flag & BAM_FREAD2);
    s.flags = 0;
    if (reverse) s.flags |= Observation::reverse_strand;
    if (reverse == read2) s.flags |= Observation::f1r2;  // read 1 forward, or read 2 reverse
    s.mapq = b->core.qual;
    return s;
}

Observation observation_of(const Hit& h, const ReadShape& s) {
    Observation o;
    o.base = h.base;
    o.base_quality = h.quality;
    o.mapping_quality = s.mapq;
    o.flags = s.flags;
    const int q = h.query_pos;
    o.cycle = static_cast<uint16_t>((s.flags & Observation::reverse_strand) ? s.length - 1 - q : q);
    o.distance_to_end = static_cast<uint16_t>(std::max(0, std::min(q - s.aligned_beg, s.aligned_end - 1 - q)));
    return o;
}

// Calls hit(Hit) for each aligned base of `b` in [lo, hi) with a real base
// of at least `min_quality`.
template <class OnHit>
inline void walk_read(const bam1_t* b, int64_t lo, int64_t hi, int min_quality, OnHit&& hit) {
    const uint32_t* cig = bam_get_cigar(b);
    const uint8_t* seq = bam_get_seq(b);
    const uint8_t* qual = bam_get_qual(b);
    int64_t ref = b->core.pos;
    int query = 0;
    for (uint32_t k = 0; k < b->core.n_cigar && ref < hi; ++k) {
        const int op = bam_cigar_op(cig[k]);
        const int len = static_cast<int>(bam_cigar_oplen(cig[k]));
        switch (op) {
            case BAM_CMATCH:
            case BAM_CEQUAL:
            case BAM_CDIFF: {
                const int64_t from = std::max<int64_t>(ref, lo);
                const int64_t to = std::min<int64_t>(ref + len, hi);
                for (int64_t r = from; r < to; ++r) {
                    const int qp = query + static_cast<int>(r - ref);
                    const uint8_t base = kNibbleToBase[bam_seqi(seq, qp)];
                    const uint8_t q = qual[qp];
                    if (base != kBaseN && q >= min_quality) hit(Hit{r, base, q, static_cast<uint16_t>(qp)});
                }
                ref += len;
                query += len;
                break;
            }
            case BAM_CINS:
            case BAM_CSOFT_CLIP: query += len; break;
            // A deletion or a spliced read's skipped intron (N): reference
            // without bases, so no observation there.
            case BAM_CDEL:
            case BAM_CREF_SKIP: ref += len; break;
            // Hard clips hold no bases; padding (P) is silent deletion from a
            // padded reference and moves neither the read nor the reference.
            default: break;
        }
    }
}

// Finds overlapping mates within one batch. The earlier mate of a pair whose
// mates overlap gets its partner's index; the later gets -2 (it is handled
// together with the earlier one).
std::vector<int32_t> find_overlapping_mates(const ReadBatch& reads) {
    std::vector<int32_t> partner(reads.size(), -1);
    std::unordered_map<std::string_view, int32_t> waiting;
    for (size_t i = 0; i < reads.size(); ++i) {
        const bam1_t* b = reads[i];
        const auto& c = b->core;
        if (!(c.flag & BAM_FPAIRED) || (c.flag & BAM_FMUNMAP) || c.mtid != c.tid) continue;
        const std::string_view name(bam_get_qname(b));
        if (c.mpos > c.pos || (c.mpos == c.pos && (c.flag & BAM_FREAD1))) {
            // The mate starts later: it overlaps when it starts before we end.
            if (c.mpos < bam_endpos(b)) waiting.emplace(name, static_cast<int32_t>(i));
        } else {
            auto it = waiting.find(name);
            if (it != waiting.end()) {
                partner[static_cast<size_t>(it->second)] = static_cast<int32_t>(i);
                partner[i] = -2;
                waiting.erase(it);
            }
        }
    }
    return partner;
}

// Calls emit(Observation-producing hit) for each fragment-level base in
// [lo, hi) of read `i`, merging it with its overlapping mate when it has one.
// emit(int64_t ref, const Hit&, const ReadShape&, bool merged).
template <class Emit>
void walk_fragment(const ReadBatch& reads, const std::vector<int32_t>& partner, size_t i, int64_t lo,
                   int64_t hi, int min_quality, Emit&& emit) {
    const int32_t mate = partner[i];
    if (mate == -2) return;  // handled with its partner
    const bam1_t* first = reads[i];
    const ReadShape first_shape = shape_of(first);
    if (mate < 0) {
        walk_read(first, lo, hi, min_quality, [&](const Hit& h) { emit(h, first_shape, false); });
        return;
    }
    const bam1_t* second = reads[static_cast<size_t>(mate)];
    const ReadShape second_shape = shape_of(second);
    // Only [lo, hi) is walked: a spliced mate (N) may span an intron far
    // longer than the window.
    const int64_t second_beg = std::max<int64_t>(second->core.pos, lo);
    const int64_t second_end = std::min<int64_t>(bam_endpos(second), hi);
    // The second mate's hits by reference offset, within the window where the
    // two can meet. A hit of quality 0 marks "no base here".
    std::vector<Hit> second_hits(static_cast<size_t>(std::max<int64_t>(0, second_end - second_beg)),
                                 Hit{0, kBaseN, 0, 0});
    std::vector<bool> consumed(second_hits.size(), false);
    walk_read(second, lo, hi, min_quality,
              [&](const Hit& h) { second_hits[static_cast<size_t>(h.ref - second_beg)] = h; });
    walk_read(first, lo, hi, min_quality, [&](const Hit& h) {
        if (h.ref >= second_beg && h.ref < second_end) {
            const size_t k = static_cast<size_t>(h.ref - second_beg);
            const Hit& other = second_hits[k];
            if (other.base != kBaseN) {
                consumed[k] = true;
                if (other.base != h.base) return;  // the mates disagree: trust neither
                if (other.quality > h.quality) {
                    emit(other, second_shape, true);
                } else {
                    emit(h, first_shape, true);
                }
                return;
            }
        }
        emit(h, first_shape, false);
    });
    for (size_t k = 0; k < second_hits.size(); ++k) {
        if (second_hits[k].base != kBaseN && !consumed[k]) emit(second_hits[k], second_shape, false);
    }
}

}  // namespace

void ChunkPileup::count(const Interval& chunk, std::span<const ReadBatch* const> samples,
                        const PileupOptions& options) {
    chunk_ = chunk;
    options_ = options;
    samples_.assign(samples.begin(), samples.end());
    const size_t len = static_cast<size_t>(std::max<int64_t>(0, chunk.length()));
    counts_.assign(samples_.size(), std::vector<BaseCounts>(len));
    partner_.resize(samples_.size());
    sites_.clear();
    for (size_t s = 0; s < samples_.size(); ++s) {
        const ReadBatch& reads = *samples_[s];
        partner_[s] = find_overlapping_mates(reads);
        BaseCounts* counts = counts_[s].data();
        const int64_t beg = chunk.beg;
        for (size_t i = 0; i < reads.size(); ++i) {
            walk_fragment(reads, partner_[s], i, chunk.beg, chunk.end, options.min_base_quality,
                          [&](const Hit& h, const ReadShape& shape, bool) {
                              BaseCounts& c = counts[h.ref - beg];
                              if (shape.flags & Observation::reverse_strand) {
                                  ++c.reverse[h.base];
                              } else {
                                  ++c.forward[h.base];
                              }
                          });
        }
    }
}

void ChunkPileup::collect(const std::vector<int64_t>& sites) {
    sites_ = sites;
    const size_t len = counts_.empty() ? 0 : counts_[0].size();
    // slot[p]: the site index at chunk offset p, or -1; before[p]: how many
    // sites lie before offset p, so a read's overlap with sites is O(1).
    std::vector<int32_t> slot(len, -1);
    std::vector<uint32_t> before(len + 1, 0);
    for (size_t k = 0; k < sites_.size(); ++k) slot[static_cast<size_t>(sites_[k] - chunk_.beg)] = static_cast<int32_t>(k);
    for (size_t p = 0; p < len; ++p) before[p + 1] = before[p] + (slot[p] >= 0 ? 1 : 0);

    offsets_.assign(samples_.size(), {});
    observations_.assign(samples_.size(), {});
    for (size_t s = 0; s < samples_.size(); ++s) {
        // The counts already say how many observations each site will get.
        auto& offsets = offsets_[s];
        offsets.assign(sites_.size() + 1, 0);
        for (size_t k = 0; k < sites_.size(); ++k) offsets[k + 1] = offsets[k] + counts(s, sites_[k]).total();
        auto& obs = observations_[s];
        obs.resize(offsets.back());
        std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);

        const ReadBatch& reads = *samples_[s];
        const auto& partner = partner_[s];
        for (size_t i = 0; i < reads.size(); ++i) {
            if (partner[i] == -2) continue;
            const bam1_t* b = reads[i];
            int64_t lo = std::max<int64_t>(b->core.pos, chunk_.beg);
            int64_t hi = std::min<int64_t>(bam_endpos(b), chunk_.end);
            if (partner[i] >= 0) {
                const bam1_t* m = reads[static_cast<size_t>(partner[i])];
                hi = std::min<int64_t>(std::max<int64_t>(hi, bam_endpos(m)), chunk_.end);
            }
            if (hi <= lo || before[static_cast<size_t>(hi - chunk_.beg)] == before[static_cast<size_t>(lo - chunk_.beg)]) {
                continue;  // no site under this fragment
            }
            walk_fragment(reads, partner, i, chunk_.beg, chunk_.end, options_.min_base_quality,
                          [&](const Hit& h, const ReadShape& shape, bool merged) {
                              const int32_t k = slot[static_cast<size_t>(h.ref - chunk_.beg)];
                              if (k < 0) return;
                              Observation o = observation_of(h, shape);
                              if (merged) o.flags |= Observation::merged_mates;
                              o.fragment = static_cast<uint32_t>(i);
                              obs[fill[static_cast<size_t>(k)]++] = o;
                          });
        }
    }
}

std::span<const Observation> ChunkPileup::observations(size_t sample, size_t site) const {
    const auto& offsets = offsets_[sample];
    return std::span<const Observation>(observations_[sample].data() + offsets[site], offsets[site + 1] - offsets[site]);
}

}  // namespace somatic
