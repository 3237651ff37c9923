// Reading BAM and CRAM through htslib.
//
// An AlignmentFile is one open, indexed alignment file; it is not shared
// between threads (the region engine gives each worker its own). Reads come
// out in batches of whole records for one region, already filtered.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

struct htsFile;
struct sam_hdr_t;
struct hts_idx_t;
struct bam1_t;
struct htsThreadPool;
struct hts_itr_t;

namespace somatic {

// The usual read filters of a somatic caller. Defaults are the ones a user
// would pick for 30-100x Illumina genomes.
struct ReadFilter {
    int min_mapq = 20;
    bool skip_duplicates = true;
    bool skip_secondary = true;
    bool skip_supplementary = true;
    bool skip_qc_fail = true;
    bool skip_unmapped = true;

    // True when the read is to be used.
    bool passes(const bam1_t* read) const;
};

// A batch of reads that owns its records and reuses their memory.
class ReadBatch {
public:
    ReadBatch() = default;
    ~ReadBatch();
    ReadBatch(const ReadBatch&) = delete;
    ReadBatch& operator=(const ReadBatch&) = delete;
    ReadBatch(ReadBatch&&) noexcept;
    ReadBatch& operator=(ReadBatch&&) noexcept;

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const bam1_t* operator[](size_t i) const { return records_[i]; }
    void clear() { size_ = 0; }

    // The next free record (allocated on first use); keep it with push().
    bam1_t* next_slot();
    void push() { ++size_; }

private:
    std::vector<bam1_t*> records_;
    size_t size_ = 0;
};

// Counts of what a read filter removed, for the log.
struct ReadCounts {
    uint64_t kept = 0;
    uint64_t filtered = 0;
    ReadCounts& operator+=(const ReadCounts& o) {
        kept += o.kept;
        filtered += o.filtered;
        return *this;
    }
};

class AlignmentFile {
public:
    // Opens `path` (BAM or CRAM) with its index. A CRAM needs
    // `reference_path`. `pool` (optional) is an htslib thread pool for block
    // decompression when one stream is read by one thread.
    AlignmentFile(std::string path, const std::string& reference_path, htsThreadPool* pool = nullptr);
    ~AlignmentFile();
    AlignmentFile(const AlignmentFile&) = delete;
    AlignmentFile& operator=(const AlignmentFile&) = delete;

    const std::string& path() const { return path_; }
    const ContigDict& contigs() const { return contigs_; }
    bool is_cram() const { return is_cram_; }

    // The SM tag of the read groups. Throws when there is none, or when the
    // file holds more than one sample.
    std::string sample_name() const;

    // Appends to `out` the reads overlapping `region` that pass `filter`;
    // returns the counts. Throws an input error on a decoding failure
    // (truncated file, CRAM reference mismatch).
    ReadCounts fetch(const Interval& region, const ReadFilter& filter, ReadBatch& out);

    // Hands each read overlapping `region` to `on_read` as it is decoded,
    // unfiltered, keeping nothing: for passes that only count (a batch of a
    // 500 kb region holds ~200,000 records at 60x). The record is reused:
    // copy what outlives the call. Throws as fetch does.
    void for_each(const Interval& region, const std::function<void(const bam1_t*)>& on_read);

    // From now on a CRAM decodes only the flag, contig, position and mapping
    // quality of each read (what a depth count and ReadFilter need); a BAM
    // is unaffected.
    void decode_positions_only();

private:
    hts_itr_t* query(const Interval& region);                  // throws when the contig or the index fails
    void check_end(int ret, const Interval& region) const;     // throws on a decoding failure
    std::string path_;
    htsFile* file_ = nullptr;
    sam_hdr_t* header_ = nullptr;
    hts_idx_t* index_ = nullptr;
    ContigDict contigs_;
    bool is_cram_ = false;
};

}  // namespace somatic
