#include "libsomatic/msi/sites.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/error.hpp"
#include "../test_files.hpp"

using namespace somatic;
using namespace somatic::msi;

TEST_CASE("a sites BED is read, checked and put in the reference's order") {
    const ContigDict contigs({{"chr1", 1000}, {"chr2", 1000}});
    const auto path = testing::write_text("msi_sites.bed", "chr2\t10\t20\tA\t10\nchr1\t100\t112\tac\t6\n");
    const auto sites = read_sites(path, contigs);
    REQUIRE(sites.size() == 2);
    CHECK(sites[0].contig == "chr1");
    CHECK(sites[0].unit == "AC");
    CHECK(sites[0].count == 6);
    CHECK(bed_line(sites[1]) == "chr2\t10\t20\tA\t10\n");
    CHECK(sites_in(sites, {{"chr1", 0, 1000}}).size() == 1);
    CHECK(sites_in(sites, {{"chr2", 0, 15}}).empty());
}

TEST_CASE("a site listed twice is measured and counted once") {
    const ContigDict contigs({{"chr1", 1000}});
    // Two panels' lists concatenated: chr1:10-20 in both, unsorted.
    const auto path = testing::write_text("msi_twice.bed", "chr1\t10\t20\tA\t10\nchr1\t100\t112\tAC\t6\n"
                                                           "chr1\t10\t20\tA\t10\n");
    const auto sites = read_sites(path, contigs);
    REQUIRE(sites.size() == 2);
    CHECK(bed_line(sites[0]) == "chr1\t10\t20\tA\t10\n");
    CHECK(bed_line(sites[1]) == "chr1\t100\t112\tAC\t6\n");
}

TEST_CASE("bad sites files are errors naming the file") {
    const ContigDict contigs({{"chr1", 1000}});
    CHECK_THROWS_AS(read_sites(testing::write_text("msi_empty.bed", ""), contigs), Error);
    CHECK_THROWS_AS(read_sites(testing::write_text("msi_three.bed", "chr1\t10\t20\n"), contigs), Error);
    CHECK_THROWS_AS(read_sites(testing::write_text("msi_count.bed", "chr1\t10\t20\tA\t9\n"), contigs), Error);
    CHECK_THROWS_AS(read_sites(testing::write_text("msi_unit.bed", "chr1\t10\t20\tN\t10\n"), contigs), Error);
    CHECK_THROWS_AS(read_sites(testing::write_text("msi_contig.bed", "1\t10\t20\tA\t10\n"), contigs), Error);
}
