// Counting a somatic VCF's single-base substitutions into SBS96.
//
// Each input file is one sample. For each record that passes (FILTER PASS,
// unless all filters are accepted), each ALT allele that is a single base
// against a single-base REF is one SNV; its trinucleotide context comes from
// the reference, it is folded onto the pyrimidine strand and counted.
// Multi-base substitutions (REF and ALT of the same length > 1) are skipped
// by default, or split into their differing bases. Indels, symbolic alleles
// and other records are ignored (and counted in the summary).
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

struct CatalogueOptions {
    std::string sample;               // prefer this sample name when the VCF has it
    bool all_filters = false;         // count records whatever their FILTER
    MnvMode mnv = MnvMode::skip;
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
    uint64_t snvs = 0;           // SNVs counted into the catalogue
    uint64_t mnv_skipped = 0;    // multi-base substitutions skipped
    uint64_t mnv_split = 0;      // multi-base substitutions split (their SNVs are in `snvs`)
    uint64_t other = 0;          // indels, symbolic and complex alleles, REF == ALT
    uint64_t ref_checked = 0;    // records whose REF was compared with the reference
    uint64_t ref_mismatch = 0;   // ... and disagreed (skipped)
    uint64_t n_context = 0;      // SNVs with an N in the trinucleotide (skipped)
    uint64_t contig_edge = 0;    // SNVs at a contig's first or last base (skipped)
};

struct SampleCatalogue {
    std::string sample;
    std::array<uint64_t, 96> counts{};
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

// Counts the SNVs of `input` (a VCF or BCF). `sample_override` (non-empty)
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
