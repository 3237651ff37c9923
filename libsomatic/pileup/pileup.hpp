// The tumour/normal pileup engine.
//
// For one chunk of the genome and one read batch per sample, it builds:
//  1. counts of A/C/G/T by strand at every position (cheap: one increment per
//     aligned base), from which a model picks the sites it wants to look at;
//  2. for those sites only, the individual observations (base, base quality,
//     mapping quality, strand, read orientation, position in the read) that
//     a likelihood model needs.
// Splitting the two keeps the per-base cost of a whole-genome pass at one
// counter increment, and the detailed work proportional to candidate sites.
//
// A fragment is counted once: where the two mates of a pair overlap, their
// bases at a position are merged into one observation (the higher quality
// when they agree; dropped when they disagree, as neither can be trusted).
// Positions are 0-based; only positions inside the chunk are reported.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/io/alignment_file.hpp"

namespace somatic {

struct BaseCounts {
    uint32_t forward[4] = {0, 0, 0, 0};
    uint32_t reverse[4] = {0, 0, 0, 0};

    uint32_t of(uint8_t base) const { return forward[base] + reverse[base]; }
    uint32_t total() const {
        return forward[0] + forward[1] + forward[2] + forward[3] + reverse[0] + reverse[1] + reverse[2] +
               reverse[3];
    }
};

struct Observation {
    enum Flag : uint8_t {
        reverse_strand = 1,  // the read is aligned to the reverse strand
        f1r2 = 2,            // the fragment's orientation: read 1 forward or read 2 reverse
        merged_mates = 4,    // both mates covered this position and agreed
    };
    uint8_t base = 0;         // 0-3
    uint8_t base_quality = 0;
    uint8_t mapping_quality = 0;
    uint8_t flags = 0;
    uint16_t cycle = 0;        // sequencing cycle of the base (0 = first base read)
    uint16_t distance_to_end = 0;  // to the nearer end of the aligned part of the read
    // The fragment (its first read's index in the sample's batch): ties one
    // fragment's observations at different sites together, for phasing.
    // A site's observations come in fragment order.
    uint32_t fragment = 0;

    bool is_reverse() const { return flags & reverse_strand; }
    bool is_f1r2() const { return flags & f1r2; }
};

struct PileupOptions {
    int min_base_quality = 13;
};

class ChunkPileup {
public:
    // Counts every base of `samples` (one batch per sample) inside `chunk`.
    void count(const Interval& chunk, std::span<const ReadBatch* const> samples, const PileupOptions& options);

    const Interval& chunk() const { return chunk_; }
    size_t sample_count() const { return samples_.size(); }
    const BaseCounts& counts(size_t sample, int64_t pos) const {
        return counts_[sample][static_cast<size_t>(pos - chunk_.beg)];
    }

    // Gathers the observations at `sites` (sorted, inside the chunk); the
    // i-th site's observations are then observations(sample, i).
    void collect(const std::vector<int64_t>& sites);
    std::span<const Observation> observations(size_t sample, size_t site) const;
    const std::vector<int64_t>& sites() const { return sites_; }

private:
    Interval chunk_;
    PileupOptions options_;
    std::vector<const ReadBatch*> samples_;
    std::vector<std::vector<BaseCounts>> counts_;
    // Per sample: the partner of each read in an overlapping pair, so both
    // passes merge the same mates. -1: no partner; -2: merged into its partner.
    std::vector<std::vector<int32_t>> partner_;
    std::vector<int64_t> sites_;
    std::vector<std::vector<uint32_t>> offsets_;            // per sample, sites + 1
    std::vector<std::vector<Observation>> observations_;   // per sample, by site
};

}  // namespace somatic
