#include "libsomatic/cnv/pipeline.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/error.hpp"

using namespace somatic;
using namespace somatic::cnv;

TEST_CASE("the pipeline's options: inputs, one source of het sites, every stage's ranges") {
    PipelineOptions o;
    CHECK_THROWS_WITH_AS(validate(o), "tumour and normal are both required", somatic::Error);
    o.tumour = "t.bam";
    o.normal = "n.bam";
    CHECK_THROWS_WITH_AS(validate(o), "reference is required", somatic::Error);
    o.reference = "ref.fa";
    CHECK_NOTHROW(validate(o));
    o.germline_hets = "hets.vcf";
    o.snp_sites = "sites.vcf";
    CHECK_THROWS_WITH_AS(validate(o), "give germline_hets or snp_sites, not both", somatic::Error);
    o.germline_hets.clear();
    CHECK_NOTHROW(validate(o));
    o.threads = 0;
    CHECK_THROWS_AS(validate(o), somatic::Error);
    o.threads = 2;
    // Each stage's validate() applies: here the segmentation's.
    o.segment.min_bins = 0;
    CHECK_THROWS_WITH_AS(validate(o), "min_bins must be at least 1", somatic::Error);
}

TEST_CASE("sites to genotype need both alignments and the reference") {
    HetSource s;
    CHECK_NOTHROW(validate(s));  // no source: an empty table
    s.snp_sites = "sites.vcf";
    CHECK_THROWS_WITH_AS(validate(s), "snp_sites needs tumour and normal", somatic::Error);
    s.tumour = "t.bam";
    s.normal = "n.bam";
    CHECK_THROWS_WITH_AS(validate(s), "snp_sites needs reference", somatic::Error);
    s.reference = "ref.fa";
    CHECK_NOTHROW(validate(s));
    // A germline-hets VCF needs neither.
    CHECK_NOTHROW(validate(HetSource{"hets.vcf", {}, {}, {}, {}, {}}));
}

TEST_CASE("the whole genome: every contig, whole, in the reference's order") {
    const ContigDict contigs({{"chr2", 500}, {"chr1", 1000}});
    const auto all = whole_genome(contigs);
    REQUIRE(all.size() == 2);
    CHECK(all[0].contig == "chr2");
    CHECK(all[0].end == 500);
    CHECK(all[1].contig == "chr1");
    CHECK(all[1].beg == 0);
    CHECK(all[1].end == 1000);
}
