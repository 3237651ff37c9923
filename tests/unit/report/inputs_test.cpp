// The readers of the other tools' outputs: columns by header name, the
// HRD columns optional, bad input named.
#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "../thrown_message.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/report/annotation.hpp"
#include "libsomatic/report/cnv_input.hpp"
#include "libsomatic/report/headline.hpp"
#include "libsomatic/report/msi_input.hpp"
#include "libsomatic/report/provenance.hpp"
#include "libsomatic/report/sig_input.hpp"

using namespace somatic;
using somatic::testing::thrown_message;
using namespace somatic::report;
using somatic::testing::write_text;

TEST_CASE("cnv summary: by column name, alternatives parsed, HRD absent means not computed") {
    const auto path = write_text(
        "summary.tsv",
        "purity\tploidy\tcalled_ploidy\tsex\tgenome_doubled\tscore\tdepth_only\tn_segments\talternatives\n"
        "0.67\t2.10\t2.08\tunknown\t0\t0.6445\t0\t16\t0.50/4.16/1.3474/doubled/misfit=0.8;1.00/6.00/1.87/undoubled\n");
    const CnvSummary s = read_cnv_summary(path);
    CHECK(s.purity == doctest::Approx(0.67));
    CHECK(s.ploidy == doctest::Approx(2.08));  // called_ploidy
    CHECK(s.genome_doubled == 0);
    REQUIRE(s.alternatives.size() == 2);
    CHECK(s.alternatives[0].ploidy == doctest::Approx(4.16));
    CHECK(s.alternatives[0].doubled);
    CHECK_FALSE(s.alternatives[1].doubled);
    CHECK_FALSE(s.hrd.any());

    // HRD columns appended at the end, in another order; NA kept as missing.
    const auto hrd = write_text("hrd.tsv", "purity\tploidy\thrd_sum\thrd_loh\thrd_tai\thrd_lst\tfraction_genome_altered\n"
                                           "0.5\t3.1\t42\t12\t14\t16\tNA\n");
    const CnvSummary h = read_cnv_summary(hrd);
    CHECK(h.hrd.any());
    CHECK(h.hrd.sum == 42);
    CHECK(h.hrd.loh == 12);
    CHECK(h.hrd.lst == 16);
    CHECK(h.hrd.has_fga);
    CHECK(std::isnan(h.hrd.fraction_genome_altered));
    CHECK(h.ploidy == doctest::Approx(3.1));  // no called_ploidy: ploidy

    CHECK(thrown_message([&] { read_cnv_summary(write_text("nopurity.tsv", "ploidy\n2\n")); }).find("no column 'purity'") !=
          std::string::npos);
}

TEST_CASE("cnv summary: a malformed alternative is an error naming the line, not a solution of purity 0") {
    const std::string head = "purity\tploidy\talternatives\n";
    const std::string e1 = thrown_message([&] { read_cnv_summary(write_text("alt_text.tsv", head + "0.6\t2\tx/4.16/1.3\n")); });
    CHECK(e1.find("column 'alternatives' holds 'x'") != std::string::npos);
    CHECK(e1.find("line 2") != std::string::npos);
    const std::string e2 = thrown_message([&] { read_cnv_summary(write_text("alt_short.tsv", head + "0.6\t2\t0.5/4.16\n")); });
    CHECK(e2.find("column 'alternatives' holds '0.5/4.16'") != std::string::npos);
    // "NA" and an empty field are no alternative, as before.
    CHECK(read_cnv_summary(write_text("alt_na.tsv", head + "0.6\t2\tNA\n")).alternatives.empty());
    const CnvSummary s = read_cnv_summary(write_text("alt_one.tsv", head + "0.6\t2\t0.30/3.05/2.5;\n"));
    REQUIRE(s.alternatives.size() == 1);
    CHECK(s.alternatives[0].purity == doctest::Approx(0.30));
    CHECK(s.alternatives[0].score == doctest::Approx(2.5));
}

TEST_CASE("cnv summary: why an HRD measure is NA") {
    // somatic-cnv on contigs without a known centromere: LOH measured, TAI and
    // LST (and so the sum) not.
    HrdScores h;
    h.has_loh = h.has_tai = h.has_lst = h.has_sum = h.has_fga = true;
    h.loh = 3;
    h.fraction_genome_altered = 0.2;
    auto why = hrd_not_measured(h);
    REQUIRE(why.size() == 3);
    CHECK(why[0].first == "tai");
    CHECK(why[0].second.find("no centromere") != std::string::npos);
    CHECK(why[1].first == "lst");
    CHECK(why[2].first == "sum");
    CHECK(why[2].second == "TAI and LST were not measured");
    // A depth-only fit: no allele-specific states, every count NA for that.
    h.loh = NAN;
    why = hrd_not_measured(h);
    REQUIRE(why.size() == 4);
    for (const auto& [key, reason] : why) CHECK(reason.find("no allele-specific copy number") != std::string::npos);
    // All measured, or the columns absent: nothing to explain.
    h.loh = 1, h.tai = 2, h.lst = 3, h.sum = 6;
    CHECK(hrd_not_measured(h).empty());
    CHECK(hrd_not_measured(HrdScores{}).empty());

    // somatic-cnv's counts of a depth-only fit (homozygous deletions alone
    // give it 0s) are not an HRD score: read as not measured.
    const CnvSummary d = read_cnv_summary(write_text(
        "depth_only.tsv", "purity\tploidy\tdepth_only\thrd_loh\thrd_tai\thrd_lst\thrd_sum\tfraction_genome_altered\n"
                          "0.7\t2\t1\t0\t0\t0\t0\t0.562\n"));
    CHECK(d.depth_only);
    CHECK(std::isnan(d.hrd.sum));
    CHECK(d.hrd.fraction_genome_altered == doctest::Approx(0.562));
    why = hrd_not_measured(d.hrd);
    REQUIRE(why.size() == 4);
    CHECK(why[3].second.find("depth-only") != std::string::npos);
}

TEST_CASE("exposures: the tumour's row, bootstrap columns as intervals") {
    const auto path = write_text(
        "exposures.tsv",
        "Sample\tSBS1\tSBS3\tMutations\tCosine\tUnexplained\tExpectedUnexplained\tSBS1_low\tSBS1_high\tSBS3_low\tSBS3_high\n"
        "T1\t48\t20\t68\t0.95\t0.2\t0.2\t36\t63\t0\t31\n"
        "T2\t10\t0\t10\t0.9\t0.2\t0.2\t5\t15\t0\t0\n");
    const ExposuresInput e = read_exposures(path, "T2");
    CHECK(e.sample == "T2");
    CHECK(e.intervals);
    REQUIRE(e.signatures.size() == 2);
    CHECK(e.signatures[0].name == "SBS1");
    CHECK(e.signatures[0].low == 5);
    CHECK(e.mutations == 10);
    CHECK(thrown_message([&] { read_exposures(path, ""); }).find("several samples") != std::string::npos);
    CHECK(thrown_message([&] { read_exposures(path, "T9"); }).find("no row for sample 'T9'") != std::string::npos);
}

TEST_CASE("msi summary by column name") {
    const auto path = write_text("msi.tsv", "msi_status\tthreshold\tpercent_unstable\tsites_unstable\tsites_tested\n"
                                            "MSI-H\t20\t35.5\t71\t200\n");
    const MsiSummary m = read_msi_summary(path);
    CHECK(m.status == "MSI-H");
    CHECK(m.sites_tested == 200);
    CHECK(m.percent_unstable == doctest::Approx(35.5));
    CHECK(m.determined());
    // somatic-msi's summary when no site had the reads to be tested.
    const MsiSummary none = read_msi_summary(write_text(
        "msi_none.tsv", "sites_tested\tsites_unstable\tpercent_unstable\tmsi_status\tthreshold\n0\t0\tNA\tNA\t3.5\n"));
    CHECK_FALSE(none.determined());
    CHECK(std::isnan(none.percent_unstable));
    ReportInputs in;
    in.msi = write_text("msi_none2.tsv", "sites_tested\tsites_unstable\tpercent_unstable\tmsi_status\tthreshold\n"
                                         "0\t0\tNA\tNA\t3.5\n");
    CHECK(headline(build_report(in))[1] ==
          "MSI not determined: no microsatellite had enough reads in both samples to test");
    CHECK(thrown_message([&] { read_msi_summary(write_text("msi_bad.tsv", "sites_tested\n1\n")); }).find("sites_unstable") !=
          std::string::npos);
    // Two samples' summaries concatenated, or a header alone: not one sample's.
    const std::string head = "sites_tested\tsites_unstable\tpercent_unstable\tmsi_status\tthreshold\n";
    const std::string row = "10\t1\t10.00\tMSI-H\t3.5\n";
    CHECK(thrown_message([&] { read_msi_summary(write_text("msi_two.tsv", head + row + row)); })
              .find("expected one row, found 2") != std::string::npos);
    CHECK(thrown_message([&] { read_cnv_summary(write_text("cnv_none.tsv", "purity\tploidy\n")); })
              .find("expected one row, found 0") != std::string::npos);
}

TEST_CASE("annotation on another build is an error that says so") {
    const ContigDict vcf({{"chr1", 120000}, {"chr2", 80000}});
    const auto same = write_text("same.gff3", "##gff-version 3\n##sequence-region chr1 1 120000\n"
                                              "chr1\tx\tgene\t10001\t12000\t.\t+\t.\tID=gene:G1;Name=GENEA\n"
                                              "chr1\tx\tCDS\t10001\t10300\t.\t+\t0\tParent=transcript:T1\n");
    const GeneAnnotation a = read_gff3(same);
    REQUIRE(a.genes.size() == 1);
    CHECK(a.genes[0].name == "GENEA");
    CHECK(a.genes[0].where == Interval{"chr1", 10000, 12000});
    CHECK(a.cds.size() == 1);
    CHECK_NOTHROW(check_same_build(a, vcf, "calls.vcf"));

    const auto longer = write_text("longer.gff3", "##sequence-region chr1 1 248956422\n");
    CHECK(thrown_message([&] { check_same_build(read_gff3(longer), vcf, "calls.vcf"); }).find("248956422 bp long") !=
          std::string::npos);
    const auto no_chr = write_text("nochr.gff3", "1\tx\tgene\t1\t100\t.\t+\t.\tID=gene:G1\n");
    const std::string e = thrown_message([&] { check_same_build(read_gff3(no_chr), vcf, "calls.vcf"); });
    CHECK(e.find("names none of the contigs") != std::string::npos);
    CHECK(e.find("'chr1'") != std::string::npos);  // the contig it would be with a chr prefix
}

TEST_CASE("an annotation without a gene or CDS is an error") {
    CHECK(thrown_message([] { read_gff3(write_text("empty.gff3", "")); }).find("the file is empty") != std::string::npos);
    // A VCF given by mistake: nine columns and more, no 'gene' or 'CDS' type.
    const auto vcf = write_text("calls_as.gff3", "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER"
                                                 "\tINFO\tFORMAT\tTUMOUR\nchr1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\n");
    CHECK(thrown_message([&] { read_gff3(vcf); }).find("holds no gene or CDS feature") != std::string::npos);
}

TEST_CASE("provenance from header lines") {
    std::vector<ToolRun> runs;
    add_tool_runs({"source=somatic-snv 0.1.0", "somatic-snvCommand=somatic-snv -t t.bam", "bcftools/csqVersion=1.16",
                   "bcftools/csqCommand=csq -p a; Date=Sat Dec  5 04:32:36 2026", "fileDate=20260101"},
                  "--snv", runs);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].tool == "somatic-snv");
    CHECK(runs[0].version == "0.1.0");
    CHECK(runs[0].command == "somatic-snv -t t.bam");
    CHECK(runs[1].tool == "bcftools/csq");
    CHECK(runs[1].version == "1.16");
    CHECK(runs[1].command == "csq -p a");  // bcftools' run date left out
}
