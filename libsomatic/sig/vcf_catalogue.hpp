// Counting a somatic VCF into the three catalogues at once: SBS96, ID83 and
// DBS78 (one pass; the caller keeps the one it wants, or all three).
//
// Each input file is one sample. Records that pass (FILTER PASS, unless all
// filters are accepted) are counted by shape:
//   - a single-base REF and ALT: one SNV, folded onto the pyrimidine strand
//     in its trinucleotide context (SBS96);
//   - REF and ALT of different lengths: an indel, reduced to a pure deletion
//     or insertion and left-aligned against the reference (records that were
//     not are counted as `indels_normalised`), then classified into ID83
//     (id83.hpp). Bases both removed and added (REF AC, ALT GTT) are
//     `indels_complex`, skipped;
//   - REF and ALT of equal length 2 with both bases changed: a doublet
//     (DBS78, dbs78.hpp); equal lengths > 2 (or 2 with one base unchanged)
//     are `mnv_long`, kept out of DBS78.
// Two SNV records at adjacent positions (single ALT each) are one doublet,
// as SigProfilerMatrixGenerator merges them (Strelka2 writes a doublet as
// two SNVs); three or more in a row are one longer MNV. Not when the header
// declares INFO/MNV (see AdjacentSnvs). Following
// SigProfiler, the SNVs of a merged doublet or MNV are not counted into
// SBS96 as well, unless MNVs are split (MnvMode::split: each substituted
// base of a doublet, an MNV record or a run is then an SBS96 SNV; DBS78
// still counts the doublets).
//
// The reference is read one whole contig at a time and cached, so the cost
// per variant is a few comparisons: the reading of the VCF dominates. Memory
// is the longest contig(s) held (a few hundred MB for a human chr1).
#pragma once

#include <array>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <vector>

#include "libsomatic/io/reference.hpp"

namespace somatic::sig {

class InputFile;

enum class MnvMode { skip, split };

// Whether two SNV records at adjacent positions are one doublet. A caller
// that phases doublets itself writes them as one MNV record and keeps
// unphased neighbours apart; somatic-snv says so by declaring INFO/MNV in
// its header: `automatic` then leaves neighbours apart, and merges them
// otherwise (Strelka2 writes a doublet as two SNVs), as
// SigProfilerMatrixGenerator does. Mutect2 (--max-mnp-distance) also writes
// phased MNPs as one record but declares no INFO/MNV: `separate` suits it.
enum class AdjacentSnvs { automatic, merge, separate };

struct CatalogueOptions {
    std::string sample;               // prefer this sample name when the VCF has it
    bool all_filters = false;         // count records whatever their FILTER
    MnvMode mnv = MnvMode::skip;
    AdjacentSnvs adjacent = AdjacentSnvs::automatic;
    // Records whose REF disagrees with the reference: above this fraction of
    // the records checked, the VCF is against another assembly: error.
    double max_ref_mismatch = 0.01;

    // Throws an OptionError naming the field at fault.
    void validate() const;
};

// What happened to the records of one file.
struct CatalogueSummary {
    uint64_t records = 0;        // data lines read
    uint64_t filtered = 0;       // not PASS (skipped)
    uint64_t snvs = 0;           // SNVs counted into SBS96
    uint64_t mnv_skipped = 0;    // multi-base substitutions (records and merged runs) kept out of SBS96
    uint64_t mnv_split = 0;      // multi-base substitutions split (their SNVs are in `snvs`)
    uint64_t doublets = 0;       // doublets counted into DBS78 ...
    uint64_t doublets_merged = 0;  // ... of which merged from two adjacent SNV records
    uint64_t snvs_merged = 0;    // SNV records merged into doublets or longer runs (in SBS96 only when split)
    uint64_t mnv_long = 0;       // substitutions of 3 or more bases (records or runs): not in DBS78
    uint64_t indels = 0;         // indels counted into ID83 ...
    uint64_t indels_normalised = 0;  // ... of which were not left-aligned and parsimonious as written
    uint64_t indels_complex = 0;     // bases both deleted and inserted (skipped)
    uint64_t other = 0;          // symbolic alleles, non-ACGT bases, REF == ALT
    uint64_t ref_checked = 0;    // records whose REF was compared with the reference
    uint64_t ref_mismatch = 0;   // ... and disagreed (skipped)
    uint64_t n_context = 0;      // SNVs with an N in the trinucleotide (skipped)
    uint64_t contig_edge = 0;    // SNVs at a contig's first or last base (skipped)
};

struct SampleCatalogue {
    std::string sample;
    std::array<uint64_t, 96> counts{};  // SBS96
    std::array<uint64_t, 83> id83{};
    std::array<uint64_t, 78> dbs78{};
    CatalogueSummary summary;
};

// The reference with the current contig(s) cached in memory. Not shared
// between threads.
class ContextReference {
public:
    explicit ContextReference(const std::string& path, size_t max_cached_contigs = 2);
    const Reference& reference() const { return reference_; }
    const std::string& path() const { return reference_.path(); }
    // The whole sequence of `contig` (upper case), or nullptr when the
    // reference has no such contig.
    const std::string* sequence(const std::string& contig);

private:
    Reference reference_;
    size_t max_cached_;
    std::list<std::pair<std::string, std::string>> cache_;  // most recent first
};

// Counts the SNVs, indels and doublets of `input` (a VCF or BCF). The VCF
// must be sorted by position within each contig for adjacent SNVs to merge. `sample_override` (non-empty)
// names the sample; otherwise the name comes from the file (see
// vcf_sample_name). Throws input errors for a malformed record, a contig the
// reference lacks, a position past a contig's end, a contig length that
// differs between the VCF header and the reference, and a REF mismatch rate
// above options.max_ref_mismatch.
SampleCatalogue catalogue_from_vcf(InputFile& input, ContextReference& reference, const CatalogueOptions& options,
                                   const std::string& sample_override = {});

// The sample a somatic VCF is about: `preferred` when it is one of the VCF's
// samples; else the ##tumor_sample= (or ##tumour_sample=) header line; else
// the last sample column; else the file's name stem.
std::string vcf_sample_name(const std::vector<std::string>& samples, const std::string& tumour_header,
                            const std::string& preferred, const std::string& path);

}  // namespace somatic::sig
