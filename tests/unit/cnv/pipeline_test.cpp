#include "libsomatic/cnv/pipeline.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/error.hpp"

using namespace somatic;
using namespace somatic::cnv;

TEST_CASE("the pipeline's options: inputs, one source of het sites, every stage's ranges") {
    PipelineOptions o;
    CHECK_THROWS_WITH_AS(o.validate(), "tumour is required", somatic::Error);
    o.tumour = "t.bam";
    CHECK_THROWS_WITH_AS(o.validate(), "normal is required without pooled_reference", somatic::Error);
    o.pooled_reference = "pool.tsv";  // a pool stands in for the normal's depth
    o.reference = "ref.fa";
    CHECK_NOTHROW(o.validate());
    o.snp_sites = "sites.vcf";  // but het sites need a normal to genotype
    CHECK_THROWS_AS(o.validate(), somatic::Error);
    o.snp_sites.clear();
    o.pooled_reference.clear();
    o.reference.clear();
    o.normal = "n.bam";
    CHECK_THROWS_WITH_AS(o.validate(), "reference is required", somatic::Error);
    o.reference = "ref.fa";
    CHECK_NOTHROW(o.validate());
    o.germline_hets = "hets.vcf";
    o.snp_sites = "sites.vcf";
    CHECK_THROWS_WITH_AS(o.validate(), "give germline_hets or snp_sites, not both", somatic::Error);
    o.germline_hets.clear();
    CHECK_NOTHROW(o.validate());
    o.threads = 0;
    CHECK_THROWS_AS(o.validate(), somatic::Error);
    o.threads = 2;
    // Each stage's validate() applies: here the segmentation's.
    o.segment.min_bins = 0;
    CHECK_THROWS_WITH_AS(o.validate(), "min_bins must be at least 1", somatic::Error);
}

TEST_CASE("sites to genotype need both alignments and the reference") {
    HetSource s;
    CHECK_NOTHROW(s.validate());  // no source: an empty table
    s.snp_sites = "sites.vcf";
    CHECK_THROWS_WITH_AS(s.validate(), "snp_sites needs tumour and normal", somatic::Error);
    s.tumour = "t.bam";
    s.normal = "n.bam";
    CHECK_THROWS_WITH_AS(s.validate(), "snp_sites needs reference", somatic::Error);
    s.reference = "ref.fa";
    CHECK_NOTHROW(s.validate());
    // A germline-hets VCF needs neither.
    CHECK_NOTHROW((HetSource{"hets.vcf", {}, {}, {}, {}, {}}.validate()));
}
