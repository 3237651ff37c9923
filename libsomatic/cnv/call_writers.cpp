#include "libsomatic/cnv/call_writers.hpp"

#include <cmath>

#include "libsomatic/cnv/table_io.hpp"

namespace somatic::cnv {

std::string solution_evidence(const Solution& s, const std::string& sep) {
    return "misfit=" + format_fixed(s.misfit, 4) + sep + "events=" + format_fixed(s.events, 3) + sep +
           "prior=" + format_fixed(s.prior, 4) + sep + "odd_cn=" + format_fixed(s.odd_fraction, 3) + sep +
           "odd_allele=" + format_fixed(s.odd_allele_fraction, 3) +
           (std::isnan(s.snv_log_likelihood) ? std::string()
                                             : sep + "snvs=" + std::to_string(s.snv_count) + sep +
                                                   "snv_loglik=" + format_fixed(s.snv_log_likelihood, 2));
}

namespace {
std::string int_or_na(int v) { return v < 0 ? "NA" : std::to_string(v); }

std::string solution_text(const Solution& s) {
    return "purity=" + format_fixed(s.purity, 2) + ",ploidy=" + format_fixed(s.ploidy, 2) + ",called_ploidy=" +
           format_fixed(s.called_ploidy, 2) + ",score=" + format_fixed(s.score, 4) +
           ",genome_doubled=" + (s.genome_doubled ? "1" : "0") + "," + solution_evidence(s, ",");
}
}  // namespace

void format_calls_bed(const CnvCalls& c, const Provenance& p, std::string& out) {
    out += "##somatic-cnv calls\n";
    if (!p.tool_version.empty()) out += "##source=somatic-cnv " + p.tool_version + "\n";
    if (!p.command_line.empty()) out += "##commandline=" + p.command_line + "\n";
    out += "##purity=" + format_fixed(c.purity, 2) + "\n";
    out += "##ploidy=" + format_fixed(c.fit.solutions.front().called_ploidy, 2) + "\n";
    out += "##sex=" + std::string(sex_name(c.sex)) + "\n";
    if (c.depth_only) out += "##depth_only=1 (no het sites: no allele-specific calls)\n";
    for (size_t i = 0; i < c.fit.solutions.size(); ++i) {
        out += "##solution=rank=" + std::to_string(i + 1) + "," + solution_text(c.fit.solutions[i]) + "\n";
    }
    out += "#chrom\tstart\tend\tlog2\tbaf\ttotal_cn\tmajor_cn\tminor_cn\tcn_float\tloh\tsubclonal\tn_bins\tn_het\t"
           "subclonal_cn\tcell_fraction\n";
    for (size_t i = 0; i < c.table.segments.size(); ++i) {
        const Segment& s = c.table.segments[i];
        const SegmentCall& k = c.calls[i];
        const bool called = k.total >= 0;
        const bool allelic = called && k.major >= 0;
        out += c.table.contigs[static_cast<size_t>(s.contig)];
        out += '\t' + std::to_string(s.beg) + '\t' + std::to_string(s.end) + '\t';
        out += format_fixed(s.log2, 4) + '\t';
        out += format_fixed(k.baf, 3) + '\t';
        out += int_or_na(k.total) + '\t' + int_or_na(k.major) + '\t' + int_or_na(k.minor) + '\t';
        out += (called ? format_fixed(k.cn_float, 2) : std::string("NA")) + '\t';
        out += allelic ? (k.loh ? "1" : "0") : "NA";
        out += '\t';
        out += called ? (k.subclonal ? "1" : "0") : "NA";
        out += '\t' + std::to_string(s.n_bins) + '\t' + std::to_string(s.n_het) + '\t';
        // The mixture's subclonal state (major+minor) and its cell fraction.
        const bool mixed = called && !std::isnan(k.cell_fraction);
        out += mixed ? std::to_string(k.sub_major) + "+" + std::to_string(k.sub_minor) : std::string("NA");
        out += '\t';
        out += mixed ? format_fixed(k.cell_fraction, 2) : std::string("NA");
        out += '\n';
    }
}

void format_seg(const CnvCalls& c, const std::string& sample, std::string& out) {
    out += "ID\tchrom\tloc.start\tloc.end\tnum.mark\tseg.mean\n";
    for (const auto& s : c.table.segments) {
        out += sample + '\t' + c.table.contigs[static_cast<size_t>(s.contig)] + '\t' + std::to_string(s.beg + 1) + '\t' +
               std::to_string(s.end) + '\t' + std::to_string(s.n_bins) + '\t' + format_fixed(s.log2, 4) + '\n';
    }
}

void format_summary(const CnvCalls& c, const HrdScore& hrd, std::string& out) {
    const Solution& b = c.fit.solutions.front();
    out += "purity\tploidy\tcalled_ploidy\tsex\tgenome_doubled\tscore\tdepth_only\tn_segments\talternatives\t"
           "misfit\tevents\tprior\todd_cn_fraction\todd_allele_fraction\t"
           "hrd_loh\thrd_tai\thrd_lst\thrd_sum\tfraction_genome_altered\n";
    std::string alternatives;
    for (size_t i = 1; i < c.fit.solutions.size(); ++i) {
        const auto& s = c.fit.solutions[i];
        if (!alternatives.empty()) alternatives += ';';
        alternatives += format_fixed(s.purity, 2) + "/" + format_fixed(s.ploidy, 2) + "/" + format_fixed(s.score, 4) +
                        "/" + (s.genome_doubled ? "doubled" : "undoubled") + "/" + solution_evidence(s, "/");
    }
    if (alternatives.empty()) alternatives = ".";
    out += format_fixed(b.purity, 2) + '\t' + format_fixed(b.ploidy, 2) + '\t' + format_fixed(b.called_ploidy, 2) + '\t' +
           std::string(sex_name(c.sex)) + '\t' + (b.genome_doubled ? "1" : "0") + '\t' + format_fixed(b.score, 4) + '\t' +
           (c.depth_only ? "1" : "0") + '\t' + std::to_string(c.table.segments.size()) + '\t' + alternatives + '\t' +
           format_fixed(b.misfit, 4) + '\t' + format_fixed(b.events, 3) + '\t' + format_fixed(b.prior, 4) + '\t' +
           format_fixed(b.odd_fraction, 3) + '\t' + format_fixed(b.odd_allele_fraction, 3);
    auto count = [](int n) { return n < 0 ? std::string("NA") : std::to_string(n); };
    out += '\t' + count(hrd.loh) + '\t' + count(hrd.tai) + '\t' + count(hrd.lst) + '\t' + count(hrd.sum()) + '\t' +
           (std::isnan(hrd.fraction_genome_altered) ? std::string("NA") : format_fixed(hrd.fraction_genome_altered, 3)) +
           '\n';
}

}  // namespace somatic::cnv
