// The contig dictionary: names and lengths of the sequences of a reference,
// an alignment file or a VCF header, and the check that two of them describe
// the same assembly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace somatic {

struct Contig {
    std::string name;
    int64_t length = 0;
};

class ContigDict {
public:
    ContigDict() = default;
    explicit ContigDict(std::vector<Contig> contigs);

    const std::vector<Contig>& contigs() const { return contigs_; }
    size_t size() const { return contigs_.size(); }
    bool empty() const { return contigs_.empty(); }
    const Contig& operator[](size_t i) const { return contigs_[i]; }

    const Contig* find(std::string_view name) const;
    // Index in the dictionary's order, or -1.
    int index_of(std::string_view name) const;

    // A hint for a name that is not here: the same name with or without a
    // "chr" prefix when that exists, otherwise empty.
    std::string suggest(std::string_view name) const;

    int64_t total_length() const;

private:
    std::vector<Contig> contigs_;
    std::unordered_map<std::string, int> index_;
};

// Alternate haplotypes, decoys, HLA alleles, unplaced and unlocalised
// scaffolds and viral sequences: GRCh38's *_alt, *_decoy, *_random, chrUn_*,
// HLA-*, chrEBV; hs37d5's GL000*, hs37d5 and NC_007605 (EBV). Aligners place
// reads there so that they do not mismap onto the primary assembly (and
// lower the mapping quality of reads that fit both), but a somatic call on
// one is rarely what a clinical report wants, so callers skip them unless
// asked. chrM/MT is primary assembly and is not one of them.
bool is_secondary_contig(std::string_view name);

// Which well-known human assembly a contig's length points to ("GRCh37",
// "GRCh38"), or "" when the length is not one of theirs.
std::string guess_assembly(std::string_view contig_name, int64_t length);

// Checks that every contig of `data` that will be used exists in `reference`
// with the same length, and explains the classic mistakes: a "chr" prefix on
// one side only, GRCh37 against GRCh38, a contig missing from the reference.
// `used` lists the contigs the run will read (empty: all of `data`'s that
// carry data, i.e. all of them). Throws an input error naming `data_file`.
void check_same_assembly(const ContigDict& data, const std::string& data_file,
                         const ContigDict& reference, const std::string& reference_file,
                         const std::vector<std::string>& used = {});

}  // namespace somatic
