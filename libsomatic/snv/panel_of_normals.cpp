#include "libsomatic/snv/panel_of_normals.hpp"

#include <htslib/vcf.h>

#include <algorithm>
#include <map>
#include <memory>

#include "libsomatic/core/bases.hpp"
#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/hts_memory.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/parallel/region_engine.hpp"

namespace somatic::snv {

void PanelOptions::validate() const {
    if (normals.empty()) throw usage_error("normals is empty: a panel needs at least one normal");
    if (reference.empty()) throw usage_error("reference is required");
    if (min_normals < 1) throw usage_error("min_normals must be at least 1");
    if (min_normals > normals.size()) {
        throw usage_error("min_normals (" + std::to_string(min_normals) + ") is more than the " +
                          std::to_string(normals.size()) + " normals given: the panel would be empty");
    }
    if (min_alt_reads < 1) throw usage_error("min_alt_reads must be at least 1");
    // The same file twice would count one normal's artefacts and germline
    // variants twice, as if two normals shared them.
    std::vector<std::string> sorted = normals;
    std::sort(sorted.begin(), sorted.end());
    const auto twice = std::adjacent_find(sorted.begin(), sorted.end());
    if (twice != sorted.end()) throw usage_error("normals: " + *twice + " is given twice");
    if (chunk_size < 1000) throw usage_error("chunk_size must be at least 1000");
}

namespace {

// One allele of one site, as the normals that show it saw it.
struct PanelSite {
    int64_t pos = 0;
    uint8_t ref = 0, alt = 0;
    uint32_t normals = 0;      // normals with at least min_alt_reads of the allele
    uint32_t alt_reads = 0;    // their alt reads, summed
    std::vector<float> fractions;  // their allele fractions, in the order of the normals
};

// Every worker's open files: each normal, and the reference.
class ChunkPanel {
public:
    explicit ChunkPanel(const PanelOptions& o) : options_(o), reference_(o.reference) {
        for (const auto& path : o.normals) normals_.push_back(std::make_unique<AlignmentFile>(path, o.reference));
    }

    std::vector<PanelSite> sites(const Interval& chunk) {
        const std::string ref = reference_.fetch(chunk);
        // (position, alt) -> the site, filled one normal at a time.
        std::map<std::pair<int64_t, uint8_t>, PanelSite> found;
        for (auto& normal : normals_) {
            reads_.clear();
            normal->fetch(chunk, options_.read_filter, reads_);
            const ReadBatch* samples[] = {&reads_};
            pileup_.count(chunk, samples, options_.pileup);
            for (int64_t pos = chunk.beg; pos < chunk.end; ++pos) {
                const uint8_t rb = base_code(ref[static_cast<size_t>(pos - chunk.beg)]);
                if (rb == kBaseN) continue;
                const BaseCounts& counts = pileup_.counts(0, pos);
                for (uint8_t b = 0; b < 4; ++b) {
                    if (b == rb || counts.of(b) < options_.min_alt_reads) continue;
                    PanelSite& s = found[{pos, b}];
                    s.pos = pos, s.ref = rb, s.alt = b;
                    ++s.normals;
                    s.alt_reads += counts.of(b);
                    s.fractions.push_back(static_cast<float>(counts.of(b)) / static_cast<float>(counts.total()));
                }
            }
        }
        std::vector<PanelSite> out;
        for (auto& [key, site] : found) {
            if (site.normals >= options_.min_normals) out.push_back(std::move(site));
        }
        return out;
    }

private:
    const PanelOptions& options_;
    Reference reference_;
    std::vector<std::unique_ptr<AlignmentFile>> normals_;
    ReadBatch reads_;
    ChunkPileup pileup_;
};

// The contigs a panel covers by default: the reference's primary contigs
// that every normal holds (as somatic-snv calls by default).
std::vector<Interval> default_regions(const Reference& reference, const std::vector<AlignmentFile*>& normals) {
    std::vector<Interval> regions;
    for (const Contig& c : reference.contigs().contigs()) {
        if (is_secondary_contig(c.name)) continue;
        const bool everywhere = std::all_of(normals.begin(), normals.end(),
                                            [&](AlignmentFile* n) { return n->contigs().find(c.name) != nullptr; });
        if (everywhere) regions.push_back({c.name, 0, c.length});
    }
    return regions;
}

void define_header(VcfWriter& out, const ContigDict& contigs, const PanelOptions& o,
                   const std::vector<std::string>& names) {
    out.add_contigs(contigs);
    out.add_provenance(o.provenance);
    std::string samples;
    for (const auto& n : names) samples += (samples.empty() ? "" : ",") + n;
    out.add_line("##panel_of_normals_samples=" + samples);
    out.add_line("##panel_of_normals_criteria=min_normals:" + std::to_string(o.min_normals) +
                 ",min_alt_reads:" + std::to_string(o.min_alt_reads));
    out.add_line("##INFO=<ID=NNORMALS,Number=1,Type=Integer,Description=\"Normals with at least min_alt_reads "
                 "reads of this allele (##panel_of_normals_criteria)\">");
    out.add_line("##INFO=<ID=NALT,Number=1,Type=Integer,Description=\"Reads of this allele in those normals, "
                 "summed\">");
    out.add_line("##INFO=<ID=FRACTIONS,Number=.,Type=Float,Description=\"The allele's fraction of the reads in "
                 "each of those normals, in the order of ##panel_of_normals_samples\">");
    out.write_header();
}

}  // namespace

PanelSummary build_panel_of_normals(const PanelOptions& o) {
    Reference reference(o.reference);
    std::vector<std::unique_ptr<AlignmentFile>> opened;
    std::vector<AlignmentFile*> normals;
    std::vector<std::string> names;
    for (const auto& path : o.normals) {
        opened.push_back(std::make_unique<AlignmentFile>(path, o.reference));
        normals.push_back(opened.back().get());
        names.push_back(opened.back()->sample_name());
    }
    const auto regions = o.regions.empty() ? default_regions(reference, normals) : o.regions;
    std::vector<std::string> used;
    for (const auto& r : regions) {
        if (used.empty() || used.back() != r.contig) used.push_back(r.contig);
    }
    for (AlignmentFile* n : normals) {
        check_same_assembly(n->contigs(), n->path(), reference.contigs(), reference.path(), used);
    }
    opened.clear();  // each worker opens its own

    VcfWriter out(o.output, o.output_format);
    define_header(out, reference.contigs(), o, names);
    BcfRecord record = make_bcf_record();
    PanelSummary summary;
    PerThread<std::unique_ptr<ChunkPanel>> workers;
    run_in_order<std::vector<PanelSite>>(
        make_chunks(regions, o.chunk_size), {o.threads, 0},
        [&](const Interval& chunk) {
            auto& worker = workers.local();
            if (!worker) worker = std::make_unique<ChunkPanel>(o);
            return worker->sites(chunk);
        },
        [&](std::vector<PanelSite>&& sites, const Interval& chunk) {
            bcf_hdr_t* h = out.header();
            for (const auto& s : sites) {
                bcf_clear(record.get());
                record->rid = bcf_hdr_name2id(h, chunk.contig.c_str());
                record->pos = s.pos;
                const char alleles[4] = {base_char(s.ref), ',', base_char(s.alt), '\0'};
                bcf_update_alleles_str(h, record.get(), alleles);
                const int32_t count = static_cast<int32_t>(s.normals), alt = static_cast<int32_t>(s.alt_reads);
                bcf_update_info_int32(h, record.get(), "NNORMALS", &count, 1);
                bcf_update_info_int32(h, record.get(), "NALT", &alt, 1);
                bcf_update_info_float(h, record.get(), "FRACTIONS", s.fractions.data(),
                                      static_cast<int>(s.fractions.size()));
                out.write(record.get());
                ++summary.sites;
            }
        });
    out.close();
    log::debug("wrote " + std::to_string(summary.sites) + " panel sites from " + std::to_string(o.normals.size()) +
               " normals");
    return summary;
}

}  // namespace somatic::snv
