// pileup_het_sites(): allele counts at known SNP sites from the tumour and
// normal alignments (declared in het_sites.hpp).
#include <htslib/vcf.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "libsomatic/cnv/het_sites.hpp"
#include "libsomatic/core/bases.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/io/vcf_reader.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/pileup/pileup.hpp"

namespace somatic::cnv {

namespace {

struct SnpSite {
    int32_t contig;  // reference index
    int64_t pos;
    uint8_t ref, alt;
    bool operator<(const SnpSite& o) const { return contig < o.contig || (contig == o.contig && pos < o.pos); }
};

struct Worker {
    Reference reference;
    AlignmentFile tumour, normal;
    ReadBatch tumour_reads, normal_reads;
    ChunkPileup pileup;
    Worker(const std::string& ref, const std::string& t, const std::string& n) : reference(ref), tumour(t, ref), normal(n, ref) {}
};

struct ChunkSites {
    std::vector<HetSite> hets;
    size_t checked = 0;
    size_t mismatched = 0;
    std::string first_mismatch;
};

std::vector<SnpSite> load_sites(const std::string& path, const ContigDict& reference, const std::string& reference_file,
                                const std::vector<Interval>& regions) {
    VcfReader vcf(path);
    const std::string name = vcf.name();
    const ContigDict header = vcf.contigs();
    std::unique_ptr<bcf1_t, void (*)(bcf1_t*)> rec(bcf_init(), bcf_destroy);
    std::vector<SnpSite> sites;
    std::vector<std::string> used;
    int last_rid = -1;
    int32_t ref_index = -1;
    while (vcf.next(rec.get())) {
        if (rec->rid != last_rid) {
            last_rid = rec->rid;
            const std::string contig = bcf_hdr_id2name(vcf.header(), rec->rid);
            if (std::find(used.begin(), used.end(), contig) == used.end()) used.push_back(contig);
            ref_index = reference.index_of(contig);
        }
        if (ref_index < 0) continue;  // reported by the contig check below
        if (rec->n_allele != 2 || std::strlen(rec->d.allele[0]) != 1 || std::strlen(rec->d.allele[1]) != 1) continue;
        const uint8_t r = base_code(rec->d.allele[0][0]), a = base_code(rec->d.allele[1][0]);
        if (r == kBaseN || a == kBaseN || r == a) continue;
        sites.push_back(SnpSite{ref_index, rec->pos, r, a});
    }
    // The VCF's contigs that hold sites must be the reference's.
    std::vector<Contig> with_lengths;
    for (const auto& c : used) {
        const Contig* h = header.find(c);
        const Contig* rc = reference.find(c);
        with_lengths.push_back(Contig{c, h && h->length ? h->length : (rc ? rc->length : 0)});
    }
    if (!used.empty()) check_same_assembly(ContigDict(with_lengths), name, reference, reference_file);
    if (sites.empty()) {
        throw input_error(name, "holds no biallelic SNV sites", {}, "give a VCF of known SNPs (e.g. a population panel)");
    }
    std::sort(sites.begin(), sites.end());
    sites.erase(std::unique(sites.begin(), sites.end(),
                            [](const SnpSite& a, const SnpSite& b) { return a.contig == b.contig && a.pos == b.pos; }),
                sites.end());
    // Keep the sites inside the regions.
    std::vector<SnpSite> kept;
    for (const auto& s : sites) {
        const std::string& c = reference[static_cast<size_t>(s.contig)].name;
        for (const auto& r : regions) {
            if (r.contig == c && r.contains(s.pos)) {
                kept.push_back(s);
                break;
            }
        }
    }
    log::info("baf: " + std::to_string(kept.size()) + " SNV sites to genotype from " + name);
    return kept;
}

}  // namespace

HetTable pileup_het_sites(const std::string& sites_vcf, const std::string& tumour, const std::string& normal,
                          const std::string& reference_path, const std::vector<Interval>& regions,
                          const PileupHetOptions& o) {
    const Reference reference(reference_path);
    const ContigDict& dict = reference.contigs();
    {
        AlignmentFile t(tumour, reference_path), n(normal, reference_path);
        check_same_assembly(t.contigs(), tumour, dict, reference_path);
        check_same_assembly(n.contigs(), normal, dict, reference_path);
    }
    const std::vector<SnpSite> sites = load_sites(sites_vcf, dict, reference_path, regions);

    // Only the chunks that hold sites are read.
    std::vector<Interval> chunks;
    for (const auto& c : make_chunks(regions, o.chunk_size)) {
        const int32_t ci = dict.index_of(c.contig);
        auto it = std::lower_bound(sites.begin(), sites.end(), SnpSite{ci, c.beg, 0, 0});
        if (it != sites.end() && it->contig == ci && it->pos < c.end) chunks.push_back(c);
    }

    HetTable table;
    for (const auto& c : dict.contigs()) table.contigs.push_back(c.name);
    PerThread<std::unique_ptr<Worker>> workers;
    size_t checked = 0, mismatched = 0;
    std::string first_mismatch;
    PileupOptions popt;
    popt.min_base_quality = o.min_base_quality;
    auto compute = [&](const Interval& chunk) {
        auto& w = workers.local();
        if (!w) w = std::make_unique<Worker>(reference_path, tumour, normal);
        const int32_t ci = dict.index_of(chunk.contig);
        auto first = std::lower_bound(sites.begin(), sites.end(), SnpSite{ci, chunk.beg, 0, 0});
        auto last = std::lower_bound(sites.begin(), sites.end(), SnpSite{ci, chunk.end, 0, 0});
        ChunkSites out;
        const std::string seq = w->reference.fetch(chunk);
        w->tumour_reads.clear();
        w->normal_reads.clear();
        w->tumour.fetch(chunk, o.filter, w->tumour_reads);
        w->normal.fetch(chunk, o.filter, w->normal_reads);
        const ReadBatch* batches[2] = {&w->tumour_reads, &w->normal_reads};
        w->pileup.count(chunk, std::span<const ReadBatch* const>(batches, 2), popt);
        for (auto it = first; it != last; ++it) {
            const size_t off = static_cast<size_t>(it->pos - chunk.beg);
            if (off < seq.size() && base_code(seq[off]) != kBaseN) {
                ++out.checked;
                if (base_code(seq[off]) != it->ref) {
                    if (out.mismatched++ == 0) out.first_mismatch = chunk.contig + ":" + std::to_string(it->pos + 1);
                }
            }
            const BaseCounts& tc = w->pileup.counts(0, it->pos);
            const BaseCounts& nc = w->pileup.counts(1, it->pos);
            HetSite s;
            s.contig = ci;
            s.pos = it->pos;
            s.tumour_ref = tc.of(it->ref);
            s.tumour_alt = tc.of(it->alt);
            s.normal_ref = nc.of(it->ref);
            s.normal_alt = nc.of(it->alt);
            if (is_het(s.normal_ref, s.normal_alt, o.criteria)) out.hets.push_back(s);
        }
        return out;
    };
    auto write = [&](ChunkSites&& r, const Interval&) {
        table.sites.insert(table.sites.end(), r.hets.begin(), r.hets.end());
        checked += r.checked;
        mismatched += r.mismatched;
        if (first_mismatch.empty()) first_mismatch = r.first_mismatch;
    };
    run_in_order<ChunkSites>(chunks, EngineOptions{o.threads, 0}, compute, write);
    if (checked >= 20 && static_cast<double>(mismatched) > o.max_ref_mismatch * static_cast<double>(checked)) {
        throw input_error(sites_vcf,
                          "the REF allele of " + std::to_string(mismatched) + " of " + std::to_string(checked) +
                              " sites differs from the reference " + reference_path + " (first at " + first_mismatch + ")",
                          {}, "the sites VCF is for another assembly; use one made on the same reference");
    }
    log::info("baf: " + std::to_string(table.sites.size()) + " sites heterozygous in the normal");
    return table;
}

}  // namespace somatic::cnv
