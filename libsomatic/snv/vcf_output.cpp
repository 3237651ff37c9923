#include "libsomatic/snv/vcf_output.hpp"

#include <htslib/vcf.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>

#include "libsomatic/core/bases.hpp"
#include "libsomatic/snv/mnv_vcf.hpp"

namespace somatic::snv {

namespace {

void define_common(VcfWriter& w, const ContigDict& contigs, const SampleNames& names, const Provenance& provenance) {
    w.add_provenance(provenance);
    w.add_contigs(contigs);
    if (!names.normal.empty()) w.add_line("##normal_sample=" + names.normal);
    w.add_line("##tumor_sample=" + names.tumour);
    w.add_line("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">");
    w.add_line("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Fragments with a base of quality at least the "
               "minimum here (overlapping mates counted once)\">");
    w.add_line("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Fragments supporting each allele\">");
}

}  // namespace

void define_calls_header(VcfWriter& w, const ContigDict& contigs, const SampleNames& names,
                         const FilterThresholds& thresholds, const Provenance& provenance,
                         const std::vector<std::string>& model_lines, bool indels) {
    const bool tumour_only = names.normal.empty();
    if (tumour_only) w.add_line("##tumour_only=true");
    for (const auto& line : model_lines) w.add_line(line);
    for (const auto& f : filter_definitions(thresholds, tumour_only)) {
        w.add_line(std::string("##FILTER=<ID=") + f.id + ",Description=\"" + f.description + "\">");
    }
    if (indels) {
        for (const auto& f : indel_filter_definitions(thresholds)) {
            w.add_line(std::string("##FILTER=<ID=") + f.id + ",Description=\"" + f.description + "\">");
        }
    }
    w.add_line("##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description=\"Somatic SNV candidate\">");
    if (indels) {
        w.add_line("##INFO=<ID=INDEL,Number=0,Type=Flag,Description=\"An insertion or deletion; its AD counts the "
                   "fragments whose haplotype likelihood ratio favours each allele by at least 10, DP their sum\">");
        w.add_line("##INFO=<ID=RU,Number=1,Type=String,Description=\"Repeat unit of the inserted or deleted "
                   "sequence\">");
        w.add_line("##INFO=<ID=RC,Number=1,Type=Integer,Description=\"Copies of RU in the reference after the "
                   "padding base\">");
        w.add_line("##INFO=<ID=IC,Number=1,Type=Integer,Description=\"Copies of RU in the alternative allele "
                   "there\">");
        w.add_line("##INFO=<ID=IER,Number=1,Type=Float,Description=\"Indel error rate of the repeat context per "
                   "fragment (##indel_error_rates), the model's noise\">");
    }
    if (tumour_only) {
        w.add_line("##INFO=<ID=QSS,Number=1,Type=Integer,Description=\"Somatic quality: Phred-scaled probability "
                   "that the site is sequencing error rather than a somatic SNV (tumour-only mode: the germline "
                   "alternative is INFO/PGERM's)\">");
    } else {
        w.add_line("##INFO=<ID=QSS,Number=1,Type=Integer,Description=\"Somatic quality: Phred-scaled probability "
                   "that the site is not a somatic SNV\">");
    }
    w.add_line("##INFO=<ID=GERMQ,Number=1,Type=Integer,Description=\"Phred-scaled probability that the site is not "
               "a germline variant\">");
    w.add_line("##INFO=<ID=SBQ,Number=1,Type=Integer,Description=\"Strand bias: Phred-scaled Fisher p-value of the "
               "tumour's alt against ref strands\">");
    w.add_line("##INFO=<ID=OBQ,Number=1,Type=Integer,Description=\"Orientation bias: Phred-scaled Fisher p-value of "
               "the tumour's alt against ref F1R2/F2R1 counts\">");
    w.add_line("##INFO=<ID=OAP,Number=1,Type=Float,Description=\"Posterior probability that the site is a "
               "one-orientation artefact (all alt reads F1R2 or all F2R1), given the rate of such artefacts of its "
               "substitution in ##orientation_artefact_rates\">");
    w.add_line("##INFO=<ID=SAP,Number=1,Type=Float,Description=\"Posterior probability that the site is a "
               "one-strand artefact (all alt reads forward or all reverse), given the rate of such artefacts of its "
               "substitution in ##strand_artefact_rates\">");
    if (tumour_only) {
        w.add_line("##INFO=<ID=PGERM,Number=1,Type=Float,Description=\"Posterior probability that the site is a "
                   "germline variant, from the tumour's allele fraction and the germline resource's population "
                   "allele frequency (tumour-only mode)\">");
    } else {
        w.add_line("##INFO=<ID=NALTQ,Number=1,Type=Integer,Description=\"Normal alt excess: Phred-scaled probability "
                   "of at least the normal's alt count if the normal held --max-normal-alt-ratio x the tumour's alt "
                   "fraction\">");
    }
    w.add_line("##INFO=<ID=MQALT,Number=1,Type=Float,Description=\"Median mapping quality of the tumour's alt "
               "reads\">");
    w.add_line("##INFO=<ID=ENDQ,Number=1,Type=Integer,Description=\"Read-end bias: Phred-scaled Fisher p-value of "
               "the tumour's alt against ref reads within --min-end-distance of a read end\">");
    w.add_line("##INFO=<ID=ENDDIST,Number=1,Type=Float,Description=\"Median distance of the tumour's alt bases to "
               "the nearer end of their read's alignment\">");
    w.add_line("##INFO=<ID=NEARBY,Number=1,Type=Integer,Description=\"Other candidate events within the cluster "
               "window\">");
    w.add_line("##INFO=<ID=POPAF,Number=1,Type=Float,Description=\"Allele frequency in the germline resource\">");
    w.add_line("##INFO=<ID=FORCED,Number=0,Type=Flag,Description=\"Reported because it is in --force-sites\">");
    for (const auto& line : mnv_header_lines()) w.add_line(line);
    define_common(w, contigs, names, provenance);
    w.add_line("##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Alt allele fraction: AD alt / DP\">");
    w.add_line("##FORMAT=<ID=SB,Number=4,Type=Integer,Description=\"Ref forward, ref reverse, alt forward, alt "
               "reverse fragment counts\">");
    w.add_line("##FORMAT=<ID=F1R2,Number=R,Type=Integer,Description=\"Fragments in F1R2 orientation (read 1 forward "
               "or read 2 reverse) per allele\">");
    w.add_line("##FORMAT=<ID=F2R1,Number=R,Type=Integer,Description=\"Fragments in F2R1 orientation per allele\">");
    if (!tumour_only) w.add_sample(names.normal);
    w.add_sample(names.tumour);
    w.write_header();
}

void define_hets_header(VcfWriter& w, const ContigDict& contigs, const SampleNames& names,
                        const Provenance& provenance) {
    w.add_line("##INFO=<ID=GERMLINE_HET,Number=0,Type=Flag,Description=\"Heterozygous in the normal\">");
    define_common(w, contigs, names, provenance);
    w.add_sample(names.normal);
    w.add_sample(names.tumour);
    w.write_header();
}

RecordBuilder::RecordBuilder(VcfWriter& writer) : writer_(writer), record_(bcf_init()) {}
RecordBuilder::~RecordBuilder() { bcf_destroy(record_); }

void RecordBuilder::start(const std::string& contig, int64_t pos, uint8_t ref, uint8_t alt) {
    bcf_hdr_t* h = writer_.header();
    bcf_clear(record_);
    record_->rid = bcf_hdr_name2id(h, contig.c_str());
    record_->pos = pos;  // 0-based inside htslib as in the library; POS+1 is written
    const char alleles[4] = {base_char(ref), ',', base_char(alt), '\0'};
    bcf_update_alleles_str(h, record_, alleles);
}

namespace {
int32_t rounded(double x) { return static_cast<int32_t>(std::lround(x)); }
// Three significant digits: the same bytes at any thread count.
std::string format_rate(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", x);
    return text;
}
}  // namespace

void RecordBuilder::start(const std::string& contig, int64_t pos, const std::string& ref, const std::string& alt) {
    bcf_hdr_t* h = writer_.header();
    bcf_clear(record_);
    record_->rid = bcf_hdr_name2id(h, contig.c_str());
    record_->pos = pos;
    const std::string alleles = ref + ',' + alt;
    bcf_update_alleles_str(h, record_, alleles.c_str());
}

void RecordBuilder::write_call(const std::string& contig, const SnvCall& c) {
    start(contig, c.pos, c.ref, c.alt);
    fill(c);
    writer_.write(record_);
}

void RecordBuilder::write_indel(const std::string& contig, const IndelCall& c) {
    bcf_hdr_t* h = writer_.header();
    start(contig, c.allele.pos, c.allele.ref, c.allele.alt);
    fill(c);
    bcf_update_info_flag(h, record_, "INDEL", nullptr, 1);
    bcf_update_info_string(h, record_, "RU", c.repeat.unit.c_str());
    int32_t v = c.repeat.ref_count;
    bcf_update_info_int32(h, record_, "RC", &v, 1);
    v = c.repeat.alt_count;
    bcf_update_info_int32(h, record_, "IC", &v, 1);
    const float ier = std::stof(format_rate(c.noise));
    bcf_update_info_float(h, record_, "IER", &ier, 1);
    writer_.write(record_);
}

template <class Call>
void RecordBuilder::fill(const Call& c) {
    bcf_hdr_t* h = writer_.header();
    record_->qual = static_cast<float>(rounded(c.posterior.qss));
    if (c.filters.empty()) {
        int pass = bcf_hdr_id2int(h, BCF_DT_ID, "PASS");
        bcf_update_filter(h, record_, &pass, 1);
    } else {
        std::vector<int> ids;
        for (const char* f : c.filters) ids.push_back(bcf_hdr_id2int(h, BCF_DT_ID, f));
        bcf_update_filter(h, record_, ids.data(), static_cast<int>(ids.size()));
    }
    bcf_update_info_flag(h, record_, "SOMATIC", nullptr, 1);
    int32_t v = rounded(c.posterior.qss);
    bcf_update_info_int32(h, record_, "QSS", &v, 1);
    v = rounded(c.posterior.germline_phred);
    bcf_update_info_int32(h, record_, "GERMQ", &v, 1);
    v = rounded(c.audit.strand_bias_phred);
    bcf_update_info_int32(h, record_, "SBQ", &v, 1);
    v = rounded(c.audit.orientation_bias_phred);
    bcf_update_info_int32(h, record_, "OBQ", &v, 1);
    // Four decimals: enough to audit the 0.5 cut, and the same bytes at any
    // thread count.
    float p = static_cast<float>(std::round(c.audit.orientation_artefact_probability * 1e4) / 1e4);
    bcf_update_info_float(h, record_, "OAP", &p, 1);
    p = static_cast<float>(std::round(c.audit.strand_artefact_probability * 1e4) / 1e4);
    bcf_update_info_float(h, record_, "SAP", &p, 1);
    v = rounded(c.audit.read_end_bias_phred);
    bcf_update_info_int32(h, record_, "ENDQ", &v, 1);
    // The tumour is the only sample in tumour-only mode.
    const bool tumour_only = bcf_hdr_nsamples(h) == 1;
    if (tumour_only) {
        p = static_cast<float>(std::round(c.posterior.germline_probability * 1e4) / 1e4);
        bcf_update_info_float(h, record_, "PGERM", &p, 1);
    } else {
        v = rounded(c.audit.normal_alt_phred);
        bcf_update_info_int32(h, record_, "NALTQ", &v, 1);
    }
    if (c.tumour.alt > 0) {
        float f = static_cast<float>(c.tumour.alt_median_mapq);
        bcf_update_info_float(h, record_, "MQALT", &f, 1);
        f = static_cast<float>(c.tumour.alt_median_end_distance);
        bcf_update_info_float(h, record_, "ENDDIST", &f, 1);
    }
    v = c.context.nearby_events;
    bcf_update_info_int32(h, record_, "NEARBY", &v, 1);
    if (c.context.population_af >= 0) {
        float f = static_cast<float>(c.context.population_af);
        bcf_update_info_float(h, record_, "POPAF", &f, 1);
    }
    if (c.forced) bcf_update_info_flag(h, record_, "FORCED", nullptr, 1);
    if constexpr (std::is_same_v<Call, SnvCall>) add_mnv_fields(h, record_, c);  // an MNV's alleles and INFO

    // FORMAT, normal then tumour (the tumour alone in tumour-only mode).
    const SampleSiteStats* all[2] = {&c.normal, &c.tumour};
    const SampleSiteStats* const* s = tumour_only ? all + 1 : all;
    const int n = tumour_only ? 1 : 2;
    int32_t gt[4] = {bcf_gt_unphased(0), bcf_gt_unphased(0), bcf_gt_unphased(0),
                     bcf_gt_unphased(c.tumour.alt > 0 ? 1 : 0)};
    bcf_update_genotypes(h, record_, tumour_only ? gt + 2 : gt, 2 * n);
    int32_t dp[2], ad[4], sb[8], f1r2[4], f2r1[4];
    float af[2];
    for (int i = 0; i < n; ++i) {
        dp[i] = static_cast<int32_t>(s[i]->depth);
        ad[2 * i] = static_cast<int32_t>(s[i]->ref);
        ad[2 * i + 1] = static_cast<int32_t>(s[i]->alt);
        af[i] = s[i]->depth ? static_cast<float>(s[i]->alt_fraction()) : 0.0f;
        sb[4 * i] = static_cast<int32_t>(s[i]->ref_forward);
        sb[4 * i + 1] = static_cast<int32_t>(s[i]->ref_reverse);
        sb[4 * i + 2] = static_cast<int32_t>(s[i]->alt_forward);
        sb[4 * i + 3] = static_cast<int32_t>(s[i]->alt_reverse);
        f1r2[2 * i] = static_cast<int32_t>(s[i]->ref_f1r2);
        f1r2[2 * i + 1] = static_cast<int32_t>(s[i]->alt_f1r2);
        f2r1[2 * i] = static_cast<int32_t>(s[i]->ref_f2r1);
        f2r1[2 * i + 1] = static_cast<int32_t>(s[i]->alt_f2r1);
    }
    bcf_update_format_int32(h, record_, "DP", dp, n);
    bcf_update_format_int32(h, record_, "AD", ad, 2 * n);
    bcf_update_format_float(h, record_, "AF", af, n);
    bcf_update_format_int32(h, record_, "SB", sb, 4 * n);
    bcf_update_format_int32(h, record_, "F1R2", f1r2, 2 * n);
    bcf_update_format_int32(h, record_, "F2R1", f2r1, 2 * n);
}

void RecordBuilder::write_het(const std::string& contig, const GermlineHet& het) {
    bcf_hdr_t* h = writer_.header();
    start(contig, het.pos, het.ref, het.alt);
    bcf_update_info_flag(h, record_, "GERMLINE_HET", nullptr, 1);
    int32_t gt[4] = {bcf_gt_unphased(0), bcf_gt_unphased(1), bcf_gt_missing, bcf_gt_missing};
    bcf_update_genotypes(h, record_, gt, 4);
    int32_t dp[2] = {static_cast<int32_t>(het.normal_ref + het.normal_alt),
                     static_cast<int32_t>(het.tumour_ref + het.tumour_alt)};
    int32_t ad[4] = {static_cast<int32_t>(het.normal_ref), static_cast<int32_t>(het.normal_alt),
                     static_cast<int32_t>(het.tumour_ref), static_cast<int32_t>(het.tumour_alt)};
    bcf_update_format_int32(h, record_, "DP", dp, 2);
    bcf_update_format_int32(h, record_, "AD", ad, 4);
    writer_.write(record_);
}

}  // namespace somatic::snv
