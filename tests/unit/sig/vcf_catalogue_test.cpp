#include "libsomatic/sig/vcf_catalogue.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/channel_set.hpp"
#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/dbs78.hpp"

#include <algorithm>
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

TEST_CASE("adjacent SNVs: a pair is one doublet, three in a row a longer MNV") {
    // chr1: A C A G T T G C A A N C T G (1-14).
    //   2 C>T, 3 A>G: CA>TG, read on the other strand TG>CA (DBS78's name);
    //   5 T>A, 6 T>C, 7 G>T: three in a row, a 3-base MNV: neither SBS96 nor DBS78;
    //   9 A>G, 10 A>C: AA>GC, on the other strand TT>GC;
    //   chr2 3 (a c g t a c g t): G>A, alone, and chr1 2 is on another contig:
    //   on the minus strand 5' comp(t) = A, 3' comp(c) = G: A[C>T]G = 34.
    const std::string body = rec("chr1", 2, "C", "T") + rec("chr1", 3, "A", "G")  //
                             + rec("chr1", 5, "T", "A") + rec("chr1", 6, "T", "C") + rec("chr1", 7, "G", "T")  //
                             + rec("chr1", 9, "A", "G") + rec("chr1", 10, "A", "C")  //
                             + rec("chr2", 3, "G", "A");
    const auto c = count("adj.vcf", body);
    const auto names = dbs78_channel_names();
    auto dbs = [&](const std::string& n) {
        const auto it = std::find(names.begin(), names.end(), n);
        REQUIRE(it != names.end());
        return c.dbs78[static_cast<size_t>(it - names.begin())];
    };
    CHECK(c.summary.doublets == 2);
    CHECK(c.summary.doublets_merged == 2);
    CHECK(dbs("TG>CA") == 1);
    CHECK(dbs("TT>GC") == 1);
    CHECK(c.summary.mnv_long == 1);
    CHECK(c.summary.mnv_skipped == 3);  // the two doublets and the run of three
    CHECK(c.summary.snvs_merged == 7);  // 2 + 3 + 2 records: what SBS96 lacks
    CHECK(c.summary.snvs == 1);         // chr2:3 only
    CHECK(c.counts[34] == 1);
    // --mnv split: the 7 SNVs of the runs are SBS96 SNVs again (8 in all;
    // 10 has an N 3' of it, so 7); DBS78 is unchanged.
    CatalogueOptions split;
    split.mnv = MnvMode::split;
    const auto s = count("adj_split.vcf", body, split);
    CHECK(s.summary.snvs == 7);
    CHECK(s.summary.n_context == 1);
    CHECK(s.summary.doublets == 2);
    CHECK(s.summary.snvs_merged == 7);
}

TEST_CASE("adjacent SNVs: a header declaring INFO/MNV, or --adjacent separate, keeps them apart") {
    // 6 T>C (T T G: T[T>C]G = 78) and 7 G>A (T G C: G[C>T]A = 40).
    const std::string body = rec("chr1", 6, "T", "C") + rec("chr1", 7, "G", "A");
    std::string header = kHeader;
    header.insert(header.find("#CHROM"), "##INFO=<ID=MNV,Number=0,Type=Flag,Description=\"MNV\">\n");
    const auto phased = count("adj_mnv.vcf", body, {}, header);  // the caller phases doublets itself
    CHECK(phased.summary.doublets == 0);
    CHECK(phased.summary.snvs_merged == 0);
    CHECK(phased.counts[78] == 1);
    CHECK(phased.counts[40] == 1);
    CatalogueOptions sep;
    sep.adjacent = AdjacentSnvs::separate;
    CHECK(count("adj_sep.vcf", body, sep).summary.snvs == 2);
    CatalogueOptions merge;
    merge.adjacent = AdjacentSnvs::merge;
    CHECK(count("adj_merge.vcf", body, merge, header).summary.doublets == 1);
}

TEST_CASE("adjacent SNVs: multi-allelic records, filtered records and indels between") {
    // 2 C>A,T (two ALTs) next to 3 A>G: not one sample's doublet, three SNVs.
    // 6 T>C, a filtered 7, then an indel record at 7 and 8 C>T: 6 and 8 are
    // not adjacent; the filtered record and the indel do not join anything.
    const std::string body = rec("chr1", 2, "C", "A,T") + rec("chr1", 3, "A", "G")  //
                             + rec("chr1", 6, "T", "C") + rec("chr1", 7, "G", "A", "LowQual")  //
                             + rec("chr1", 7, "G", "GA") + rec("chr1", 8, "C", "T");
    const auto c = count("adj2.vcf", body);
    CHECK(c.summary.doublets == 0);
    CHECK(c.summary.snvs == 5);
    CHECK(c.summary.indels == 1);
}

TEST_CASE("indels are normalised and counted into ID83; complex ones are skipped") {
    // chr1: A C A G T T G C A A N C T G (1-14).
    //   4 G>GT: a T inserted before the TT at 5-6: 2 Ts follow -> 1:Ins:T:2
    //     (left-aligned as written: G is not T);
    //   5 TT>T: one T of TT deleted; left-aligned it is 4 GT>G (moved);
    //     one T follows -> 1:Del:T:1;
    //   6 TG>T: the G at 7 deleted, C follows -> 1:Del:C:0 (G named C);
    //   9 AA>A: one A of AA deleted; left-aligned 8 CA>C (moved) -> 1:Del:T:1;
    //   2 CAG>T: bases removed and added: complex, skipped.
    const std::string body = rec("chr1", 4, "G", "GT") + rec("chr1", 5, "TT", "T") + rec("chr1", 6, "TG", "T")  //
                             + rec("chr1", 9, "AA", "A") + rec("chr1", 2, "CAG", "T");
    const auto c = count("ind.vcf", body);
    const auto& names = channel_set(CatalogueType::id83).names;
    auto id = [&](const std::string& n) { return c.id83[static_cast<size_t>(std::find(names.begin(), names.end(), n) - names.begin())]; };
    CHECK(id("1:Ins:T:2") == 1);
    CHECK(id("1:Del:T:1") == 2);
    CHECK(id("1:Del:C:0") == 1);
    CHECK(c.summary.indels == 4);
    CHECK(c.summary.indels_normalised == 2);
    CHECK(c.summary.indels_complex == 1);
    CHECK(c.summary.snvs == 0);
}
