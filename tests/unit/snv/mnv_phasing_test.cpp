#include "libsomatic/snv/mnv_phasing.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace somatic;
using namespace somatic::snv;

namespace {
Observation obs(uint32_t fragment, uint8_t base, uint8_t quality = 30, uint16_t end = 40) {
    Observation o;
    o.fragment = fragment;
    o.base = base;
    o.base_quality = quality;
    o.mapping_quality = 60;
    o.distance_to_end = end;
    return o;
}
constexpr uint8_t A = 0, C = 1, G = 2, T = 3;
}  // namespace

TEST_CASE("fragments are classed by their bases at every site of the block") {
    // Sites CC>TT. Fragments: 0, 1 TT (whole ALT); 2 TC, 3 CT (some alt);
    // 4 CC (reference); 5 AC (a third base, no alt); 6 T at the first site
    // only (a read ending there: no phase); 7 at the second site only.
    const std::vector<std::vector<Observation>> sites = {
        {obs(0, T), obs(1, T), obs(2, T), obs(3, C), obs(4, C), obs(5, A), obs(6, T)},
        {obs(0, T), obs(1, T), obs(2, C), obs(3, T), obs(4, C), obs(5, C), obs(7, T)},
    };
    const std::vector<uint8_t> ref = {C, C}, alt = {T, T};
    const auto h = fragment_haplotypes(sites, ref, alt);
    REQUIRE(h.size() == 6);  // fragments 0-5 cover both sites
    const PhaseCounts c = count_phase(h);
    CHECK(c.full == 2);
    CHECK(c.partial == 2);
    CHECK(c.ref == 1);
    CHECK(c.other == 1);
}

TEST_CASE("a fragment's haplotype takes its weakest base's quality and its nearest read end") {
    const std::vector<std::vector<Observation>> sites = {{obs(3, T, 35, 10)}, {obs(3, G, 20, 9)}, {obs(3, A, 38, 8)}};
    const std::vector<uint8_t> ref = {C, C, C}, alt = {T, G, A};
    const auto h = fragment_haplotypes(sites, ref, alt);
    REQUIRE(h.size() == 1);
    CHECK(h[0].base == kAltHaplotype);
    CHECK(h[0].base_quality == 20);
    CHECK(h[0].distance_to_end == 8);
    CHECK(h[0].fragment == 3);
}

TEST_CASE("in phase: enough fragments with every alt base, and few with only some") {
    // 8 of 10 fragments with any alt base carry both: exactly the 0.8 bound.
    CHECK(in_phase({8, 2, 30, 0}, 2));
    CHECK_FALSE(in_phase({7, 3, 30, 0}, 2));
    // Two SNVs on different fragments: none carries both.
    CHECK_FALSE(in_phase({0, 40, 30, 0}, 2));
    // One fragment is not enough when two are asked for, whatever its share.
    CHECK_FALSE(in_phase({1, 0, 30, 0}, 2));
    CHECK(in_phase({2, 0, 30, 0}, 2));
    // Never without a fragment carrying the haplotype.
    CHECK_FALSE(in_phase({0, 0, 30, 0}, 0));
}
