// Consequences of variants as an established annotator wrote them into the
// VCF: bcftools csq (INFO/BCSQ), Ensembl VEP (INFO/CSQ) or SnpEff
// (INFO/ANN). The report reads these fields and calls no consequence itself.
//
//   BCSQ  Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change
//         ("missense|TP53|ENST..|protein_coding|-|175R>175H|..."), ',' between
//         transcripts; '@POS' entries point to a compound record and carry none.
//   CSQ   '|'-separated fields named by the header's "Format: A|B|..." text;
//         SYMBOL (else Gene), Consequence, HGVSp are used.
//   ANN   Allele|Annotation|Impact|Gene_Name|Gene_ID|Feature_Type|Feature_ID|
//         Biotype|Rank|HGVS.c|HGVS.p|... (SnpEff's fixed order).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace somatic::report {

enum class AnnotationSource { none, bcsq, vep_csq, snpeff_ann };

// "bcftools csq (BCSQ)", "Ensembl VEP (CSQ)", "SnpEff (ANN)", "none".
const char* annotation_source_name(AnnotationSource source);

struct Consequence {
    std::string gene;
    std::string consequence;  // the annotator's term(s), '&' joined as it wrote them
    std::string protein;      // "175R>175H" (BCSQ), "p.Arg175His" (VEP, SnpEff); empty for none
};

std::vector<Consequence> parse_bcsq(std::string_view value);

// Where CSQ's fields are, from its header Description ("... Format: Allele|Consequence|...").
struct CsqLayout {
    int consequence = -1, symbol = -1, gene = -1, hgvsp = -1;
    bool usable() const { return consequence >= 0 && (symbol >= 0 || gene >= 0); }
};
CsqLayout csq_layout(std::string_view description);
std::vector<Consequence> parse_csq(std::string_view value, const CsqLayout& layout);

std::vector<Consequence> parse_ann(std::string_view value);

// How much a consequence term changes the protein: higher is more severe
// (stop gained, frameshift and splice sites first, then missense, in-frame
// indels, synonymous, then the rest); a '&'-joined list counts by its worst.
int severity(std::string_view consequence);

// The most severe of `all` (the first of equals); empty when `all` is.
Consequence most_severe(const std::vector<Consequence>& all);

}  // namespace somatic::report
