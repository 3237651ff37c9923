#include "libsomatic/core/interval.hpp"

#include <algorithm>
#include <charconv>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/error.hpp"

namespace somatic {

std::string Interval::to_region_string() const {
    return contig + ":" + std::to_string(beg + 1) + "-" + std::to_string(end);
}

namespace {

// Parses "1,001" style 1-based positions; thousands separators are allowed.
bool parse_position(std::string_view s, int64_t& out) {
    std::string digits;
    for (char c : s) {
        if (c == ',') continue;
        if (c < '0' || c > '9') return false;
        digits.push_back(c);
    }
    if (digits.empty()) return false;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return ec == std::errc() && ptr == digits.data() + digits.size();
}

Error bad_region(std::string_view text, const std::string& why, const std::string& hint = {}) {
    return usage_error("invalid region '" + std::string(text) + "': " + why, hint);
}

}  // namespace

namespace {

// The BEG[-END] part of a region on `contig`.
Interval range_of(std::string_view text, const Contig* contig, std::string_view span) {
    int64_t first = 1;
    int64_t last = contig->length;
    const auto dash = span.find('-');
    const std::string_view first_text = span.substr(0, dash);
    if (!parse_position(first_text, first)) throw bad_region(text, "start is not a number");
    if (dash == std::string_view::npos) {
        last = contig->length;
    } else if (dash + 1 < span.size()) {
        if (!parse_position(span.substr(dash + 1), last)) throw bad_region(text, "end is not a number");
    }
    if (first < 1) throw bad_region(text, "positions are 1-based; start must be at least 1");
    if (last < first) throw bad_region(text, "zero-length region: end is before start");
    if (first > contig->length) {
        throw bad_region(text, "start is past the end of " + contig->name + " (" +
                                   std::to_string(contig->length) + " bp)");
    }
    if (last > contig->length) {
        throw bad_region(text, "end is past the end of " + contig->name + " (" +
                                   std::to_string(contig->length) + " bp)");
    }
    return Interval{contig->name, first - 1, last};
}

}  // namespace

Interval parse_region(std::string_view text, const ContigDict& contigs) {
    if (text.empty()) throw bad_region(text, "empty region");
    // {NAME} and {NAME}:BEG-END quote a contig name that holds ':' (htslib's
    // syntax for names like HLA alleles).
    if (text.front() == '{') {
        const auto close = text.find('}');
        if (close == std::string_view::npos) throw bad_region(text, "'{' without '}'");
        const std::string_view name = text.substr(1, close - 1);
        const Contig* contig = contigs.find(name);
        if (!contig) throw bad_region(text, "no such contig '" + std::string(name) + "'", contigs.suggest(name));
        const std::string_view rest = text.substr(close + 1);
        if (rest.empty()) return Interval{contig->name, 0, contig->length};
        if (rest.front() != ':') throw bad_region(text, "expected ':' after '}'");
        return range_of(text, contig, rest.substr(1));
    }

    const Contig* whole = contigs.find(text);
    const auto colon = text.rfind(':');
    const std::string_view name = colon == std::string_view::npos ? text : text.substr(0, colon);
    const std::string_view span = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
    const Contig* contig = colon == std::string_view::npos ? nullptr : contigs.find(name);
    int64_t ignored = 0;
    if (whole && contig && parse_position(span.substr(0, span.find('-')), ignored)) {
        throw bad_region(text, "ambiguous: a contig of that name and a range of " + contig->name,
                         "write {" + std::string(text) + "} for the contig, {" + std::string(name) + "}:" +
                             std::string(span) + " for the range");
    }
    if (whole) return Interval{whole->name, 0, whole->length};
    if (colon == std::string_view::npos) throw bad_region(text, "no such contig", contigs.suggest(text));
    if (!contig) throw bad_region(text, "no such contig '" + std::string(name) + "'", contigs.suggest(name));
    return range_of(text, contig, span);
}

std::vector<Interval> sort_and_merge(std::vector<Interval> intervals, const ContigDict& contigs) {
    std::sort(intervals.begin(), intervals.end(), [&](const Interval& a, const Interval& b) {
        const int ia = contigs.index_of(a.contig);
        const int ib = contigs.index_of(b.contig);
        if (ia != ib) return ia < ib;
        if (a.beg != b.beg) return a.beg < b.beg;
        return a.end < b.end;
    });
    std::vector<Interval> merged;
    for (auto& iv : intervals) {
        if (iv.empty()) continue;
        if (!merged.empty() && merged.back().contig == iv.contig && iv.beg <= merged.back().end) {
            merged.back().end = std::max(merged.back().end, iv.end);
        } else {
            merged.push_back(std::move(iv));
        }
    }
    return merged;
}

}  // namespace somatic
