#include "libsomatic/snv/indel_error_model.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace somatic::snv;

TEST_CASE("slippage errors are counted per unit length and copies, variants left out") {
    //                      0         1
    //                      0123456789012345678
    const std::string bases = "GCAAAAATGCTCACACAGT";
    const RefWindow ref{1000, bases};
    const somatic::Interval keep{"chr1", 1000, 1019};
    std::map<IndelAllele, uint32_t> events;
    events[{1001, "CA", "C"}] = 2;   // one A fewer in AAAAA (5 copies at 1002)
    events[{1001, "C", "CA"}] = 1;   // one A more
    events[{1010, "T", "TCA"}] = 60;  // CA x 3 at 1011: a variant in 60 of 100, not noise
    IndelErrorCounts counts;
    count_repeat_errors(ref, keep, events, [](int64_t) { return 100.0; }, counts);
    CHECK(counts.errors[1][5] == 3);
    CHECK(counts.fragments[1][5] == 100);
    CHECK(counts.errors[2][3] == 0);
    CHECK(counts.fragments[2][3] == 0);
}

TEST_CASE("rates are shrunk towards the default curve") {
    IndelErrorCounts counts;
    counts.errors[1][5] = 10;
    counts.fragments[1][5] = 2000;
    const auto rates = IndelErrorRates::estimate(counts);
    const double expected = (10 + kPseudoFragments * default_indel_error_rate(1, 5)) / (2000 + kPseudoFragments);
    RepeatContext one{"A", 5, 4};
    CHECK(rates.of(one) == doctest::Approx(expected));
    RepeatContext two{"A", 5, 3};  // two copies: a tenth
    CHECK(rates.of(two) == doctest::Approx(expected / 10));
    RepeatContext none{"ACG", 1, 0};
    CHECK(rates.of(none) == kNonRepeatIndelRate);
    // An empty bin keeps its default.
    RepeatContext empty{"AC", 6, 7};
    CHECK(rates.of(empty) == doctest::Approx(default_indel_error_rate(2, 6)));
}

TEST_CASE("only tracts with depth on both flanks count, whatever part of a run is covered") {
    //                        0         1
    //                        0123456789012345678901
    const std::string bases = "CAAAAAAGCACACATGGGGCTA";
    const RefWindow ref{1000, bases};
    const somatic::Interval keep{"chr1", 1000, 1022};
    std::map<IndelAllele, uint32_t> events;
    events[{1000, "CA", "C"}] = 5;  // in AAAAAA, whose left flank has no reads
    events[{1007, "GCA", "G"}] = 4;  // in CACACA, covered on both sides
    // Reads cover 1004-1018 only: they start inside AAAAAA and end inside GGGG.
    const auto depth = [](int64_t pos) { return pos >= 1004 && pos < 1019 ? 100.0 : 0.0; };
    IndelErrorCounts counts;
    count_repeat_errors(ref, keep, events, depth, counts);
    CHECK(counts.tracts == 1);
    CHECK(counts.errors[2][3] == 4);
    CHECK(counts.fragments[2][3] == 100);
    // The covered tail of AAAAAA is no tract of its own, nor is GGGG.
    for (int c = 2; c <= 6; ++c) CHECK(counts.fragments[1][static_cast<size_t>(c)] == 0);
    CHECK(counts.errors[1][6] == 0);
}
