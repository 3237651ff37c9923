#include "libsomatic/cnv/genome.hpp"

#include <doctest/doctest.h>

using namespace somatic::cnv;

TEST_CASE("contig classes") {
    CHECK(classify_contig("chr1") == ContigClass::autosome);
    CHECK(classify_contig("22") == ContigClass::autosome);
    CHECK(classify_contig("chrX") == ContigClass::x);
    CHECK(classify_contig("Y") == ContigClass::y);
    CHECK(classify_contig("chrM") == ContigClass::other);
    CHECK(classify_contig("chr1_KI270706v1_random") == ContigClass::other);
    CHECK(classify_contig("GL000192.1") == ContigClass::other);
    CHECK(classify_contig("chrUn_KI270302v1") == ContigClass::other);
    CHECK(classify_contig("chr6_GL000250v2_alt") == ContigClass::other);
    CHECK(classify_contig("20_10000000_15000000") == ContigClass::autosome);  // a cut-out region
    CHECK(normal_copy_number(ContigClass::x, Sex::male) == 1);
    CHECK(normal_copy_number(ContigClass::y, Sex::female) == 0);
    CHECK(parse_sex("XY") == Sex::male);
    CHECK_THROWS(parse_sex("yes"));
}
