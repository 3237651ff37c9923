// The user's genes of interest: a TSV of gene, then optionally a tier and a
// note (a header line "gene ..." or "#..." is skipped). The project ships
// no such list: which genes matter is the clinical team's call.
//
// The report puts their variants first, in tier order (tiers compare as
// numbers when both are numbers, else as text; no tier comes last), then in
// the list's order, then every other variant in the VCF's order.
#pragma once

#include <string>
#include <vector>

#include "libsomatic/report/snv_input.hpp"

namespace somatic::report {

struct GeneOfInterest {
    std::string gene, tier, note;
};

std::vector<GeneOfInterest> read_genes_of_interest(const std::string& path);

// -1 when `gene` is not in `list`, else its index.
int gene_index(const std::vector<GeneOfInterest>& list, const std::string& gene);

// The order to show `variants` in (indices into it), as above.
std::vector<size_t> order_variants(const std::vector<Variant>& variants, const std::vector<GeneOfInterest>& list);

}  // namespace somatic::report
