// ChunkCaller's indel half: reading the chunk's indel candidates and the
// error model's counts, the forced indels, and the resources' facts about
// indel calls (matched allele by allele after normalising both sides).
#include <htslib/vcf.h>

#include <cstring>
#include <map>
#include <set>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/hts_memory.hpp"
#include "libsomatic/snv/caller.hpp"

namespace somatic::snv {

namespace {

// Flank fetched around the padded chunk, so that a read's haplotypes and
// the left alignment reach past the chunk's edges.
constexpr int64_t kIndelFlank = 1000;

// A record's plain indel alleles (normalised) with their index; symbolic
// (<DEL>, breakends), missing and complex alleles are skipped.
template <class F>
void for_each_indel_allele(const bcf1_t* rec, const RefWindow& ref, F&& f) {
    if (rec->n_allele < 2) return;
    const char* r = rec->d.allele[0];
    for (int i = 1; i < rec->n_allele; ++i) {
        IndelAllele a;
        if (normalise_indel(ref, rec->pos, r, rec->d.allele[i], a)) f(i, a);
    }
}

}  // namespace

void ChunkCaller::collect_indels_of(const Interval& chunk, const Interval& padded, ChunkEvidence& out) {
    const Interval wide = padded_interval(padded, kIndelFlank);
    const std::string bases = reference_.fetch(wide);
    const RefWindow ref{wide.beg, bases};
    const auto forced = forced_indels(chunk, ref);
    out.indels = collect_indels(tumour_reads_, normal_reads_, ref, padded, options_.min_alt_reads, forced);
    mark_substitutions_near_indels(ref, out);
    if (!options_.count_callable) return;
    // The error model's sample: the normal, or the tumour without one.
    const ReadBatch& reads = normal_ ? normal_reads_ : tumour_reads_;
    const size_t sample = normal_ ? 1 : 0;
    std::map<IndelAllele, uint32_t> events;
    std::vector<IndelAllele> found;
    for (size_t r = 0; r < reads.size(); ++r) {
        found.clear();
        read_indels(reads[r], ref, found);
        for (auto& a : found) ++events[a];
    }
    count_repeat_errors(
        ref, chunk, events,
        [&](int64_t pos) -> double { return padded.contains(pos) ? pileup_.counts(sample, pos).total() : 0.0; },
        out.indel_errors);
}

void ChunkCaller::mark_substitutions_near_indels(const RefWindow& ref, ChunkEvidence& out) {
    if (out.indels.empty()) return;
    const int64_t window = options_.filters.near_indel_window;
    std::vector<const IndelAllele*> near;
    auto& cands = out.candidates;  // in position order
    for (size_t k = 0; k < cands.size(); ++k) {
        auto& c = cands[k];
        near.clear();
        for (const auto& e : out.indels) {
            const int64_t end = e.allele.pos + static_cast<int64_t>(e.allele.ref.size());
            if (e.allele.pos - window <= c.pos && c.pos < end + window) near.push_back(&e.allele);
        }
        if (near.empty()) continue;
        // The run of adjacent candidates holding this one (an MNV's bases).
        size_t first = k, last = k;
        while (first > 0 && cands[first - 1].pos == cands[first].pos - 1) --first;
        while (last + 1 < cands.size() && cands[last + 1].pos == cands[last].pos + 1) ++last;
        c.context.indel_explained_fraction =
            alt_reads_explained_by_indels(tumour_reads_, c.pos, "ACGT"[c.alt & 3], near, ref, cands[first].pos,
                                          cands[last].pos + 1)
                .fraction();
    }
}

std::vector<IndelAllele> ChunkCaller::forced_indels(const Interval& region, const RefWindow& ref) {
    std::vector<IndelAllele> out;
    if (!force_) return out;
    force_->fetch(region);
    const auto record = make_bcf_record();
    bcf1_t* rec = record.get();
    while (force_->next(rec)) {
        if (!region.contains(rec->pos)) continue;
        const char* r = rec->d.allele[0];
        const size_t n = std::strlen(r);
        if (n < 2 && rec->n_allele >= 2 && std::strlen(rec->d.allele[1]) < 2) continue;  // an SNV
        const std::string here = reference_.fetch(region.contig, rec->pos, rec->pos + static_cast<int64_t>(n));
        bool matches = here.size() == n;
        for (size_t i = 0; i < n && matches; ++i) matches = here[i] == (r[i] & ~0x20);
        if (!matches) {
            throw input_error(force_->name(), "REF does not match the reference", force_->locus(rec),
                              "the sites were made for another assembly");
        }
        for_each_indel_allele(rec, ref, [&](int, const IndelAllele& a) {
            if (region.contains(a.pos)) out.push_back(a);
        });
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void ChunkCaller::annotate_indel_resources(const Interval& region, std::vector<IndelCall>& calls) {
    if (calls.empty() || (!resource_ && !panel_)) return;
    const Interval wide = padded_interval(region, kIndelFlank);
    const std::string bases = reference_.fetch(wide);
    const RefWindow ref{wide.beg, bases};
    const auto record = make_bcf_record();
    bcf1_t* rec = record.get();
    if (resource_) {
        resource_->fetch(region);
        std::map<IndelAllele, double> af;
        HtsArray<float> values;
        while (resource_->next(rec)) {
            const int n = bcf_get_info_float(resource_->header(), rec, "AF", &values.data, &values.capacity);
            if (n <= 0) continue;
            for_each_indel_allele(rec, ref, [&](int i, const IndelAllele& a) {
                if (i - 1 < n && !bcf_float_is_missing(values.data[i - 1])) af[a] = values.data[i - 1];
            });
        }
        for (auto& c : calls) {
            auto it = af.find(c.allele);
            if (it != af.end()) c.context.population_af = it->second;
        }
    }
    if (panel_) {
        panel_->fetch(region);
        std::set<IndelAllele> seen;
        while (panel_->next(rec)) for_each_indel_allele(rec, ref, [&](int, const IndelAllele& a) { seen.insert(a); });
        for (auto& c : calls) c.context.in_panel_of_normals = seen.count(c.allele) > 0;
    }
}

}  // namespace somatic::snv
