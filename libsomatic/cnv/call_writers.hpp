// The outputs of the calls stage.
//
// BED (standard output by default), one line per segment:
//   #chrom start end log2 baf total_cn major_cn minor_cn cn_float loh subclonal n_bins n_het
//   subclonal_cn cell_fraction
// (for a mixture of two states, total/major/minor are the clonal background,
// subclonal_cn the subclonal state as major+minor and cell_fraction the
// share of tumour cells that carry it; NA for a clonal segment),
// preceded by ## lines with the purity, ploidy, sex and every solution.
// "NA" where a value does not exist (no het sites: no baf, major/minor or
// loh; a contig outside the fit: no copy number).
//
// IGV .seg: `ID chrom loc.start loc.end num.mark seg.mean`, with 1-based
// starts as DNAcopy writes them.
//
// Summary TSV: a header line and one line:
//   purity ploidy called_ploidy sex genome_doubled score depth_only n_segments alternatives
//   misfit events prior odd_cn_fraction odd_allele_fraction
// where alternatives lists the other solutions as
// purity/ploidy/score/doubled|undoubled/misfit=../events=../prior=../odd_cn=../odd_allele=..,
// separated by ';', and the last five columns are the chosen solution's
// evidence (purity_fit.hpp: the prior and the odd fractions). Then the HRD
// measures (hrd_score.hpp): hrd_loh hrd_tai hrd_lst hrd_sum
// fraction_genome_altered, NA where not measured.
#pragma once

#include <string>

#include "libsomatic/cnv/calls.hpp"
#include "libsomatic/cnv/hrd_score.hpp"

namespace somatic::cnv {

struct Provenance {
    std::string tool_version;  // empty: no ##source line
    std::string command_line;  // empty: no ##commandline line
};

void format_calls_bed(const CnvCalls& calls, const Provenance& provenance, std::string& out);
void format_seg(const CnvCalls& calls, const std::string& sample, std::string& out);
void format_summary(const CnvCalls& calls, const HrdScore& hrd, std::string& out);
// A solution's evidence, "misfit=M<sep>events=E<sep>prior=P<sep>odd_cn=F<sep>odd_allele=A".
std::string solution_evidence(const Solution& solution, const std::string& sep);

}  // namespace somatic::cnv
