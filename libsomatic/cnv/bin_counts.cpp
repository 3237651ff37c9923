#include "libsomatic/cnv/bin_counts.hpp"

#include <htslib/sam.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/parallel/region_engine.hpp"

namespace somatic::cnv {

void CountOptions::validate() const {
    if (threads < 1) throw usage_error("threads must be at least 1");
    if (chunk_size < 1) throw usage_error("chunk_size must be at least 1");
}

bool counts_fragment(const bam1_t* read) {
    const uint16_t flag = read->core.flag;
    if (!(flag & BAM_FPAIRED)) return true;
    return (flag & BAM_FREAD1) != 0;
}

namespace {

// Bins [first, last) of one contig, read as one region.
struct Chunk {
    size_t first = 0;
    size_t last = 0;
};

std::vector<Chunk> group_bins(const BinTable& t, int64_t chunk_size) {
    std::vector<Chunk> chunks;
    size_t i = 0;
    while (i < t.size()) {
        Chunk c{i, i + 1};
        while (c.last < t.size() && t.bins[c.last].contig == t.bins[i].contig &&
               t.bins[c.last].end - t.bins[i].beg <= chunk_size) {
            ++c.last;
        }
        chunks.push_back(c);
        i = c.last;
    }
    return chunks;
}

struct Worker {
    Reference reference;
    std::vector<std::unique_ptr<AlignmentFile>> files;
    Worker(const std::string& ref, const std::vector<std::string>& paths) : reference(ref) {
        for (const auto& p : paths) {
            files.push_back(std::make_unique<AlignmentFile>(p, ref));
            files.back()->decode_positions_only();
        }
    }
};

struct ChunkResult {
    std::vector<double> gc, n_fraction;
    std::vector<std::vector<double>> reads;  // per file
    ReadCounts filtered;
};

void fill_composition(const std::string& seq, int64_t offset, const Bin& bin, double& gc, double& n_fraction) {
    int64_t at = 0, cg = 0;
    const int64_t beg = bin.beg - offset;
    const int64_t end = std::min<int64_t>(bin.end - offset, static_cast<int64_t>(seq.size()));
    for (int64_t p = beg; p < end; ++p) {
        switch (seq[static_cast<size_t>(p)]) {
            case 'A': case 'T': ++at; break;
            case 'C': case 'G': ++cg; break;
            default: break;
        }
    }
    const int64_t len = bin.end - bin.beg;
    // At the precision of the bins table (see as_fixed).
    gc = at + cg > 0 ? as_fixed(static_cast<double>(cg) / static_cast<double>(at + cg), 4) : std::nan("");
    n_fraction = len > 0 ? as_fixed(static_cast<double>(len - at - cg) / static_cast<double>(len), 4) : 1.0;
}

}  // namespace

std::vector<BinTable> count_bins(const BinTable& layout, const std::vector<std::string>& alignments,
                                 const std::string& reference_path, const CountOptions& options) {
    {
        // Check every file against the reference before any work.
        Reference reference(reference_path);
        std::vector<std::string> used;
        for (size_t i = 0; i < layout.size(); ++i) {
            if (i == 0 || layout.bins[i].contig != layout.bins[i - 1].contig) {
                used.push_back(layout.contigs[static_cast<size_t>(layout.bins[i].contig)]);
            }
        }
        for (const auto& path : alignments) {
            AlignmentFile file(path, reference_path);
            check_same_assembly(file.contigs(), path, reference.contigs(), reference_path, used);
        }
    }
    std::vector<BinTable> tables(alignments.size(), layout);
    const std::vector<Chunk> chunks = group_bins(layout, options.chunk_size);
    std::vector<Interval> regions;
    regions.reserve(chunks.size());
    for (const auto& c : chunks) {
        const Bin& a = layout.bins[c.first];
        regions.push_back(Interval{layout.contigs[static_cast<size_t>(a.contig)], a.beg, layout.bins[c.last - 1].end});
    }

    // The chunk a region came from, by (contig, start): regions are unique.
    std::vector<std::pair<int32_t, int64_t>> keys;
    for (const auto& c : chunks) keys.emplace_back(layout.bins[c.first].contig, layout.bins[c.first].beg);
    const ContigDict dict([&] {
        std::vector<Contig> v;
        for (const auto& name : layout.contigs) v.push_back(Contig{name, 0});
        return v;
    }());
    auto chunk_of = [&](const Interval& region) {
        const std::pair<int32_t, int64_t> key{dict.index_of(region.contig), region.beg};
        return static_cast<size_t>(std::lower_bound(keys.begin(), keys.end(), key) - keys.begin());
    };

    PerThread<std::unique_ptr<Worker>> workers;
    ReadCounts totals;
    auto compute = [&](const Interval& region) {
        auto& w = workers.local();
        if (!w) w = std::make_unique<Worker>(reference_path, alignments);
        const Chunk& chunk = chunks[chunk_of(region)];
        ChunkResult r;
        const size_t n = chunk.last - chunk.first;
        r.gc.resize(n);
        r.n_fraction.resize(n);
        const std::string seq = w->reference.fetch(region);
        for (size_t k = 0; k < n; ++k) {
            fill_composition(seq, region.beg, layout.bins[chunk.first + k], r.gc[k], r.n_fraction[k]);
        }
        r.reads.assign(w->files.size(), std::vector<double>(n, 0.0));
        for (size_t f = 0; f < w->files.size(); ++f) {
            std::vector<double>& counts = r.reads[f];
            size_t k = 0;  // the reads come sorted by start: walk the bins alongside
            w->files[f]->for_each(region, [&](const bam1_t* b) {
                const int64_t pos = b->core.pos;
                if (pos < region.beg) return;  // counted by the chunk where it starts
                if (!options.filter.passes(b)) {
                    ++r.filtered.filtered;
                    return;
                }
                ++r.filtered.kept;
                if (!counts_fragment(b)) return;
                while (k < n && layout.bins[chunk.first + k].end <= pos) ++k;
                if (k < n && pos >= layout.bins[chunk.first + k].beg) counts[k] += 1;
            });
        }
        return r;
    };
    auto write = [&](ChunkResult&& r, const Interval& region) {
        const Chunk& chunk = chunks[chunk_of(region)];
        for (size_t f = 0; f < tables.size(); ++f) {
            for (size_t k = 0; k < r.gc.size(); ++k) {
                tables[f].gc[chunk.first + k] = r.gc[k];
                tables[f].n_fraction[chunk.first + k] = r.n_fraction[k];
                tables[f].reads[chunk.first + k] = r.reads[f][k];
            }
        }
        totals += r.filtered;
    };
    run_in_order<ChunkResult>(regions, EngineOptions{options.threads, 0}, compute, write);
    for (size_t f = 0; f < tables.size(); ++f) {
        try {
            tables[f].sample = AlignmentFile(alignments[f], reference_path).sample_name();
        } catch (const Error&) {
            // No single @RG SM: the table simply carries no ##sample line.
        }
    }
    log::debug("bins: " + std::to_string(totals.kept) + " reads read, " + std::to_string(totals.filtered) +
               " filtered out");
    return tables;
}

}  // namespace somatic::cnv
