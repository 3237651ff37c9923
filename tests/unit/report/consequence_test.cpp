#include "libsomatic/report/consequence.hpp"

#include <doctest/doctest.h>

using namespace somatic::report;

TEST_CASE("BCSQ: bcftools csq's field, one entry per transcript") {
    // As bcftools csq 1.16 writes them (testdata/pair1 annotated with genes.gff3).
    auto c = parse_bcsq("stop_gained|GENEA|GENEA-201|protein_coding|+|31R>31*|10091C>T");
    REQUIRE(c.size() == 1);
    CHECK(c[0].gene == "GENEA");
    CHECK(c[0].consequence == "stop_gained");
    CHECK(c[0].protein == "31R>31*");
    // Intron: no protein change; '*' (downstream of a stop) is dropped;
    // '@' entries point to another record and carry nothing.
    c = parse_bcsq("intron|GENEC||protein_coding,*missense|GENEC|T2|protein_coding|+|290C>290Y|52569G>A,@10091");
    REQUIRE(c.size() == 2);
    CHECK(c[0].consequence == "intron");
    CHECK(c[0].protein.empty());
    CHECK(c[1].consequence == "missense");
    CHECK(c[1].protein == "290C>290Y");
    CHECK(parse_bcsq(".").empty());
}

TEST_CASE("VEP CSQ: fields found by the header's Format list") {
    const CsqLayout layout = csq_layout(
        "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|"
        "Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp");
    CHECK(layout.consequence == 1);
    CHECK(layout.symbol == 3);
    CHECK(layout.gene == 4);
    CHECK(layout.hgvsp == 11);
    const auto c = parse_csq(
        "A|missense_variant|MODERATE|TP53|ENSG00000141510|Transcript|ENST00000269305|protein_coding|5/11||"
        "ENST00000269305.9:c.524G>A|ENSP00000269305.4:p.Arg175His,"
        "A|downstream_gene_variant|MODIFIER|WRAP53|ENSG00000141499|Transcript|ENST00000357449|protein_coding||||",
        layout);
    REQUIRE(c.size() == 2);
    CHECK(c[0].gene == "TP53");
    CHECK(c[0].protein == "p.Arg175His");
    CHECK(c[1].consequence == "downstream_gene_variant");
    // The most severe is the missense, whatever the order.
    CHECK(most_severe({c[1], c[0]}).gene == "TP53");
    // Synonymous changes come %3D-escaped.
    const auto s = parse_csq("T|synonymous_variant|LOW|KRAS|G|Transcript|T|protein_coding||||ENSP1.1:p.Gly12%3D", layout);
    CHECK(s[0].protein == "p.Gly12=");
    CHECK_FALSE(csq_layout("no format here").usable());
}

TEST_CASE("SnpEff ANN: its fixed field order") {
    const auto c = parse_ann(
        "T|missense_variant|MODERATE|KRAS|ENSG00000133703|transcript|ENST00000256078.10|protein_coding|2/6|"
        "c.35G>A|p.Gly12Asp|225/1119|35/570|12/189||,"
        "T|upstream_gene_variant|MODIFIER|LYRM5|ENSG1|transcript|ENST2|protein_coding||c.-2500C>T|||||2500|");
    REQUIRE(c.size() == 2);
    CHECK(c[0].gene == "KRAS");
    CHECK(c[0].consequence == "missense_variant");
    CHECK(c[0].protein == "p.Gly12Asp");
    CHECK(c[1].gene == "LYRM5");
    CHECK(c[1].protein.empty());
}

TEST_CASE("severity ranks protein-truncating above missense above synonymous") {
    CHECK(severity("stop_gained") > severity("missense"));
    CHECK(severity("frameshift_variant") > severity("missense_variant"));
    CHECK(severity("missense_variant") > severity("synonymous_variant"));
    CHECK(severity("synonymous") > severity("intron"));
    CHECK(severity("intron_variant&splice_region_variant") == severity("splice_region_variant"));
    CHECK(severity("made_up") == 0);
    CHECK(most_severe({}).gene.empty());
}

TEST_CASE("bcftools csq's own UTR and intron terms rank above a non-coding hit") {
    // As bcftools csq 1.16 writes them: a 5' UTR hit of one gene after a
    // non-coding one of another; the UTR is what the protein-coding gene
    // list wants (VEP ranks 5_prime_UTR_variant above non-coding exons).
    CHECK(most_severe(parse_bcsq("non_coding|GZ|GZ-201|lncRNA,5_prime_utr|GU|GU-201|protein_coding")).gene == "GU");
    CHECK(most_severe(parse_bcsq("non_coding|GZ|GZ-201|lncRNA,3_prime_utr|GU|GU-201|protein_coding")).gene == "GU");
    CHECK(most_severe(parse_bcsq("non_coding|GZ|GZ-201|lncRNA,intron|GI|GI-201|protein_coding")).gene == "GI");
    CHECK(severity("5_prime_utr") > severity("intron"));
    CHECK(severity("synonymous") > severity("3_prime_utr"));
    CHECK(severity("start_retained") == severity("synonymous"));
}
