#include "libsomatic/cnv/outputs.hpp"

#include <memory>
#include <utility>
#include <vector>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/hrd_score.hpp"
#include "libsomatic/cnv/plot.hpp"
#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/core/atomic_output.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/io/table_writer.hpp"

namespace somatic::cnv {

void CallOutputs::validate() const {
    check_distinct_outputs(
        {{"bed_file", bed_file}, {"seg_file", seg_file}, {"summary_file", summary_file}, {"plot_file", plot_file}});
}

std::vector<Centromere> call_centromeres(const CnvCalls& calls, const CallOutputs& o) {
    const std::vector<std::string>& contigs = calls.table.contigs;
    if (!o.centromeres.empty()) return read_centromeres(o.centromeres, contigs);
    std::vector<int64_t> lengths(contigs.size(), 0);
    if (!o.reference.empty()) {
        const Reference reference(o.reference);
        for (size_t i = 0; i < contigs.size(); ++i) {
            if (const Contig* c = reference.contigs().find(contigs[i])) lengths[i] = c->length;
        }
    }
    std::vector<std::string> builds;
    std::vector<Centromere> out = builtin_centromeres(contigs, lengths, builds);
    for (const std::string& b : builds) log::debug("HRD: centromeres of " + b);
    return out;
}

namespace {

// The HRD measures in the log; a warning when some chromosomes lack a
// centromere, so that TAI and LST are partial.
void log_hrd(const HrdScore& hrd) {
    if (!hrd.no_centromere.empty()) {
        std::string names;
        for (const std::string& n : hrd.no_centromere) names += (names.empty() ? "" : ", ") + n;
        const std::string what = "HRD: no centromere known for " + names + ": TAI and LST leave " +
                                 (hrd.no_centromere.size() == 1 ? "it" : "them") +
                                 " out (give --centromeres, or the reference of a GRCh37/GRCh38 genome)";
        if (hrd.tai >= 0) log::warning(what);
        else log::info(what);
    }
    log::info("HRD: " + describe_hrd(hrd));
}

}  // namespace

void write_call_outputs(const CnvCalls& calls, const SegmentInput* points, const CallOutputs& o) {
    // Every file under a temporary name until all are written (the calls
    // last): a failure anywhere leaves none of them looking complete.
    const HrdScore hrd = score_hrd(calls.table.contigs, hrd_segments(calls), call_centromeres(calls, o),
                                   calls.fit.solutions.front().genome_doubled);
    TableWriters outputs;
    auto write_file = [&](const std::string& path, const std::string& text) { outputs.add(path, text); };
    if (!o.seg_file.empty()) {
        std::string t;
        format_seg(calls, o.sample, t);
        write_file(o.seg_file, t);
    }
    if (!o.summary_file.empty()) {
        std::string t;
        format_summary(calls, hrd, t);
        write_file(o.summary_file, t);
    }
    if (!o.plot_file.empty()) {
        std::string t;
        format_svg(calls, points, t);
        write_file(o.plot_file, t);
    }
    std::string t;
    format_calls_bed(calls, o.provenance, t);
    write_file(o.bed_file, t);
    outputs.close();
    const auto& best = calls.fit.solutions.front();
    // Why the chosen solution won: each solution's score split into misfit
    // and prior, with the states only a doubled genome explains.
    for (size_t i = 0; i < calls.fit.solutions.size(); ++i) {
        const Solution& s = calls.fit.solutions[i];
        log::debug("solution " + std::to_string(i + 1) + ": purity " + format_fixed(s.purity, 2) + ", ploidy " +
                   format_fixed(s.called_ploidy, 2) + (s.genome_doubled ? " doubled" : " undoubled") + ", score " +
                   format_fixed(s.score, 4) + " = " + solution_evidence(s, ", "));
    }
    log::info("purity " + format_fixed(best.purity, 2) + ", ploidy " + format_fixed(best.called_ploidy, 2) +
              (best.genome_doubled ? " (genome doubled)" : "") + ", " + std::to_string(calls.table.segments.size()) +
              " segments");
    log_hrd(hrd);
}

void write_stage_tables(const PipelineResult& r, const std::string& prefix) {
    write_bin_table(r.tumour_bins, prefix + ".tumour.bins.tsv");
    if (r.normal_bins.size() > 0) write_bin_table(r.normal_bins, prefix + ".normal.bins.tsv");  // none with a pooled reference alone
    write_ratio_table(r.ratios, prefix + ".ratios.tsv");
    write_het_table(r.hets, prefix + ".baf.tsv");
    write_segment_table(r.calls.table, prefix + ".segments.tsv");
}

}  // namespace somatic::cnv
