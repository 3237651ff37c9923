#include "libsomatic/core/contigs.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/error.hpp"

using namespace somatic;

namespace {
std::string check_message(const ContigDict& data, const ContigDict& ref, std::vector<std::string> used = {}) {
    try {
        check_same_assembly(data, "tumour.bam", ref, "ref.fa", used);
    } catch (const Error& e) {
        return e.what();
    }
    return "ok";
}
}  // namespace

TEST_CASE("matching dictionaries pass") {
    const ContigDict a({{"chr1", 1000}, {"chr2", 500}});
    CHECK(check_message(a, a) == "ok");
}

TEST_CASE("a chr prefix on one side only is named as such") {
    const ContigDict bam({{"chr1", 1000}, {"chr2", 500}});
    const ContigDict ref({{"1", 1000}, {"2", 500}});
    const std::string m = check_message(bam, ref);
    CHECK(m.find("tumour.bam") == 0);
    CHECK(m.find("'chr' prefix") != std::string::npos);
    CHECK(m.find("'chr1' here, '1' there") != std::string::npos);
}

TEST_CASE("the chr prefix example is a contig that matches once toggled") {
    // Reads on a whole genome, the reference a slice of one contig.
    const ContigDict bam({{"1", 1000}, {"chr20", 500}});
    const ContigDict ref({{"20", 500}});
    CHECK(check_message(bam, ref).find("'chr20' here, '20' there") != std::string::npos);
}

TEST_CASE("GRCh37 against GRCh38 is recognised from the lengths") {
    const ContigDict bam({{"1", 249250621}});
    const ContigDict ref({{"1", 248956422}});
    const std::string m = check_message(bam, ref);
    CHECK(m.find("249250621 bp, as in GRCh37") != std::string::npos);
    CHECK(m.find("248956422 bp, as in GRCh38") != std::string::npos);
    CHECK(m.find("data aligned to GRCh37, reference is GRCh38") != std::string::npos);
    CHECK(guess_assembly("chr20", 63025520) == "GRCh37");
    CHECK(guess_assembly("20", 64444167) == "GRCh38");
    CHECK(guess_assembly("20", 1000).empty());
}

TEST_CASE("a contig missing from the reference is named") {
    const ContigDict bam({{"chr1", 1000}, {"chrM", 16569}});
    const ContigDict ref({{"chr1", 1000}});
    CHECK(check_message(bam, ref).find("contig 'chrM' is not in the reference ref.fa") != std::string::npos);
    // Only the contigs the run reads are checked when they are given.
    CHECK(check_message(bam, ref, {"chr1"}) == "ok");
}

TEST_CASE("lookups and the chr suggestion") {
    const ContigDict d({{"chr1", 10}, {"chrX", 20}});
    CHECK(d.index_of("chrX") == 1);
    CHECK(d.index_of("X") == -1);
    CHECK(d.suggest("X").find("'chrX'") != std::string::npos);
    CHECK(d.suggest("Y").empty());
    CHECK(d.total_length() == 30);
}

TEST_CASE("alternate, decoy, HLA, unplaced and viral contigs are secondary; chromosomes and chrM are not") {
    // Names as GRCh38's analysis set and hs37d5 spell them.
    for (const char* name : {"chr6_GL000250v2_alt", "chrUn_JTFH01000001v1_decoy", "chr1_KI270706v1_random",
                             "chrUn_KI270302v1", "HLA-A*01:01:01:01", "chrEBV", "GL000192.1", "hs37d5",
                             "NC_007605"}) {
        CHECK_MESSAGE(is_secondary_contig(name), name);
    }
    for (const char* name : {"chr1", "1", "chrX", "Y", "chrM", "MT", "chr22", "20", "demo20"}) {
        CHECK_MESSAGE(!is_secondary_contig(name), name);
    }
}
