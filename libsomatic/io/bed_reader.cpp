#include "libsomatic/io/bed_reader.hpp"

#include <string_view>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/table_reader.hpp"

namespace somatic {

std::vector<BedRecord> read_bed(const std::string& path, const ContigDict* contigs) {
    std::vector<BedRecord> records;
    TableReader lines(path);
    std::string_view line;
    std::vector<std::string_view> fields;
    while (lines.next(line)) {
        if (line.empty() || line[0] == '#' || line.starts_with("track") || line.starts_with("browser")) continue;
        split_tabs(line, fields);
        const TableLocus at = lines.locus();
        const std::string where = at.where();
        if (fields.size() < 3) throw input_error(lines.name(), "a BED line needs at least three columns", where);
        BedRecord r;
        r.interval.contig = std::string(fields[0]);
        r.interval.beg = parse_integer(fields[1], at, "start");
        r.interval.end = parse_integer(fields[2], at, "end");
        if (r.interval.beg < 0 || r.interval.end < 0) {
            throw input_error(lines.name(), "start and end must not be negative", where);
        }
        if (r.interval.end < r.interval.beg) throw input_error(lines.name(), "end is before start", where);
        if (contigs) {
            const Contig* c = contigs->find(r.interval.contig);
            if (!c) {
                throw input_error(lines.name(), "contig '" + r.interval.contig + "' is not in the reference", where,
                                  contigs->suggest(r.interval.contig));
            }
            if (r.interval.end > c->length) {
                throw input_error(lines.name(), "interval ends past the end of " + c->name + " (" +
                                                    std::to_string(c->length) + " bp)", where);
            }
        }
        for (size_t i = 3; i < fields.size(); ++i) r.extra.emplace_back(fields[i]);
        records.push_back(std::move(r));
    }
    return records;
}

std::vector<Interval> read_bed_intervals(const std::string& path, const ContigDict* contigs) {
    std::vector<Interval> out;
    for (auto& r : read_bed(path, contigs)) out.push_back(std::move(r.interval));
    return out;
}

std::vector<Interval> read_work_intervals(const std::string& path, const ContigDict& contigs,
                                          const std::string& what) {
    auto out = read_bed_intervals(path, &contigs);
    for (const auto& iv : out) {
        if (iv.empty()) throw input_error(path, "zero-length interval " + iv.contig + ":" + std::to_string(iv.beg));
    }
    if (out.empty()) throw input_error(path, "the " + what + " file holds no intervals");
    return out;
}

}  // namespace somatic
