#include <doctest/doctest.h>
#include <htslib/vcf.h>

#include <chrono>
#include <filesystem>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/vcf_reader.hpp"
#include "libsomatic/io/vcf_writer.hpp"

using namespace somatic;
namespace fs = std::filesystem;

namespace {
void write_two_records(const std::string& path, VcfFormat format) {
    VcfWriter w(path, format);
    w.add_contigs(ContigDict({{"chr1", 1000}, {"chr2", 500}}));
    w.add_line("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">");
    w.add_line("##INFO=<ID=QSS,Number=1,Type=Integer,Description=\"test\">");
    w.add_sample("TUMOUR");
    w.add_provenance({"somatic-test", "1.0", "somatic-test --x", true});
    w.write_header();
    bcf1_t* rec = bcf_init();
    for (auto [contig, pos] : {std::pair{"chr1", 99}, std::pair{"chr2", 9}}) {
        bcf_clear(rec);
        rec->rid = bcf_hdr_name2id(w.header(), contig);
        rec->pos = pos;
        bcf_update_alleles_str(w.header(), rec, "A,T");
        int32_t qss = 42;
        bcf_update_info_int32(w.header(), rec, "QSS", &qss, 1);
        int32_t gt[2] = {bcf_gt_unphased(0), bcf_gt_unphased(1)};
        bcf_update_genotypes(w.header(), rec, gt, 2);
        w.write(rec);
    }
    bcf_destroy(rec);
    w.close();
}
}  // namespace

TEST_CASE("a bgzipped VCF is written with its index and reads back") {
    const std::string path = testing::scratch("calls.vcf.gz").string();
    write_two_records(path, VcfFormat::vcf_gz);
    CHECK(fs::exists(path));
    CHECK(fs::exists(path + ".tbi"));

    VcfReader reader(path, true);
    CHECK(reader.samples() == std::vector<std::string>{"TUMOUR"});
    CHECK(reader.contigs().find("chr1")->length == 1000);
    bcf1_t* rec = bcf_init();
    reader.fetch(Interval{"chr2", 0, 500});
    REQUIRE(reader.next(rec));
    CHECK(reader.locus(rec) == "chr2:10");  // 0-based 9 is VCF POS 10
    CHECK_FALSE(reader.next(rec));
    reader.fetch(Interval{"chrX", 0, 10});  // not in the file: no records, no error
    CHECK_FALSE(reader.next(rec));
    bcf_destroy(rec);
}

TEST_CASE("BCF gets a CSI index; plain VCF none; provenance can be left out") {
    const std::string bcf_path = testing::scratch("calls.bcf").string();
    write_two_records(bcf_path, VcfFormat::bcf);
    CHECK(fs::exists(bcf_path + ".csi"));
    const std::string vcf_path = testing::scratch("calls.vcf").string();
    write_two_records(vcf_path, VcfFormat::vcf);
    CHECK_FALSE(fs::exists(vcf_path + ".tbi"));
    CHECK(vcf_format_from_name("x.vcf.gz") == VcfFormat::vcf_gz);
    CHECK(vcf_format_from_name("x.bcf") == VcfFormat::bcf);
    CHECK(vcf_format_from_name("x.vcf") == VcfFormat::vcf);
    CHECK_THROWS_AS(parse_vcf_format("q"), Error);
}

TEST_CASE("malformed and unsorted VCFs are input errors with a locus") {
    const std::string head = "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=100>\n##contig=<ID=chr2,length=100>\n"
                             "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
    auto message = [&](const std::string& body, bool order) {
        const auto path = testing::write_text("in.vcf", head + body);
        VcfReader r(path);
        r.set_check_order(order);
        bcf1_t* rec = bcf_init();
        std::string m = "ok";
        try {
            while (r.next(rec)) {
            }
        } catch (const Error& e) {
            m = e.what();
        }
        bcf_destroy(rec);
        return m;
    };
    CHECK(message("chr1\t5\t.\tA\tT\t.\t.\t.\nchr1\t7\t.\tA\tT\t.\t.\t.\n", true) == "ok");
    CHECK(message("chr1\t7\t.\tA\tT\t.\t.\t.\nchr1\t5\t.\tA\tT\t.\t.\t.\n", true).find("not sorted at chr1:5") !=
          std::string::npos);
    CHECK(message("chr1\t5\t.\tA\tT\t.\t.\t.\nchr2\t5\t.\tA\tT\t.\t.\t.\nchr1\t9\t.\tA\tT\t.\t.\t.\n", true)
              .find("not sorted") != std::string::npos);
    CHECK(message("chr1\t5\t.\tA\n", false).find("malformed VCF record: 4 columns where 8 are needed at data line 1") != std::string::npos);
    CHECK_THROWS_AS(VcfReader(testing::write_text("empty.vcf", "")), Error);
    // htslib alone reads POS "12x4" as 12.
    for (const char* pos : {"12x4", "x", "-3", ""}) {
        CHECK(message(std::string("chr1\t") + pos + "\t.\tA\tT\t.\t.\t.\n", false)
                  .find(std::string("POS '") + pos + "' is not a whole number at data line 1") != std::string::npos);
    }
    CHECK(message("chr1\t007\t.\tA\tT\t.\t.\t.\n", false) == "ok");
}

TEST_CASE("an index older than its VCF is refused") {
    const std::string path = testing::scratch("stale.vcf.gz").string();
    write_two_records(path, VcfFormat::vcf_gz);
    CHECK_NOTHROW(VcfReader(path, true));
    const auto now = fs::last_write_time(path);
    fs::last_write_time(path + ".tbi", now - std::chrono::hours(1));
    try {
        VcfReader r(path, true);
        FAIL("a stale index was accepted");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("stale.vcf.gz.tbi is older than the data file") != std::string::npos);
    }
    // Without an index query the index is not read, so its age does not matter.
    CHECK_NOTHROW(VcfReader(path, false));
}
