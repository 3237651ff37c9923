#include "libsomatic/cnv/centromeres.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "libsomatic/core/error.hpp"
#include "test_util.hpp"

using namespace somatic::cnv;
using somatic::cnv::test::TempFile;

TEST_CASE("the built-in centromeres are matched by name and length") {
    // GRCh37 chr1 is 249,250,621 bp long, GRCh38 chr1 248,956,422 bp and
    // GRCh38 chr20 64,444,167 bp; UCSC's acen bands put their centromeres at
    // 121.5-128.9, 121.7-125.1 and 25.7-30.4 Mb.
    const std::vector<std::string> contigs = {"chr1", "1", "chr2", "chr20", "chrM", "CHR1"};
    const std::vector<int64_t> lengths = {249250621, 248956422, 1000, 64444167, 16569, 0};
    std::vector<std::string> builds;
    const std::vector<Centromere> c = builtin_centromeres(contigs, lengths, builds);
    REQUIRE(c.size() == 6);
    CHECK(c[0].beg == 121500000);
    CHECK(c[0].end == 128900000);
    CHECK(c[1].beg == 121700000);
    CHECK(c[1].end == 125100000);
    CHECK_FALSE(c[2].known());  // chr2 of another length: a piece, or another assembly
    CHECK(c[3].beg == 25700000);
    CHECK(c[3].end == 30400000);
    CHECK_FALSE(c[4].known());
    CHECK_FALSE(c[5].known());  // the length unknown
    CHECK(builds == std::vector<std::string>{"GRCh37", "GRCh38"});
}

TEST_CASE("the built-in table holds both builds' 24 chromosomes, each centromere inside its chromosome") {
    std::istringstream in{std::string(centromere_table_text())};
    std::string line;
    int rows = 0, grch37 = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream f(line);
        std::string build, chrom;
        int64_t length = 0, beg = 0, end = 0;
        f >> build >> chrom >> length >> beg >> end;
        CHECK(0 < beg);
        CHECK(beg < end);
        CHECK(end < length);
        ++rows;
        grch37 += build == "GRCh37";
        // GRCh37's chromosome 20 is 63,025,520 bp (the length Debian's vt-examples FASTA index gives).
        if (build == "GRCh37" && chrom == "20") CHECK(length == 63025520);
    }
    CHECK(rows == 48);
    CHECK(grch37 == 24);
}

TEST_CASE("a centromere BED joins each chromosome's lines and matches names with or without chr") {
    // UCSC cytoBand's two acen lines of chr1, and a plain "2".
    TempFile bed("# centromeres\nchr1\t121700000\t123400000\tp11.1\tacen\nchr1\t123400000\t125100000\tq11\tacen\n"
                 "2\t91800000\t96000000\n");
    const std::vector<Centromere> c = read_centromeres(bed.path(), {"1", "chr2", "chr3"});
    CHECK(c[0].beg == 121700000);
    CHECK(c[0].end == 125100000);
    CHECK(c[1].beg == 91800000);
    CHECK(c[1].end == 96000000);
    CHECK_FALSE(c[2].known());
}

TEST_CASE("a bad centromere BED is an error naming the line") {
    TempFile short_line("chr1\t100\n");
    CHECK_THROWS_AS(read_centromeres(short_line.path(), {"chr1"}), somatic::Error);
    TempFile backwards("chr1\t100\t50\n");
    CHECK_THROWS_WITH_AS(read_centromeres(backwards.path(), {"chr1"}),
                         doctest::Contains("line 1"), somatic::Error);
    CHECK_THROWS_AS(read_centromeres("no/such/centromeres.bed", {"chr1"}), somatic::Error);
}

TEST_CASE("a GRCh38 'chr' header with alt, decoy and HLA contigs takes GRCh38's centromeres on its 24 chromosomes") {
    // The primary chromosomes' lengths of GRCh38 as its NCBI assembly report
    // (GCA_000001405.15) gives them, in UCSC's "chr" names, between the
    // unplaced, alternate, decoy and HLA sequences of the analysis set.
    const std::vector<std::pair<std::string, int64_t>> header = {
        {"chr1", 248956422}, {"chr2", 242193529}, {"chr3", 198295559}, {"chr4", 190214555},
        {"chr5", 181538259}, {"chr6", 170805979}, {"chr7", 159345973}, {"chr8", 145138636},
        {"chr9", 138394717}, {"chr10", 133797422}, {"chr11", 135086622}, {"chr12", 133275309},
        {"chr13", 114364328}, {"chr14", 107043718}, {"chr15", 101991189}, {"chr16", 90338345},
        {"chr17", 83257441}, {"chr18", 80373285}, {"chr19", 58617616}, {"chr20", 64444167},
        {"chr21", 46709983}, {"chr22", 50818468}, {"chrX", 156040895}, {"chrY", 57227415},
        {"chrM", 16569}, {"chr1_KI270706v1_random", 175055}, {"chrUn_KI270302v1", 2274},
        {"chr22_KI270879v1_alt", 304300}, {"chrEBV", 171823}, {"HLA-A*01:01:01:01", 3503},
        {"chrUn_JTFH01000001v1_decoy", 25139}};
    std::vector<std::string> contigs;
    std::vector<int64_t> lengths;
    for (const auto& [name, length] : header) {
        contigs.push_back(name);
        lengths.push_back(length);
    }
    std::vector<std::string> builds;
    const std::vector<Centromere> c = builtin_centromeres(contigs, lengths, builds);
    REQUIRE(c.size() == header.size());
    for (size_t i = 0; i < 24; ++i) CHECK_MESSAGE(c[i].known(), contigs[i]);
    for (size_t i = 24; i < header.size(); ++i) CHECK_MESSAGE(!c[i].known(), contigs[i]);
    // UCSC hg38 cytoBand acen spans: chr1 p11.1-q11, chr22 p11.1-q11.1, chrX p11.1-q11.1.
    CHECK(c[0].beg == 121700000);
    CHECK(c[0].end == 125100000);
    CHECK(c[21].beg == 13700000);
    CHECK(c[21].end == 17400000);
    CHECK(c[22].beg == 58100000);
    CHECK(c[22].end == 63800000);
    CHECK(builds == std::vector<std::string>{"GRCh38"});
}
