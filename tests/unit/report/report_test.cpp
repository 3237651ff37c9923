#include "libsomatic/report/report.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/report/html_writer.hpp"

using namespace somatic::report;
using somatic::testing::write_text;

TEST_CASE("signatures of therapeutic interest and what they point to") {
    CHECK(signature_meaning("SBS3") == "homologous-recombination deficiency");
    for (const char* mmr : {"SBS6", "SBS14", "SBS15", "SBS20", "SBS21", "SBS26", "SBS44"}) {
        CHECK(signature_meaning(mmr) == "mismatch-repair deficiency");
    }
    CHECK(signature_meaning("SBS2") == signature_meaning("SBS13"));
    CHECK(signature_meaning("SBS1").empty());
    CHECK(signature_meaning("SBS30").empty());
}

TEST_CASE("a signature is flagged when its interval's lower bound is above 0") {
    // SBS3: 20 mutations, interval 4-35 (flagged); SBS13: 12, interval 0-30
    // (present, not flagged); SBS2: 0 (not listed); SBS1: not of interest.
    const auto path = write_text("flags.tsv",
                                 "Sample\tSBS1\tSBS2\tSBS3\tSBS13\tMutations\tCosine\tSBS1_low\tSBS1_high\tSBS2_low\t"
                                 "SBS2_high\tSBS3_low\tSBS3_high\tSBS13_low\tSBS13_high\n"
                                 "T\t40\t0\t20\t12\t72\t0.9\t30\t50\t0\t3\t4\t35\t0\t30\n");
    ReportInputs in;
    in.signatures = path;
    const Report r = build_report(in);
    REQUIRE(r.signature_flags.size() == 2);
    CHECK(r.signature_flags[0].signature == "SBS3");
    CHECK(r.signature_flags[0].confident);
    CHECK(r.signature_flags[1].signature == "SBS13");
    CHECK_FALSE(r.signature_flags[1].confident);
    CHECK(r.tumour == "T");
    // Without the other inputs, each section names what would fill it.
    CHECK(missing_input(r, "copy_number") == "--cnv");
    CHECK(missing_input(r, "coding_tmb") == "--snv, --callable and --annotation");
    CHECK(missing_input(r, "signatures").empty());
    CHECK(missing_input(r, "spectrum") == "--catalogue");
    const std::string html = format_html(r);
    CHECK(html.find("No copy-number segments: give --cnv.") != std::string::npos);
    CHECK(html.find("flagged: homologous-recombination deficiency") != std::string::npos);
}

TEST_CASE("amplification: total CN at least twice the ploidy and at least 5") {
    CnSegment s;
    s.total = 5;
    CHECK(is_amplification(s, 2.0));
    CHECK_FALSE(is_amplification(s, 3.1));  // 5 < 6.2
    s.total = 4;
    CHECK_FALSE(is_amplification(s, 1.8));  // below 5
    s.total = -1;
    CHECK_FALSE(is_amplification(s, 2.0));
}

TEST_CASE("HTML escaping") {
    CHECK(html_escape("<a href=\"x\">R&D's</a>") == "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
}

TEST_CASE("without a VCF the annotation is checked against the segments' contigs") {
    // One segment 1:1-20000 at CN 0; GENEA 1:10001-12000 lies in it.
    const auto cnv = write_text("nochr_segments.bed", "#chrom\tstart\tend\ttotal_cn\n1\t0\t20000\t0\n");
    const auto goi = write_text("goi_genea.tsv", "gene\nGENEA\n");
    ReportInputs in;
    in.cnv = cnv;
    in.genes_of_interest = goi;
    in.annotation = write_text("nochr.gff3", "1\tx\tgene\t10001\t12000\t.\t+\t.\tID=gene:G1;Name=GENEA\n");
    const Report same = build_report(in);
    REQUIRE(same.gene_copy_number.size() == 1);
    CHECK(same.gene_copy_number[0].state == "CN0 (homozygous deletion)");

    // The same gene on 'chr1' (a GRCh38-style annotation): an error naming
    // the mismatch, not every gene "no segment covers it".
    in.annotation = write_text("chr.gff3", "chr1\tx\tgene\t10001\t12000\t.\t+\t.\tID=gene:G1;Name=GENEA\n");
    std::string message;
    try {
        build_report(in);
    } catch (const somatic::Error& e) {
        message = e.what();
    }
    CHECK(message.find("names none of the contigs of") != std::string::npos);
    CHECK(message.find("'chr1'") != std::string::npos);
    CHECK(message.find("nochr_segments.bed must be of one reference build") != std::string::npos);
}

TEST_CASE("each call gets the copy number of the segment it falls in") {
    // Segments in file order: chr1 [50,300) CN3, chr1 [0,100) CN2 (they
    // overlap: the first in file order wins), chr1 [400,500) CN1,
    // chr2 [0,100) CN4. Calls at 0-based 60 (both overlapping segments:
    // CN3), 20 (only [0,100): CN2), 250 (only [50,300), past the end of
    // [0,100) that starts before it: CN3), 350 (a gap), 450 (CN1), 499 (the
    // last base of [400,500): CN1), 500 (its end, outside), chr2 0 (CN4) and
    // chr3 10 (a contig without segments).
    const auto cnv = write_text("states.bed",
                                "#chrom\tstart\tend\ttotal_cn\nchr1\t50\t300\t3\nchr1\t0\t100\t2\n"
                                "chr1\t400\t500\t1\nchr2\t0\t100\t4\n");
    std::string vcf = "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=1000>\n##contig=<ID=chr2,length=1000>\n"
                      "##contig=<ID=chr3,length=1000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
    const std::pair<const char*, int> calls[] = {{"chr1", 60},  {"chr1", 20},  {"chr1", 250},
                                                 {"chr1", 350}, {"chr1", 450}, {"chr1", 499},
                                                 {"chr1", 500}, {"chr2", 0},   {"chr3", 10}};
    for (const auto& [chrom, pos0] : calls) {
        vcf += std::string(chrom) + "\t" + std::to_string(pos0 + 1) + "\t.\tA\tC\t.\tPASS\t.\n";
    }
    ReportInputs in;
    in.snv = write_text("states.vcf", vcf);
    in.cnv = cnv;
    const Report r = build_report(in);
    const std::vector<std::string> expected = {"CN3", "CN2", "CN3", "no segment", "CN1",
                                               "CN1", "no segment", "CN4", "no segment"};
    CHECK(r.variant_state == expected);
}

TEST_CASE("segments named with a 'chr' prefix the VCF lacks: the error says so") {
    ReportInputs in;
    in.snv = write_text("nochr_calls.vcf", "##fileformat=VCFv4.2\n##contig=<ID=1,length=1000>\n"
                                           "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
    in.cnv = write_text("chr_segments.bed", "#chrom\tstart\tend\ttotal_cn\nchr1\t0\t1000\t2\n");
    std::string message;
    try {
        build_report(in);
    } catch (const somatic::Error& e) {
        message = e.what();
    }
    CHECK(message.find("segment chr1:1-1000 is not on the VCF's reference") != std::string::npos);
    CHECK(message.find("did you mean '1'?") != std::string::npos);
}
