#include "libsomatic/cnv/outputs.hpp"

#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/plot.hpp"
#include "libsomatic/cnv/segment_io.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic::cnv {

namespace {

// What identifies an output: "-", or its absolute path with links resolved;
// empty for a device (which several outputs may share).
std::string output_key(const std::string& path) {
    namespace fs = std::filesystem;
    if (path == "-") return path;
    std::error_code error;
    if (fs::exists(path, error) && !fs::is_regular_file(path, error)) return {};
    const fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
    return error ? path : canonical.string();
}

}  // namespace

void CallOutputs::validate() const {
    const std::pair<const char*, const std::string*> files[] = {
        {"bed_file", &bed_file}, {"seg_file", &seg_file}, {"summary_file", &summary_file}, {"plot_file", &plot_file}};
    std::vector<std::pair<const char*, std::string>> seen;  // field, key
    for (const auto& [field, path] : files) {
        if (path->empty()) continue;
        const std::string key = output_key(*path);
        if (key.empty()) continue;
        for (const auto& [other, other_key] : seen) {
            if (other_key != key) continue;
            throw usage_error(std::string(other) + " and " + field + " name the same output (" +
                                  (*path == "-" ? std::string("standard output") : *path) + ")",
                              "give each output its own file");
        }
        seen.emplace_back(field, key);
    }
}

void write_call_outputs(const CnvCalls& calls, const SegmentInput* points, const CallOutputs& o) {
    std::vector<std::unique_ptr<TextOutput>> outputs;
    auto write_file = [&](const std::string& path, const std::string& text) {
        outputs.push_back(std::make_unique<TextOutput>(path));
        outputs.back()->write(text);
    };
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
    for (auto& out : outputs) out->finish();
    for (auto& out : outputs) out->close();
    const auto& best = calls.fit.solutions.front();
    log::info("purity " + format_fixed(best.purity, 2) + ", ploidy " + format_fixed(best.called_ploidy, 2) +
              (best.genome_doubled ? " (genome doubled)" : "") + ", " + std::to_string(calls.table.segments.size()) +
              " segments");
}

void write_stage_tables(const PipelineResult& r, const std::string& prefix) {
    write_bin_table(r.tumour_bins, prefix + ".tumour.bins.tsv");
    write_bin_table(r.normal_bins, prefix + ".normal.bins.tsv");
    write_ratio_table(r.ratios, prefix + ".ratios.tsv");
    write_het_table(r.hets, prefix + ".baf.tsv");
    write_segment_table(r.calls.table, prefix + ".segments.tsv");
}

}  // namespace somatic::cnv
