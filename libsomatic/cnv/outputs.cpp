#include "libsomatic/cnv/outputs.hpp"

#include <memory>
#include <utility>
#include <vector>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/plot.hpp"
#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/core/atomic_output.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/table_writer.hpp"

namespace somatic::cnv {

void CallOutputs::validate() const {
    check_distinct_outputs(
        {{"bed_file", bed_file}, {"seg_file", seg_file}, {"summary_file", summary_file}, {"plot_file", plot_file}});
}

void write_call_outputs(const CnvCalls& calls, const SegmentInput* points, const CallOutputs& o) {
    // Every file under a temporary name until all are written (the calls
    // last): a failure anywhere leaves none of them looking complete.
    TableWriters outputs;
    auto write_file = [&](const std::string& path, const std::string& text) { outputs.add(path, text); };
    if (!o.seg_file.empty()) {
        std::string t;
        format_seg(calls, o.sample, t);
        write_file(o.seg_file, t);
    }
    if (!o.summary_file.empty()) {
        std::string t;
        format_summary(calls, t);
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
}

void write_stage_tables(const PipelineResult& r, const std::string& prefix) {
    write_bin_table(r.tumour_bins, prefix + ".tumour.bins.tsv");
    if (r.normal_bins.size() > 0) write_bin_table(r.normal_bins, prefix + ".normal.bins.tsv");  // none with a pooled reference alone
    write_ratio_table(r.ratios, prefix + ".ratios.tsv");
    write_het_table(r.hets, prefix + ".baf.tsv");
    write_segment_table(r.calls.table, prefix + ".segments.tsv");
}

}  // namespace somatic::cnv
