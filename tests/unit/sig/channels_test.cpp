#include "libsomatic/sig/channels.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/bases.hpp"

using namespace somatic;
using namespace somatic::sig;

namespace {
int fold(const char* tri, char alt) {
    return fold_channel(base_code(tri[0]), base_code(tri[1]), base_code(alt), base_code(tri[2]));
}
}  // namespace

TEST_CASE("channels are in COSMIC order") {
    CHECK(channel_name(0) == "A[C>A]A");
    CHECK(channel_name(1) == "A[C>A]C");
    CHECK(channel_name(3) == "A[C>A]T");
    CHECK(channel_name(4) == "C[C>A]A");
    CHECK(channel_name(16) == "A[C>G]A");
    CHECK(channel_name(32) == "A[C>T]A");
    CHECK(channel_name(48) == "A[T>A]A");
    CHECK(channel_name(64) == "A[T>C]A");
    CHECK(channel_name(95) == "T[T>G]T");
    for (int c = 0; c < kChannels; ++c) CHECK(channel_index(channel_name(c)) == c);
    CHECK(channel_index("A[G>A]A") == -1);  // a purine is not a channel name
    CHECK(channel_index("A[C>C]A") == -1);
    CHECK(channel_index("C>A", "ACA") == 0);
    CHECK(channel_index("T>G", "TTT") == 95);
    CHECK(channel_index("C>A", "ATA") == -1);  // the middle base must be the mutated one
}

TEST_CASE("pyrimidine substitutions keep their strand") {
    CHECK(fold("ACA", 'A') == 0);                        // A[C>A]A
    CHECK(fold("TCG", 'T') == 2 * 16 + 3 * 4 + 2);       // T[C>T]G
    CHECK(fold("GTC", 'G') == 5 * 16 + 2 * 4 + 1);       // G[T>G]C
}

TEST_CASE("purine substitutions fold to the other strand, flanks complemented and swapped") {
    // A G T, G>T on the + strand is A[C>A]T on the - strand: 5' = comp(T), 3' = comp(A).
    CHECK(fold("AGT", 'T') == 0 * 16 + 0 * 4 + 3);
    // T G C, G>A is G[C>T]A.
    CHECK(fold("TGC", 'A') == 2 * 16 + 2 * 4 + 0);
    // C A G, A>G is C[T>C]G.
    CHECK(fold("CAG", 'G') == 4 * 16 + 1 * 4 + 2);
    // Both strands of the same event land in the same channel.
    CHECK(fold("ACG", 'T') == fold("CGT", 'A'));
}

TEST_CASE("N bases and non-substitutions have no channel") {
    CHECK(fold("NCA", 'A') == -1);
    CHECK(fold("ACN", 'A') == -1);
    CHECK(fold("ANA", 'A') == -1);
    CHECK(fold("ACA", 'N') == -1);
    CHECK(fold("ACA", 'C') == -1);
}
