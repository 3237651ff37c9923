#include "libsomatic/cnv/hrd_score.hpp"

#include <algorithm>
#include <map>

#include "libsomatic/cnv/calls.hpp"
#include "libsomatic/cnv/genome.hpp"
#include "libsomatic/cnv/table_io.hpp"

namespace somatic::cnv {

namespace {

struct Piece {
    int64_t beg = 0, end = 0;
    int total = 0, major = 0, minor = 0;
    int64_t length() const { return end - beg; }
};

// Joins neighbours of one allelic state (the later end wins, as the pieces
// may leave gaps where segments were dropped).
void join_equal(std::vector<Piece>& p) {
    size_t out = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        if (out > 0 && p[out - 1].major == p[i].major && p[out - 1].minor == p[i].minor) {
            p[out - 1].end = std::max(p[out - 1].end, p[i].end);
        } else {
            p[out++] = p[i];
        }
    }
    p.resize(out);
}

int count_loh(std::vector<Piece> p, const HrdOptions& o) {
    // A chromosome with no heterozygous piece at all is wholly LOH (or
    // lost): its LOH is one event, not a scar of repair.
    if (std::all_of(p.begin(), p.end(), [](const Piece& x) { return x.minor == 0; })) return 0;
    for (Piece& x : p) x.major = std::min(x.major, 1);
    join_equal(p);
    return static_cast<int>(std::count_if(p.begin(), p.end(), [&](const Piece& x) {
        return x.minor == 0 && x.major > 0 && x.length() > o.loh_min_length;
    }));
}

// The chromosome's ploidy for TAI: the non-zero total that covers most
// bases (the first seen among equals); 0 when every piece is lost.
int chromosome_ploidy(const std::vector<Piece>& p) {
    std::vector<std::pair<int, int64_t>> cover;  // in order of first appearance
    for (const Piece& x : p) {
        if (x.total == 0) continue;
        auto it = std::find_if(cover.begin(), cover.end(), [&](const auto& c) { return c.first == x.total; });
        if (it == cover.end()) cover.emplace_back(x.total, x.length());
        else it->second += x.length();
    }
    int best = 0;
    int64_t most = -1;
    for (const auto& [total, bases] : cover) {
        if (bases > most) {
            best = total;
            most = bases;
        }
    }
    return best;
}

bool imbalanced(const Piece& x, int ploidy) {
    if (ploidy == 1 || ploidy % 2 == 0) return x.major != x.minor;
    return !(x.total == ploidy && x.minor != 0);
}

int count_tai(std::vector<Piece> p, const Centromere& cen, const HrdOptions& o) {
    std::erase_if(p, [&](const Piece& x) { return x.length() < o.tai_min_length; });
    join_equal(p);
    if (p.size() < 2) return 0;  // nothing left, or the whole chromosome in one state
    const int ploidy = chromosome_ploidy(p);
    if (ploidy == 0) return 0;
    int n = 0;
    if (imbalanced(p.front(), ploidy) && p.front().end < cen.beg) ++n;
    if (imbalanced(p.back(), ploidy) && p.back().beg > cen.end) ++n;
    return n;
}

int count_arm_transitions(std::vector<Piece> arm, const HrdOptions& o) {
    for (;;) {
        auto small = std::find_if(arm.begin(), arm.end(), [&](const Piece& x) { return x.length() < o.lst_smooth_length; });
        if (small == arm.end()) break;
        arm.erase(small);
        join_equal(arm);
    }
    int n = 0;
    for (size_t k = 1; k < arm.size(); ++k) {
        if (arm[k].length() >= o.lst_min_length && arm[k - 1].length() >= o.lst_min_length &&
            arm[k].beg - arm[k - 1].end < o.lst_smooth_length) {
            ++n;
        }
    }
    return n;
}

int count_lst(const std::vector<Piece>& p, const Centromere& cen, const HrdOptions& o) {
    if (p.size() < 2) return 0;
    // A piece across the centromere belongs to both arms, cut at it. A
    // piece that stops short of the centromere keeps its own end: the gap
    // to it has no call, and stretching the piece across it could lift it
    // over lst_min_length.
    std::vector<Piece> short_arm, long_arm;
    for (const Piece& x : p) {
        if (x.beg <= cen.beg) short_arm.push_back(x);
        if (x.end >= cen.end) long_arm.push_back(x);
    }
    if (!short_arm.empty()) short_arm.back().end = std::min(short_arm.back().end, cen.beg);
    if (!long_arm.empty()) long_arm.front().beg = std::max(long_arm.front().beg, cen.end);
    return count_arm_transitions(short_arm, o) + count_arm_transitions(long_arm, o);
}

}  // namespace

HrdScore score_hrd(const std::vector<std::string>& contigs, const std::vector<HrdSegment>& segments,
                   const std::vector<Centromere>& centromeres, bool genome_doubled, const HrdOptions& o) {
    HrdScore score;
    // Each autosome's pieces with known alleles, in genome order.
    std::map<int32_t, std::vector<Piece>> by_contig;
    const int baseline = genome_doubled ? 4 : 2;
    int64_t called = 0, altered = 0;
    for (const HrdSegment& s : segments) {
        if (classify_contig(contigs.at(s.contig)) != ContigClass::autosome || s.total < 0) continue;
        const bool alleles = s.major >= 0 && s.minor >= 0;
        called += s.end - s.beg;
        if (s.total != baseline || (alleles && s.major != s.minor)) altered += s.end - s.beg;
        if (alleles) by_contig[s.contig].push_back({s.beg, s.end, s.total, s.major, s.minor});
    }
    if (called > 0) score.fraction_genome_altered = static_cast<double>(altered) / static_cast<double>(called);
    if (by_contig.empty()) return score;
    score.loh = 0;
    int tai = 0, lst = 0;
    bool any_centromere = false;
    for (auto& [contig, pieces] : by_contig) {
        join_equal(pieces);
        score.loh += count_loh(pieces, o);
        const Centromere cen = static_cast<size_t>(contig) < centromeres.size() ? centromeres[contig] : Centromere{};
        if (!cen.known()) {
            score.no_centromere.push_back(contigs[contig]);
            continue;
        }
        any_centromere = true;
        tai += count_tai(pieces, cen, o);
        lst += count_lst(pieces, cen, o);
    }
    if (any_centromere) {
        score.tai = tai;
        score.lst = lst;
    }
    return score;
}

std::vector<HrdSegment> hrd_segments(const CnvCalls& calls) {
    std::vector<HrdSegment> out;
    for (size_t i = 0; i < calls.calls.size(); ++i) {
        const SegmentCall& c = calls.calls[i];
        if (c.total < 0) continue;
        const Segment& s = calls.table.segments[i];
        HrdSegment h{s.contig, s.beg, s.end, c.total, c.major, c.minor};
        // Nothing left of either allele; but a depth-only fit knows no
        // alleles at all, and its lost segments alone would make LOH, TAI
        // and LST look measured (0) rather than NA.
        if (c.total == 0 && !calls.depth_only) h.major = h.minor = 0;
        out.push_back(h);
    }
    return out;
}

std::string describe_hrd(const HrdScore& s) {
    auto count = [](int n) { return n < 0 ? std::string("NA") : std::to_string(n); };
    return "LOH " + count(s.loh) + ", TAI " + count(s.tai) + ", LST " + count(s.lst) + ", sum " + count(s.sum()) +
           "; fraction of the genome altered " +
           (std::isnan(s.fraction_genome_altered) ? std::string("NA") : format_fixed(s.fraction_genome_altered, 3));
}

}  // namespace somatic::cnv
