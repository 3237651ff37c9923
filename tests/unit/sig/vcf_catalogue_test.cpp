#include "libsomatic/sig/vcf_catalogue.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/input_file.hpp"

using namespace somatic;
using namespace somatic::sig;
using somatic::testing::write_text;

namespace {
// chr1: A C A G T T G C A A N C T G   (positions 1-14)
const char* kFasta = ">chr1\nACAGTTGCAA\nNCTG\n>chr2\nacgtacgt\n";

const char* kHeader =
    "##fileformat=VCFv4.2\n"
    "##FILTER=<ID=PASS,Description=\"All filters passed\">\n"
    "##FILTER=<ID=LowQual,Description=\"low\">\n"
    "##contig=<ID=chr1,length=14>\n"
    "##contig=<ID=chr2>\n"
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOUR\n";

std::string rec(const std::string& chrom, int pos, const std::string& ref, const std::string& alt,
                const std::string& filter = "PASS") {
    return chrom + "\t" + std::to_string(pos) + "\t.\t" + ref + "\t" + alt + "\t.\t" + filter + "\t.\tGT\t0/0\t0/1\n";
}

SampleCatalogue count(const std::string& name, const std::string& body, CatalogueOptions opt = {},
                      const std::string& header = kHeader) {
    const auto fa = write_text("sigref.fa", kFasta);
    ContextReference ref(fa);
    InputFile in(write_text(name, header + body));
    return catalogue_from_vcf(in, ref, opt);
}

std::string error_of(const std::string& name, const std::string& body, CatalogueOptions opt = {}) {
    try {
        count(name, body, opt);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}
}  // namespace

TEST_CASE("SNVs on both strands fold to their channels; edges and N contexts are skipped") {
    const std::string body = rec("chr1", 2, "C", "A")     // A C A: A[C>A]A = 0
                             + rec("chr1", 4, "G", "T")   // A G T: - strand A[C>A]T = 3
                             + rec("chr1", 6, "T", "C")   // T T G: T[T>C]G = 78, but see below
                             + rec("chr1", 7, "G", "A")   // T G C: - strand G[C>T]A = 40, but see below
                             + rec("chr1", 1, "A", "G")   // first base: no 5' neighbour
                             + rec("chr1", 14, "G", "A")  // last base: no 3' neighbour
                             + rec("chr1", 10, "A", "C")  // A A N
                             + rec("chr1", 12, "C", "T")  // N C T
                             + rec("chr2", 2, "C", "T");  // lower-case reference: a C g -> A[C>T]G = 34
    const auto c = count("v1.vcf", body);
    CHECK(c.counts[0] == 1);
    CHECK(c.counts[3] == 1);
    CHECK(c.counts[34] == 1);
    // 6 and 7 are adjacent: one doublet TG>CA (a DBS78 channel as written),
    // not two SBS96 SNVs, as SigProfilerMatrixGenerator counts them.
    CHECK(c.counts[78] == 0);
    CHECK(c.counts[40] == 0);
    CHECK(c.summary.doublets == 1);
    CHECK(c.summary.snvs == 3);
    CatalogueOptions split;
    split.mnv = MnvMode::split;
    const auto s = count("v1s.vcf", body, split);
    CHECK(s.counts[78] == 1);
    CHECK(s.counts[40] == 1);
    CHECK(s.summary.snvs == 5);
    CHECK(s.summary.doublets == 1);  // DBS78 counts the doublet either way
    CHECK(c.summary.contig_edge == 2);
    CHECK(c.summary.n_context == 2);
    CHECK(c.summary.records == 9);
    CHECK(c.sample == "TUMOUR");  // the last sample column
}

TEST_CASE("FILTER, indels, multi-allelic records and multi-base substitutions") {
    const std::string body = rec("chr1", 2, "C", "A", "LowQual")  // filtered
                             + rec("chr1", 2, "C", "<DEL>")             // symbolic: other
                             + rec("chr1", 5, "T", "TA")                // insertion
                             + rec("chr1", 6, "T", "C,G")               // two SNVs: T[T>C]G 78, T[T>G]G 94
                             + rec("chr1", 7, "GC", "AT");              // MNV: G>A at 7 and C>T at 8, both G[C>T]A = 40
    const auto skip = count("v2.vcf", body);
    CHECK(skip.summary.filtered == 1);
    CHECK(skip.summary.mnv_skipped == 1);
    CHECK(skip.counts[78] == 1);
    CHECK(skip.counts[94] == 1);
    CHECK(skip.counts[40] == 0);
    CHECK(skip.summary.snvs == 2);
    CatalogueOptions opt;
    opt.mnv = MnvMode::split;
    opt.all_filters = true;
    const auto split = count("v3.vcf", body, opt);
    CHECK(split.counts[40] == 2);
    CHECK(split.counts[0] == 1);  // the LowQual record now counts
    CHECK(split.summary.snvs == 5);
}

TEST_CASE("the sample name: --sample, ##tumor_sample, last column, file name") {
    CHECK(vcf_sample_name({"N", "T"}, "", "N", "x.vcf") == "N");
    CHECK(vcf_sample_name({"N", "T"}, "T2", "absent", "x.vcf") == "T2");
    CHECK(vcf_sample_name({"N", "T"}, "", "", "x.vcf") == "T");
    CHECK(vcf_sample_name({}, "", "", "dir/sample7.vcf.gz") == "sample7");
    std::string header = kHeader;
    header.insert(header.find("#CHROM"), "##tumor_sample=PATIENT1_T\n");
    CHECK(count("v4.vcf", rec("chr1", 2, "C", "A"), {}, header).sample == "PATIENT1_T");
}

TEST_CASE("a contig missing from the reference is an error with the chr hint") {
    std::string header = kHeader;
    header.insert(header.find("#CHROM"), "##contig=<ID=1>\n");
    const auto fa = write_text("sigref.fa", kFasta);
    ContextReference ref(fa);
    InputFile in(write_text("v5.vcf", header + rec("1", 2, "C", "A")));
    try {
        catalogue_from_vcf(in, ref, {});
        FAIL("no error");
    } catch (const Error& e) {
        const std::string what = e.what();
        CHECK(what.find("contig '1' is not in the reference") != std::string::npos);
        CHECK(what.find("did you mean 'chr1'") != std::string::npos);
        CHECK(what.find("at 1:2") != std::string::npos);
    }
}

TEST_CASE("REF disagreeing with the reference: tolerated below the threshold, an error above") {
    // 1 of 3 disagrees (position 2 is C, not G).
    const std::string body = rec("chr1", 2, "G", "A") + rec("chr1", 6, "T", "C") + rec("chr1", 7, "G", "A");
    CatalogueOptions lax;
    lax.max_ref_mismatch = 0.5;
    const auto c = count("v6.vcf", body, lax);
    CHECK(c.summary.ref_mismatch == 1);
    CHECK(c.summary.doublets == 1);  // 6 and 7: adjacent SNVs, one doublet
    const std::string what = error_of("v7.vcf", body);
    CHECK(what.find("1 of 3 records (33.33%, more than 1%) have a REF that disagrees") != std::string::npos);
    CHECK(what.find("another assembly") != std::string::npos);
    CHECK(error_of("v8.vcf", rec("chr1", 20, "C", "A")).find("past the end of contig 'chr1'") != std::string::npos);
}

TEST_CASE("malformed lines are errors naming the locus") {
    CHECK(error_of("v9.vcf", "chr1\t2\t.\tC\tA\n").find("5 tab-separated columns, at least 8 expected at chr1:2") !=
          std::string::npos);
    CHECK(error_of("v10.vcf", "chr1\tx2\t.\tC\tA\t.\tPASS\t.\n").find("POS 'x2' is not a positive integer at data line 1") !=
          std::string::npos);
}
