#include "libsomatic/io/reference.hpp"

#include <doctest/doctest.h>
#include <htslib/bgzf.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"

using namespace somatic;
using somatic::testing::write_text;

TEST_CASE("fetch returns upper-case bases of a 0-based half-open interval") {
    const auto fa = write_text("ref1.fa", ">chr1 description\nACGTacgtNN\nGGCC\n>chr2\nTTTT\n");
    Reference ref(fa);
    REQUIRE(ref.contigs().size() == 2);
    CHECK(ref.contigs()[0].name == "chr1");
    CHECK(ref.contigs()[0].length == 14);
    CHECK(ref.fetch("chr1", 0, 4) == "ACGT");
    CHECK(ref.fetch("chr1", 4, 12) == "ACGTNNGG");  // across a line break, lower case raised
    CHECK(ref.fetch("chr1", 12, 100) == "CC");       // clipped at the contig end
    CHECK(ref.fetch("chr2", 0, 4) == "TTTT");
    CHECK(ref.fetch("chr1", 5, 5).empty());
}

TEST_CASE("a bgzipped FASTA reads the same") {
    const std::string path = somatic::testing::scratch("ref2.fa.gz").string();
    BGZF* out = bgzf_open(path.c_str(), "w");
    const std::string text = ">chrA\nACGTTGCA\n";
    REQUIRE(bgzf_write(out, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    REQUIRE(bgzf_index_build_init(out) == 0);
    REQUIRE(bgzf_close(out) == 0);
    Reference ref(path);
    CHECK(ref.fetch("chrA", 2, 6) == "GTTG");
}

TEST_CASE("an unknown contig or a missing file is an input error naming it") {
    const auto fa = write_text("ref3.fa", ">chr1\nACGT\n");
    Reference ref(fa);
    try {
        ref.fetch("1", 0, 2);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("contig '1' is not in the reference") != std::string::npos);
        CHECK(std::string(e.what()).find("'chr1'") != std::string::npos);
    }
    CHECK_THROWS_AS(Reference("/nonexistent/ref.fa"), Error);
}
