// Stage 3: allele counts at the normal's heterozygous SNPs, from which the
// tumour's B-allele fraction (BAF) is read.
//
// Two sources:
//  * a germline-hets VCF (as written by `somatic-snv --germline-hets`): a
//    VCF with FORMAT/AD for two samples. The tumour is the sample named by a
//    `##tumor_sample=NAME` header line, or else the first sample; the normal
//    is `##normal_sample=NAME`, or else the other one. Only biallelic SNVs are
//    used (AD = ref,alt), and only where the normal passes the het criteria.
//  * a sites VCF (--snp-sites: known SNPs, e.g. a population panel; only
//    CHROM, POS, REF and ALT are read) and the two alignment files: tumour
//    and normal base counts at each site come from the shared pileup engine
//    (ChunkPileup; overlapping mates counted once, base quality >= 13).
//
// A site is heterozygous in the normal when its alt fraction is in
// [min_af, max_af] and its depth (ref + alt) is at least min_depth.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"
#include "libsomatic/io/alignment_file.hpp"

namespace somatic::cnv {

struct HetCriteria {
    double min_af = 0.2;
    double max_af = 0.8;
    int min_depth = 10;
    // Throws a usage error unless 0 <= min_af <= max_af <= 1.
    void validate() const;
};

bool is_het(uint32_t ref, uint32_t alt, const HetCriteria& c);

struct HetSite {
    int32_t contig = 0;  // index into HetTable::contigs
    int64_t pos = 0;     // 0-based
    uint32_t tumour_ref = 0, tumour_alt = 0, normal_ref = 0, normal_alt = 0;
    // The tumour's alt fraction; NaN when the tumour has no reads here.
    double baf() const;
};

struct HetTable {
    std::vector<std::string> contigs;
    std::vector<HetSite> sites;  // sorted by contig order, then position
};

// From a germline-hets VCF. `reference` (optional) is checked against the
// VCF's contigs. Throws an input error for a VCF without FORMAT/AD, with
// fewer than two samples, or naming a tumour sample it does not hold.
HetTable read_germline_hets(const std::string& path, const HetCriteria& criteria, const ContigDict* reference = nullptr,
                            const std::string& reference_file = {});

// Drops the sites outside `regions` (any order; contigs matched by name), so
// that a run over -r counts only its own sites into bins and segments.
// Returns the number of sites dropped.
size_t keep_sites_in(HetTable& table, const std::vector<Interval>& regions);

struct PileupHetOptions {
    HetCriteria criteria;
    ReadFilter filter;
    int min_base_quality = 13;
    int threads = 1;
    int64_t chunk_size = 250000;
    // The run fails when more than this fraction of the sites' REF alleles
    // disagree with the reference: the sites belong to another assembly.
    double max_ref_mismatch = 0.05;
    // criteria.validate(), and at least 1 thread.
    void validate() const;
};

// From a sites VCF and the tumour and normal alignments, over `regions`.
HetTable pileup_het_sites(const std::string& sites_vcf, const std::string& tumour, const std::string& normal,
                          const std::string& reference, const std::vector<Interval>& regions,
                          const PileupHetOptions& options);

// The allele-count table (output of `somatic-cnv baf`):
//   ##somatic-cnv allele counts
//   #chrom start end tumour_ref tumour_alt normal_ref normal_alt baf
void format_het_table(const HetTable& table, std::string& out);
void write_het_table(const HetTable& table, const std::string& path);
HetTable read_het_table(const std::string& path);

}  // namespace somatic::cnv
