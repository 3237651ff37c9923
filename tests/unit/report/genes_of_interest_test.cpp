#include "libsomatic/report/genes_of_interest.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"

using namespace somatic::report;

namespace {

Variant in_gene(const char* gene, int64_t pos) {
    Variant v;
    v.chrom = "chr1";
    v.pos = pos;
    v.annotation.gene = gene;
    return v;
}

}  // namespace

TEST_CASE("genes of interest: the list with a header, tiers and notes") {
    const auto path = somatic::testing::write_text("goi.tsv", "gene\ttier\tnote\nKRAS\t2\tG12 hotspot\nTP53\t1\n"
                                                              "# a comment\nBRCA2\n");
    const auto list = read_genes_of_interest(path);
    REQUIRE(list.size() == 3);
    CHECK(list[0].gene == "KRAS");
    CHECK(list[0].tier == "2");
    CHECK(list[0].note == "G12 hotspot");
    CHECK(list[2].tier.empty());
    CHECK(gene_index(list, "TP53") == 1);
    CHECK(gene_index(list, "EGFR") == -1);
}

TEST_CASE("variants: genes of interest first, by tier then list order, the rest in VCF order") {
    const std::vector<GeneOfInterest> list{{"KRAS", "2", ""}, {"TP53", "1", ""}, {"BRCA2", "", ""}, {"PIK3CA", "2", ""}};
    const std::vector<Variant> v{in_gene("OTHER1", 10), in_gene("BRCA2", 20), in_gene("PIK3CA", 30),
                                 in_gene("", 40),       in_gene("KRAS", 50),  in_gene("TP53", 60),
                                 in_gene("OTHER2", 70)};
    // Worked by hand: tier 1 (TP53, index 5); tier 2 in list order (KRAS 4,
    // then PIK3CA 2); no tier (BRCA2 1); then 0, 3, 6 as in the file.
    CHECK(order_variants(v, list) == std::vector<size_t>{5, 4, 2, 1, 0, 3, 6});
    // Tiers compare as numbers: "10" after "9".
    const std::vector<GeneOfInterest> numeric{{"A", "10", ""}, {"B", "9", ""}};
    CHECK(order_variants({in_gene("A", 1), in_gene("B", 2)}, numeric) == std::vector<size_t>{1, 0});
    // No list: the VCF's order.
    CHECK(order_variants(v, {}) == std::vector<size_t>{0, 1, 2, 3, 4, 5, 6});
}
