#include "libsomatic/msi/call.hpp"

#include <htslib/sam.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <unordered_set>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/alignment_file.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "libsomatic/msi/call_output.hpp"
#include "libsomatic/msi/repeat_length.hpp"
#include "libsomatic/parallel/region_engine.hpp"

namespace somatic::msi {

void CallOptions::validate() const {
    if (tumour.empty()) throw usage_error("tumour is required");
    if (normal.empty()) throw usage_error("normal is required");
    if (reference.empty()) throw usage_error("reference is required");
    if (sites.empty()) throw usage_error("sites is required", "make them with somatic-msi scan");
    if (threads < 1) throw usage_error("threads must be at least 1");
    if (chunk_size < 10'000) throw usage_error("chunk_size must be at least 10000");
    if (flank < 2 || flank > 30) throw usage_error("flank must be from 2 to 30");
    if (min_mapq < 0) throw usage_error("min_mapq must be at least 0");
    if (min_base_quality < 0) throw usage_error("min_base_quality must be at least 0");
    if (min_depth < 1) throw usage_error("min_depth must be at least 1");
    if (min_column < 1) throw usage_error("min_column must be at least 1");
    if (!(fdr > 0.0 && fdr < 1.0)) throw usage_error("fdr must be between 0 and 1");
    if (!(threshold >= 0.0 && threshold <= 100.0)) throw usage_error("threshold must be a percent from 0 to 100");
}

namespace {

struct Worker {
    Worker(const CallOptions& o) : reference(o.reference), tumour(o.tumour, o.reference), normal(o.normal, o.reference) {}
    Reference reference;
    AlignmentFile tumour, normal;
};

struct ChunkResult {
    std::vector<SiteResult> sites;
    uint64_t unlike_reference = 0;  // sites whose reference bases are not the repeat
    std::string first_unlike;
};

// Streams one sample's reads over `span` and adds each read's length at
// every site whose left flank starts within the read's alignment (`anchors`
// sorted by position, as the sites are). Nothing is kept but the counts and,
// per site, the names counted: a fragment counts once (overlapping mates
// would count its molecule twice), kept only while reads may still reach
// the site. A read is decoded once, at its first site, however many sites
// it covers.
void measure(AlignmentFile& file, const Interval& span, const ReadFilter& filter,
             const std::vector<SiteAnchors>& anchors, int min_base_quality, std::vector<LengthCounts>& counts) {
    std::vector<std::unordered_set<std::string>> names(anchors.size());
    auto left_of = [](const SiteAnchors& a) { return a.beg - static_cast<int64_t>(a.left.size()); };
    size_t released = 0;  // sites before it have their names freed
    ReadBases bases;
    file.for_each(span, [&](const bam1_t* read) {
        if (!filter.passes(read)) return;
        const int64_t pos = read->core.pos, end = bam_endpos(read);
        auto it = std::lower_bound(anchors.begin(), anchors.end(), pos,
                                   [&](const SiteAnchors& a, int64_t p) { return left_of(a) < p; });
        // Reads come by position: no later read reaches the sites before `it`.
        for (const auto first = static_cast<size_t>(it - anchors.begin()); released < first; ++released) {
            std::unordered_set<std::string>().swap(names[released]);
        }
        bool decoded = false;
        for (; it != anchors.end() && left_of(*it) < end; ++it) {
            if (it->left.empty()) continue;
            if (!decoded) {
                decode(read, bases);
                decoded = true;
            }
            const auto len = repeat_length(read, bases, *it, min_base_quality);
            if (!len) continue;
            const size_t i = static_cast<size_t>(it - anchors.begin());
            if (!names[i].insert(bam_get_qname(read)).second) continue;
            ++counts[i][*len];
        }
    });
}

}  // namespace

CallSummary call_sites(std::vector<SiteResult>& results, const CallOptions& o) {
    std::vector<double> p;
    std::vector<size_t> tested;
    for (size_t i = 0; i < results.size(); ++i) {
        auto& r = results[i];
        int t = 0, n = 0;
        for (const auto& [len, c] : r.tumour) t += c;
        for (const auto& [len, c] : r.normal) n += c;
        r.tested = t >= o.min_depth && n >= o.min_depth;
        if (!r.tested) continue;
        r.test = compare_lengths(r.tumour, r.normal, o.min_column);
        p.push_back(r.test.p_value);
        tested.push_back(i);
    }
    const std::vector<double> q = benjamini_hochberg(p);
    CallSummary s;
    s.sites = results.size();
    s.tested = tested.size();
    s.threshold = o.threshold;
    for (size_t k = 0; k < tested.size(); ++k) {
        auto& r = results[tested[k]];
        r.q_value = q[k];
        r.unstable = q[k] <= o.fdr;
        if (r.unstable) ++s.unstable;
    }
    s.percent_unstable = s.tested ? 100.0 * static_cast<double>(s.unstable) / static_cast<double>(s.tested) : 0.0;
    s.msi_high = s.tested > 0 && s.percent_unstable >= o.threshold;
    return s;
}

CallSummary run_call(const CallOptions& o) {
    o.validate();
    const Reference reference(o.reference);
    const ContigDict& dict = reference.contigs();
    std::vector<Microsatellite> sites = read_sites(o.sites, dict);
    if (!o.regions.empty()) {
        sites = sites_in(sites, o.regions);
        if (sites.empty()) {
            throw input_error(display_name(o.sites), "holds no microsatellite inside the regions", {},
                              "check -r/-R against the sites file");
        }
    }
    std::vector<std::string> used;
    for (const auto& s : sites) {
        if (used.empty() || used.back() != s.contig) used.push_back(s.contig);
    }
    {
        AlignmentFile t(o.tumour, o.reference), n(o.normal, o.reference);
        check_same_assembly(t.contigs(), o.tumour, dict, o.reference, used);
        check_same_assembly(n.contigs(), o.normal, dict, o.reference, used);
    }

    // Chunks of the contigs that hold sites; each owns the sites starting in it.
    std::vector<Interval> contigs;
    for (const auto& name : used) contigs.push_back({name, 0, dict.find(name)->length});
    std::vector<Interval> chunks;
    std::vector<std::pair<size_t, size_t>> owned;  // [first, last) site of each chunk
    std::map<std::pair<std::string, int64_t>, size_t> chunk_index;
    {
        size_t next = 0;
        for (const auto& c : make_chunks(contigs, o.chunk_size)) {
            const size_t first = next;
            while (next < sites.size() && sites[next].contig == c.contig && sites[next].beg < c.end) ++next;
            if (next > first) {
                chunk_index[{c.contig, c.beg}] = chunks.size();
                chunks.push_back(c);
                owned.emplace_back(first, next);
            }
        }
    }

    ReadFilter filter;
    filter.min_mapq = o.min_mapq;
    std::vector<SiteResult> results;
    results.reserve(sites.size());
    uint64_t unlike = 0;
    std::string first_unlike;
    PerThread<std::unique_ptr<Worker>> workers;
    run_in_order<ChunkResult>(
        chunks, EngineOptions{o.threads, 0},
        [&](const Interval& chunk) {
            auto& w = workers.local();
            if (!w) w = std::make_unique<Worker>(o);
            const auto [first, last] = owned[chunk_index.at({chunk.contig, chunk.beg})];
            // Reads over the sites with their flanks, and the reference there.
            int64_t beg = sites[first].beg - o.flank, end = sites[first].end + o.flank;
            for (size_t i = first; i < last; ++i) end = std::max(end, sites[i].end + o.flank);
            beg = std::max<int64_t>(0, beg);
            const Interval span{chunk.contig, beg, end};
            const std::string seq = w->reference.fetch(span);
            ChunkResult out;
            std::vector<SiteAnchors> anchors;
            for (size_t i = first; i < last; ++i) {
                const Microsatellite& s = sites[i];
                std::string expected;
                for (int k = 0; k < s.count; ++k) expected += s.unit;
                if (seq.compare(static_cast<size_t>(s.beg - beg), expected.size(), expected) != 0) {
                    if (out.unlike_reference++ == 0) out.first_unlike = s.contig + ":" + std::to_string(s.beg + 1);
                }
                anchors.push_back(anchors_of(s, seq, beg, o.flank));
            }
            std::vector<LengthCounts> tumour(anchors.size()), normal(anchors.size());
            measure(w->tumour, span, filter, anchors, o.min_base_quality, tumour);
            measure(w->normal, span, filter, anchors, o.min_base_quality, normal);
            for (size_t i = first; i < last; ++i) {
                out.sites.push_back({sites[i], std::move(tumour[i - first]), std::move(normal[i - first]), false, {}, 1.0,
                                     false});
            }
            return out;
        },
        [&](ChunkResult&& r, const Interval&) {
            for (auto& s : r.sites) results.push_back(std::move(s));
            unlike += r.unlike_reference;
            if (first_unlike.empty()) first_unlike = r.first_unlike;
        });
    if (unlike > 0 && static_cast<double>(unlike) > 0.1 * static_cast<double>(results.size())) {
        throw input_error(display_name(o.sites),
                          std::to_string(unlike) + " of " + std::to_string(results.size()) +
                              " sites are not their repeat on the reference " + o.reference + " (first at " +
                              first_unlike + ")",
                          {}, "the sites were made on another assembly; run somatic-msi scan on this reference");
    }

    const CallSummary summary = call_sites(results, o);
    if (summary.tested == 0) {
        // Shallow or off-target data: no verdict, but not a bad input either.
        // A sample without a single measured read is named: more likely a
        // failed step before this one than shallow data.
        std::string empty;
        for (const auto& sample : {std::pair{&SiteResult::tumour, &o.tumour}, {&SiteResult::normal, &o.normal}}) {
            const auto counts = sample.first;  // clang 14 cannot capture a structured binding
            if (std::all_of(results.begin(), results.end(), [&](const SiteResult& r) { return (r.*counts).empty(); })) {
                empty += "; " + display_name(*sample.second) + " has no read spanning any site";
            }
        }
        log::warning("msi: no microsatellite has " + std::to_string(o.min_depth) +
                     " spanning reads in both samples (of " + std::to_string(summary.sites) +
                     " sites): MSI status not determined (NA)" + empty +
                     "; lower --min-depth for shallow data, or check that the sites lie in the sequenced territory");
    }
    TableWriters writers;
    writers.add(o.output, site_table(results));
    if (!o.summary.empty()) writers.add(o.summary, summary_table(summary));
    writers.close();
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.2f", summary.percent_unstable);
    if (summary.tested > 0) log::info("msi: " + std::to_string(summary.unstable) + " of " + std::to_string(summary.tested) +
              " sites tested are unstable (" + pct + "%): " + (summary.msi_high ? "MSI-H" : "MSS"));
    return summary;
}

}  // namespace somatic::msi
