// The gene annotation (GFF3, as Ensembl writes it and bcftools csq reads
// it) as the report uses it: where each gene is, for the copy number of the
// genes of interest, and the coding territory (CDS), for the coding TMB.
// Consequences themselves come from the annotator's VCF fields, not from here.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/interval.hpp"

namespace somatic::report {

struct Gene {
    std::string name;  // Name=, else gene_name=, else ID= without "gene:"
    Interval where;    // 0-based half-open
};

struct GeneAnnotation {
    std::string name;
    std::vector<Contig> sequence_regions;  // ##sequence-region lines (length = end)
    std::vector<Gene> genes;
    std::vector<Interval> cds;             // every CDS line, unmerged
};

// Reads a GFF3 file (plain or gzipped). Throws an input error naming the
// line for a line with fewer than nine columns or coordinates that are not
// numbers, and one for a file with no gene, CDS or ##sequence-region line.
GeneAnnotation read_gff3(const std::string& path);

// The annotation and the VCF must describe one assembly: a
// ##sequence-region or feature on a contig the VCF's header names with
// another length (or past its end), or an annotation that shares no contig
// name with the VCF, is an input error that says so.
// (The report also checks it against the copy-number segments' contig
// names, lengths 0 = unknown, when there is no VCF.)
void check_same_build(const GeneAnnotation& annotation, const ContigDict& vcf_contigs, const std::string& vcf_name);

}  // namespace somatic::report
