// Each HRD measure against segment tables counted by hand from the
// definitions (scarHRD's conventions, hrd_score.hpp). Positions in Mb.
#include "libsomatic/cnv/hrd_score.hpp"

#include <doctest/doctest.h>

#include "libsomatic/cnv/calls.hpp"

using namespace somatic::cnv;

namespace {

constexpr int64_t Mb = 1'000'000;

// A segment from Mb positions: total = major + minor; minor -1: alleles unknown.
HrdSegment seg(int32_t contig, double beg, double end, int major, int minor, int total = -1) {
    HrdSegment s;
    s.contig = contig;
    s.beg = static_cast<int64_t>(beg * Mb);
    s.end = static_cast<int64_t>(end * Mb);
    s.major = major;
    s.minor = minor;
    s.total = total >= 0 ? total : major + minor;
    return s;
}

const std::vector<std::string> kContigs = {"chr1", "chr2", "chrX"};
// chr1 and chr2: a centromere at 50-60 Mb; chrX's too (left out anyway).
const std::vector<Centromere> kCentromeres(3, Centromere{50 * Mb, 60 * Mb});

HrdScore score(const std::vector<HrdSegment>& s, bool doubled = false) {
    return score_hrd(kContigs, s, kCentromeres, doubled);
}

}  // namespace

TEST_CASE("LOH counts segments longer than 15 Mb, strictly") {
    // 14.9 Mb of 1+0 between heterozygous pieces: too short.
    CHECK(score({seg(0, 0, 20, 1, 1), seg(0, 20, 34.9, 1, 0), seg(0, 34.9, 100, 1, 1)}).loh == 0);
    // 15.1 Mb: one.
    CHECK(score({seg(0, 0, 20, 1, 1), seg(0, 20, 35.1, 1, 0), seg(0, 35.1, 100, 1, 1)}).loh == 1);
    // Exactly 15 Mb is not longer than 15 Mb.
    CHECK(score({seg(0, 0, 20, 1, 1), seg(0, 20, 35, 1, 0), seg(0, 35, 100, 1, 1)}).loh == 0);
}

TEST_CASE("LOH leaves out chromosomes wholly LOH, and sex chromosomes") {
    // chr1 is LOH from end to end (in two states): not a scar. chr2 has one
    // 40 Mb LOH region. chrX's 30 Mb LOH does not count.
    const HrdScore s = score({seg(0, 0, 40, 2, 0), seg(0, 40, 100, 1, 0),
                              seg(1, 0, 40, 1, 0), seg(1, 40, 100, 1, 1),
                              seg(2, 0, 10, 1, 1), seg(2, 10, 40, 1, 0), seg(2, 40, 100, 1, 1)});
    CHECK(s.loh == 1);
}

TEST_CASE("LOH joins neighbours that differ only in the lost allele's partner count") {
    // 2+0 for 10 Mb then 1+0 for 10 Mb: one 20 Mb LOH region once the major
    // copy number is capped at 1 (alone, neither piece is over 15 Mb).
    CHECK(score({seg(0, 0, 10, 2, 0), seg(0, 10, 20, 1, 0), seg(0, 20, 100, 1, 1)}).loh == 1);
    // A homozygous deletion (0+0) is not LOH.
    CHECK(score({seg(0, 0, 20, 0, 0), seg(0, 20, 100, 1, 1)}).loh == 0);
}

TEST_CASE("TAI counts imbalance that reaches a telomere without crossing the centromere") {
    // 20 Mb of 2+0 at the p telomere, ending before the centromere at 50 Mb.
    CHECK(score({seg(0, 0, 20, 2, 0), seg(0, 20, 100, 1, 1)}).tai == 1);
    // The same imbalance running to 55 Mb crosses into the centromere: none.
    CHECK(score({seg(0, 0, 55, 2, 0), seg(0, 55, 100, 1, 1)}).tai == 0);
    // 3+1 at the q telomere, from 80 Mb (after the centromere's end at 60).
    CHECK(score({seg(0, 0, 80, 1, 1), seg(0, 80, 100, 3, 1)}).tai == 1);
    // Interstitial imbalance reaches no telomere.
    CHECK(score({seg(0, 0, 20, 1, 1), seg(0, 20, 40, 2, 0), seg(0, 40, 100, 1, 1)}).tai == 0);
    // A whole chromosome in one imbalanced state is not telomeric.
    CHECK(score({seg(0, 0, 100, 2, 0)}).tai == 0);
    // Both ends of one chromosome.
    CHECK(score({seg(0, 0, 20, 2, 1), seg(0, 20, 80, 1, 1), seg(0, 80, 100, 1, 0)}).tai == 2);
}

TEST_CASE("TAI drops segments under 1 Mb first") {
    // A 0.9 Mb balanced tip is dropped: the 2+0 piece then reaches the telomere.
    CHECK(score({seg(0, 0, 0.9, 1, 1), seg(0, 0.9, 20, 2, 0), seg(0, 20, 100, 1, 1)}).tai == 1);
    // A 0.5 Mb imbalanced tip is dropped: nothing imbalanced is left at the end.
    CHECK(score({seg(0, 0, 0.5, 2, 0), seg(0, 0.5, 100, 1, 1)}).tai == 0);
}

TEST_CASE("TAI judges imbalance against the chromosome's own ploidy") {
    // Ploidy 3 (2+1 covers most): 2+1 is balanced there, 3+0 is not.
    CHECK(score({seg(0, 0, 10, 3, 0), seg(0, 10, 100, 2, 1)}).tai == 1);
    // At an odd ploidy only the ploidy's own total with both alleles is
    // balanced: 1+1 (a relative loss) counts, as in scarHRD.
    CHECK(score({seg(0, 0, 10, 1, 1), seg(0, 10, 100, 2, 1)}).tai == 1);
    // 1+1 covering most (ploidy 2): the 2+1 tip is imbalanced.
    CHECK(score({seg(0, 0, 10, 2, 1), seg(0, 10, 100, 1, 1)}).tai == 1);
    // A doubled chromosome (2+2 covers most): 1+1 is balanced, 3+1 is not.
    CHECK(score({seg(0, 0, 10, 1, 1), seg(0, 10, 100, 2, 2)}, true).tai == 0);
    CHECK(score({seg(0, 0, 10, 3, 1), seg(0, 10, 100, 2, 2)}, true).tai == 1);
}

TEST_CASE("LST counts breakpoints between pieces of at least 10 Mb within an arm") {
    // p arm (0-50 Mb): 1+1 to 20, a 2 Mb 2+1 piece (smoothed away), 2+0 to
    // 55 (cut at the centromere: 22-50): one transition, the pieces 2 Mb
    // apart. q arm: one piece. Total 1.
    CHECK(score({seg(0, 0, 20, 1, 1), seg(0, 20, 22, 2, 1), seg(0, 22, 55, 2, 0), seg(0, 55, 150, 1, 1)}).lst == 1);
    // The 2 Mb piece between two 1+1 neighbours: smoothing joins them into one, no transition.
    CHECK(score({seg(0, 0, 20, 1, 1), seg(0, 20, 22, 2, 1), seg(0, 22, 150, 1, 1)}).lst == 0);
    // 9 Mb is too short a side; 10 Mb is enough.
    CHECK(score({seg(0, 0, 9, 1, 1), seg(0, 9, 150, 2, 0)}).lst == 0);
    CHECK(score({seg(0, 0, 10, 1, 1), seg(0, 10, 150, 2, 0)}).lst == 1);
}

TEST_CASE("LST does not count across the centromere") {
    // The change falls in the centromere: each arm holds one state.
    CHECK(score({seg(0, 0, 50, 1, 1), seg(0, 60, 150, 2, 0)}).lst == 0);
    // A piece across the centromere is cut in two, one part in each arm:
    // p: 1+1 0-30 | 2+0 30-50; q: 2+0 60-100 | 1+1 100-150.
    CHECK(score({seg(0, 0, 30, 1, 1), seg(0, 30, 100, 2, 0), seg(0, 100, 150, 1, 1)}).lst == 2);
    // Pieces that stop short of the centromere keep their length: p has 1+1
    // 0-30 and 2+0 30-38 (8 Mb, calls end there), q has 2+1 70-78 (8 Mb,
    // calls start there) and 1+1 78-150. Neither 8 Mb piece reaches 10 Mb,
    // so no transition counts (stretched to the centromere they would be
    // 20 and 18 Mb: 2).
    CHECK(score({seg(0, 0, 30, 1, 1), seg(0, 30, 38, 2, 0), seg(0, 70, 78, 2, 1), seg(0, 78, 150, 1, 1)}).lst == 0);
    // Sex chromosomes are left out (chr1 is balanced: measured, none).
    CHECK(score({seg(0, 0, 150, 1, 1), seg(2, 0, 30, 1, 1), seg(2, 30, 100, 2, 0), seg(2, 100, 150, 1, 1)}).lst == 0);
}

TEST_CASE("LST smoothing leaves a gap when two short pieces go") {
    // 2 Mb and 2 Mb removed one after the other: 1+1 ends at 20, 2+0 starts
    // at 24, 4 Mb apart, not adjacent any more (scarHRD's rule).
    CHECK(score({seg(0, 0, 20, 1, 1), seg(0, 20, 22, 2, 1), seg(0, 22, 24, 3, 1), seg(0, 24, 150, 2, 0)}).lst == 0);
}

TEST_CASE("the sum, and what is not measured") {
    // chr1: 20 Mb 2+0 at the p telomere (LOH > 15 Mb, TAI, and an LST
    // against the 1+1 that follows to 50); chr2 balanced.
    const HrdScore s = score({seg(0, 0, 20, 2, 0), seg(0, 20, 150, 1, 1), seg(1, 0, 150, 1, 1)});
    CHECK(s.loh == 1);
    CHECK(s.tai == 1);
    CHECK(s.lst == 1);
    CHECK(s.sum() == 3);
    CHECK(s.no_centromere.empty());

    // No centromere for chr2: TAI and LST leave it out and say so.
    const std::vector<Centromere> only_chr1 = {Centromere{50 * Mb, 60 * Mb}, Centromere{}, Centromere{}};
    const HrdScore partial = score_hrd(kContigs, {seg(0, 0, 150, 1, 1), seg(1, 0, 20, 2, 0), seg(1, 20, 150, 1, 1)},
                                       only_chr1, false);
    CHECK(partial.loh == 1);
    CHECK(partial.tai == 0);
    CHECK(partial.lst == 0);
    CHECK(partial.no_centromere == std::vector<std::string>{"chr2"});

    // No centromere anywhere: not measured at all.
    const HrdScore none = score_hrd(kContigs, {seg(0, 0, 20, 2, 0), seg(0, 20, 150, 1, 1)}, {}, false);
    CHECK(none.loh == 1);
    CHECK(none.tai == -1);
    CHECK(none.lst == -1);
    CHECK(none.sum() == -1);

    // No alleles known (a depth-only fit): LOH, TAI and LST unmeasured.
    const HrdScore depth = score({seg(0, 0, 50, -1, -1, 3), seg(0, 50, 150, -1, -1, 2)});
    CHECK(depth.loh == -1);
    CHECK(depth.sum() == -1);
    CHECK(depth.fraction_genome_altered == doctest::Approx(50.0 / 150));
}

TEST_CASE("the fraction of the genome altered is over the autosomes' called bases") {
    // 1+1 | 2+1 (gain) | 2+0 (LOH, total 2) | total 2 alleles unknown; chrX ignored.
    const std::vector<HrdSegment> s = {seg(0, 0, 25, 1, 1), seg(0, 25, 50, 2, 1), seg(0, 50, 75, 2, 0),
                                       seg(0, 75, 100, -1, -1, 2), seg(2, 0, 100, 1, 0)};
    CHECK(score(s).fraction_genome_altered == doctest::Approx(0.5));
    // Doubled: the baseline is 4, so 2+2 is unaltered and 1+1 a loss.
    const std::vector<HrdSegment> d = {seg(0, 0, 25, 2, 2), seg(0, 25, 50, 1, 1), seg(0, 50, 75, 3, 1),
                                       seg(0, 75, 100, -1, -1, 4)};
    CHECK(score(d, true).fraction_genome_altered == doctest::Approx(0.5));
    CHECK(std::isnan(score({}).fraction_genome_altered));
}

TEST_CASE("the log line says NA for what was not measured") {
    HrdScore s;
    s.loh = 2;
    s.fraction_genome_altered = 0.25;
    CHECK(describe_hrd(s) == "LOH 2, TAI NA, LST NA, sum NA; fraction of the genome altered 0.250");
}

TEST_CASE("a depth-only fit's lost segments do not make the allelic measures look measured") {
    // chr1: 0-20 Mb 2+0 (LOH > 15 Mb and TAI at the p end), 20-40 Mb lost
    // (total 0), 40-150 Mb 1+1. With alleles: LOH 1, TAI 1. The same totals
    // from a depth-only fit (no allele known anywhere): LOH, TAI, LST NA,
    // not 0 from the lost segment's 0+0.
    CnvCalls calls;
    calls.table.contigs = kContigs;
    for (auto [beg, end] : {std::pair{0, 20}, std::pair{20, 40}, std::pair{40, 150}}) {
        Segment s;
        s.contig = 0;
        s.beg = beg * Mb;
        s.end = end * Mb;
        calls.table.segments.push_back(s);
    }
    auto call = [](int total, int major, int minor) {
        SegmentCall c;
        c.total = total;
        c.major = major;
        c.minor = minor;
        return c;
    };
    calls.calls = {call(2, 2, 0), call(0, -1, -1), call(2, 1, 1)};
    const HrdScore allelic = score_hrd(kContigs, hrd_segments(calls), kCentromeres, false);
    CHECK(allelic.loh == 1);
    CHECK(allelic.tai == 1);

    calls.depth_only = true;
    calls.calls = {call(2, -1, -1), call(0, -1, -1), call(2, -1, -1)};
    const HrdScore depth = score_hrd(kContigs, hrd_segments(calls), kCentromeres, false);
    CHECK(depth.loh == -1);
    CHECK(depth.tai == -1);
    CHECK(depth.lst == -1);
    CHECK(depth.sum() == -1);
    CHECK(depth.fraction_genome_altered == doctest::Approx(20.0 / 150));  // the lost 20 Mb
}
