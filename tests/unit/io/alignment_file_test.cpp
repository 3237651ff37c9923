#include "libsomatic/io/alignment_file.hpp"

#include <doctest/doctest.h>
#include <htslib/sam.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace somatic;

namespace {
// A sorted, indexed BAM of six 10 bp reads on a 1 kb contig, in a temporary
// directory removed by the destructor.
struct TinyBam {
    std::filesystem::path dir, bam;
    TinyBam() {
        dir = std::filesystem::temp_directory_path() / ("somatic_alignment_test_" + std::to_string(getpid()));
        std::filesystem::create_directories(dir);
        bam = dir / "tiny.bam";
        const char* text = "@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:c1\tLN:1000\n@RG\tID:r\tSM:S\n";
        // name flag pos(1-based) mapq; read "dup" is a duplicate (1024),
        // "low" has mapping quality 5, "far" starts at 901.
        const char* reads[] = {"a\t0\tc1\t11\t60\t10M\t*\t0\t0\tACGTACGTAC\t*",
                               "b\t16\tc1\t95\t60\t10M\t*\t0\t0\tACGTACGTAC\t*",
                               "dup\t1024\tc1\t101\t60\t10M\t*\t0\t0\tACGTACGTAC\t*",
                               "low\t0\tc1\t150\t5\t10M\t*\t0\t0\tACGTACGTAC\t*",
                               "c\t0\tc1\t199\t60\t10M\t*\t0\t0\tACGTACGTAC\t*",
                               "far\t0\tc1\t901\t60\t10M\t*\t0\t0\tACGTACGTAC\t*"};
        samFile* out = sam_open(bam.c_str(), "wb");
        sam_hdr_t* h = sam_hdr_parse(std::char_traits<char>::length(text), text);
        REQUIRE(sam_hdr_write(out, h) == 0);
        bam1_t* b = bam_init1();
        kstring_t line{0, 0, nullptr};
        for (const char* r : reads) {
            line.l = 0;
            kputs(r, &line);
            REQUIRE(sam_parse1(&line, h, b) >= 0);
            REQUIRE(sam_write1(out, h, b) >= 0);
        }
        free(line.s);
        bam_destroy1(b);
        sam_hdr_destroy(h);
        REQUIRE(sam_close(out) == 0);
        REQUIRE(sam_index_build(bam.c_str(), 0) == 0);
    }
    ~TinyBam() { std::filesystem::remove_all(dir); }
};
}  // namespace

TEST_CASE("for_each streams every read overlapping the region, unfiltered, in order") {
    TinyBam t;
    AlignmentFile file(t.bam.string(), "");
    // [100, 200) 0-based overlaps b (94-104), dup (100-110), low (149-159), c (198-208).
    std::vector<std::string> names;
    std::vector<int64_t> starts;
    file.for_each(Interval{"c1", 100, 200}, [&](const bam1_t* b) {
        names.emplace_back(bam_get_qname(b));
        starts.push_back(b->core.pos);
    });
    CHECK(names == std::vector<std::string>{"b", "dup", "low", "c"});
    CHECK(starts == std::vector<int64_t>{94, 100, 149, 198});

    // fetch sees the same reads and keeps those the filter passes.
    ReadBatch batch;
    const ReadCounts counts = file.fetch(Interval{"c1", 100, 200}, ReadFilter{}, batch);
    CHECK(counts.kept == 2);
    CHECK(counts.filtered == 2);
    REQUIRE(batch.size() == 2);
    CHECK(std::string(bam_get_qname(batch[0])) == "b");
    CHECK(std::string(bam_get_qname(batch[1])) == "c");
}

TEST_CASE("for_each of an empty region calls nothing; an unknown contig is an error") {
    TinyBam t;
    AlignmentFile file(t.bam.string(), "");
    int calls = 0;
    file.for_each(Interval{"c1", 300, 800}, [&](const bam1_t*) { ++calls; });
    CHECK(calls == 0);
    CHECK_THROWS_WITH(file.for_each(Interval{"chr9", 0, 10}, [](const bam1_t*) {}),
                      doctest::Contains("contig 'chr9' is not in the header"));
}

TEST_CASE("an exception from the callback leaves the file usable") {
    TinyBam t;
    AlignmentFile file(t.bam.string(), "");
    CHECK_THROWS(file.for_each(Interval{"c1", 0, 1000}, [](const bam1_t*) { throw std::runtime_error("stop"); }));
    int calls = 0;
    file.for_each(Interval{"c1", 0, 1000}, [&](const bam1_t*) { ++calls; });
    CHECK(calls == 6);
}
