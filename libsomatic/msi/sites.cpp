#include "libsomatic/msi/sites.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/bed_reader.hpp"

namespace somatic::msi {

std::string bed_line(const Microsatellite& s) {
    return s.contig + '\t' + std::to_string(s.beg) + '\t' + std::to_string(s.end) + '\t' + s.unit + '\t' +
           std::to_string(s.count) + '\n';
}

namespace {

bool is_motif(const std::string& unit) {
    if (unit.empty() || unit.size() > 6) return false;
    return std::all_of(unit.begin(), unit.end(), [](char c) { return c == 'A' || c == 'C' || c == 'G' || c == 'T'; });
}

}  // namespace

std::vector<Microsatellite> read_sites(const std::string& path, const ContigDict& contigs) {
    const std::vector<BedRecord> records = read_bed(path, &contigs);
    std::vector<Microsatellite> sites;
    sites.reserve(records.size());
    for (const auto& r : records) {
        const std::string where = r.interval.contig + ":" + std::to_string(r.interval.beg + 1);
        if (r.extra.size() < 2) {
            throw input_error(display_name(path), "a site has no unit and count columns", where,
                              "a sites BED has five columns: chrom, start, end, unit, count, as somatic-msi scan writes it");
        }
        Microsatellite s{r.interval.contig, r.interval.beg, r.interval.end, r.extra[0], 0};
        std::transform(s.unit.begin(), s.unit.end(), s.unit.begin(), [](unsigned char c) { return std::toupper(c); });
        try {
            size_t used = 0;
            s.count = std::stoi(r.extra[1], &used);
            if (used != r.extra[1].size()) s.count = 0;
        } catch (const std::exception&) {
            s.count = 0;
        }
        if (!is_motif(s.unit) || s.count < 1 ||
            s.end - s.beg != static_cast<int64_t>(s.unit.size()) * s.count) {
            throw input_error(display_name(path),
                              "unit '" + r.extra[0] + "' and count '" + r.extra[1] + "' do not describe the interval",
                              where, "end - start must be the unit's length times the count");
        }
        sites.push_back(std::move(s));
    }
    if (sites.empty()) {
        throw input_error(display_name(path), "holds no microsatellite", {},
                          "make one with somatic-msi scan --reference ref.fa");
    }
    std::stable_sort(sites.begin(), sites.end(), [&](const Microsatellite& a, const Microsatellite& b) {
        const int ca = contigs.index_of(a.contig), cb = contigs.index_of(b.contig);
        if (ca != cb) return ca < cb;
        return a.beg != b.beg ? a.beg < b.beg : a.end < b.end;
    });
    // A site listed twice (site lists of two panels concatenated) would be
    // tested and counted twice in the share of unstable sites.
    sites.erase(std::unique(sites.begin(), sites.end(),
                            [](const Microsatellite& a, const Microsatellite& b) {
                                return a.contig == b.contig && a.beg == b.beg && a.end == b.end && a.unit == b.unit;
                            }),
                sites.end());
    return sites;
}

std::vector<Microsatellite> sites_in(const std::vector<Microsatellite>& sites, const std::vector<Interval>& regions) {
    std::map<std::string, std::vector<Interval>> by_contig;
    for (const auto& r : regions) by_contig[r.contig].push_back(r);
    std::vector<Microsatellite> out;
    for (const auto& s : sites) {
        const auto it = by_contig.find(s.contig);
        if (it == by_contig.end()) continue;
        // The last region starting at or before the site (merged regions do not overlap).
        const auto& rs = it->second;
        auto r = std::upper_bound(rs.begin(), rs.end(), s.beg, [](int64_t pos, const Interval& iv) { return pos < iv.beg; });
        if (r != rs.begin() && std::prev(r)->end >= s.end) out.push_back(s);
    }
    return out;
}

}  // namespace somatic::msi
