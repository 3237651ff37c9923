#include "libsomatic/report/sample_checks_text.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/report/report.hpp"

using namespace somatic::report;

TEST_CASE("sample identity in words; a mismatch is a warning") {
    const CheckText mismatch = describe_sample_identity("mismatch,informative_sites=40,opposite_homozygotes=7");
    CHECK(mismatch.text == "two different people? 7 of 40 informative sites are opposite homozygotes "
                           "(one person's samples: under 2%)");
    CHECK(mismatch.warning.find("two different people") != std::string::npos);
    const CheckText same = describe_sample_identity("same,informative_sites=812,opposite_homozygotes=1");
    CHECK(same.text == "one person (1 of 812 informative sites are opposite homozygotes)");
    CHECK(same.warning.empty());
    const CheckText few = describe_sample_identity("undetermined,informative_sites=9,opposite_homozygotes=0");
    CHECK(few.text == "not determined (0 of 9 informative sites are opposite homozygotes: too few sites to tell)");
    CHECK(few.warning.empty());
    // Another caller's line of that name: shown as it is.
    CHECK(describe_sample_identity("OK").text == "OK");
    CHECK(describe_sample_identity("").text.empty());
}

TEST_CASE("contamination in per cent; a warning from a 2% lower bound") {
    const CheckText high = describe_contamination("0.0500,ci95=0.0310-0.0720,sites=120");
    CHECK(high.text == "5.0% (95% interval 3.1-7.2%, 120 sites)");
    CHECK(!high.warning.empty());
    // 3% at best guess, but the interval reaches 0: no warning.
    const CheckText unsure = describe_contamination("0.0325,ci95=0.0000-0.0800,sites=9");
    CHECK(unsure.text == "3.2% (95% interval 0.0-8.0%, 9 sites)");
    CHECK(unsure.warning.empty());
    CHECK(describe_contamination(".,sites=0").text.starts_with("not estimated"));
    CHECK(describe_contamination("0.01").text == "0.01");
}

TEST_CASE("a VCF whose samples look like two people carries the warning into the report") {
    const auto vcf = somatic::testing::write_text(
        "swapped.vcf",
        "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=1000>\n"
        "##sample_identity=mismatch,informative_sites=5,opposite_homozygotes=5\n"
        "##tumour_contamination=0.5000,ci95=0.4940-0.5000,sites=5\n"
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
    ReportInputs in;
    in.snv = vcf;
    const Report r = build_report(in);
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].find("two different people: 5 of 5") != std::string::npos);
    CHECK(r.warnings[1].find("50.0%") != std::string::npos);
}
