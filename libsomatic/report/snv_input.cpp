#include "libsomatic/report/snv_input.hpp"

#include <htslib/vcf.h>

#include <cmath>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/hts_memory.hpp"
#include "libsomatic/io/vcf_reader.hpp"

namespace somatic::report {

namespace {

bool has_field(bcf_hdr_t* h, int type, const char* id) {
    const int i = bcf_hdr_id2int(h, BCF_DT_ID, id);
    return i >= 0 && bcf_hdr_idinfo_exists(h, type, i);
}

std::string header_description(bcf_hdr_t* h, const char* id) {
    bcf_hrec_t* rec = bcf_hdr_get_hrec(h, BCF_HL_INFO, "ID", id, nullptr);
    if (!rec) return {};
    const int k = bcf_hrec_find_key(rec, "Description");
    return k < 0 ? std::string() : std::string(rec->vals[k]);
}

int sample_index(const std::vector<std::string>& samples, const std::string& name) {
    for (size_t i = 0; i < samples.size(); ++i) {
        if (samples[i] == name) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

const char* variant_kind_name(VariantKind kind) {
    switch (kind) {
        case VariantKind::snv: return "SNV";
        case VariantKind::mnv: return "MNV";
        case VariantKind::indel: return "indel";
        case VariantKind::other: break;
    }
    return "other";
}

VariantKind variant_kind(const std::string& ref, const std::string& alt) {
    auto plain = [](const std::string& a) { return !a.empty() && a.find_first_not_of("ACGTNacgtn") == std::string::npos; };
    if (!plain(ref) || !plain(alt)) return VariantKind::other;
    if (ref.size() == alt.size()) return ref.size() == 1 ? VariantKind::snv : VariantKind::mnv;
    return VariantKind::indel;
}

SnvInput read_snv_vcf(const std::string& path, const std::string& tumour_sample) {
    VcfReader vcf(path);
    bcf_hdr_t* h = vcf.header();
    SnvInput in;
    in.name = vcf.name();
    in.contigs = vcf.contigs();
    for (int i = 0; i < h->nhrec; ++i) {
        const bcf_hrec_t* r = h->hrec[i];
        if (r->type != BCF_HL_GEN || !r->value) continue;
        const std::string key = r->key, value = r->value;
        in.header.push_back(key + "=" + value);
        if (key == "reference") in.reference = value;
        else if (key == "sample_identity") in.sample_identity = value;
        else if (key == "tumour_contamination") in.tumour_contamination = value;
        else if (key == "normal_typical_depth") in.normal_typical_depth = std::atof(value.c_str());
        else if (key == "tumour_only") in.tumour_only = value == "true";
    }
    add_tool_runs(in.header, "--snv", in.tools);
    // No ##reference line: the reference the caller's command line names.
    for (const auto& t : in.tools) {
        if (!in.reference.empty()) break;
        for (const char* flag : {"--reference ", "--reference=", "-f "}) {
            const size_t at = t.command.find(flag);
            if (at == std::string::npos) continue;
            const size_t from = at + std::char_traits<char>::length(flag);
            in.reference = t.command.substr(from, t.command.find(' ', from) - from);
            break;
        }
    }

    const std::vector<std::string> samples = vcf.samples();
    std::string tumour = tumour_sample.empty() ? std::string() : tumour_sample;
    std::string normal;
    for (const auto& line : in.header) {
        if (tumour.empty() && line.starts_with("tumor_sample=")) tumour = line.substr(13);
        if (line.starts_with("normal_sample=")) normal = line.substr(14);
    }
    if (tumour.empty() && !samples.empty()) tumour = samples.back();
    int t = -1, n = -1;
    if (!samples.empty()) {
        t = sample_index(samples, tumour);
        if (t < 0) {
            std::string all;
            for (const auto& s : samples) all += (all.empty() ? "" : ", ") + s;
            throw input_error(in.name, "no sample column '" + tumour + "' (it has " + all + ")", {},
                              "name the tumour column with --sample");
        }
        if (normal.empty() && samples.size() == 2) normal = samples[static_cast<size_t>(1 - t)];
        n = normal.empty() ? -1 : sample_index(samples, normal);
    } else {
        in.gaps.push_back("the VCF has no sample columns: allele fractions and depths are unknown");
    }
    in.tumour = tumour;
    in.normal = n >= 0 ? normal : std::string();

    const bool has_ad = has_field(h, BCF_HL_FMT, "AD"), has_af = has_field(h, BCF_HL_FMT, "AF"),
               has_dp = has_field(h, BCF_HL_FMT, "DP");
    if (!samples.empty() && !has_ad && !has_af) {
        in.gaps.push_back("the VCF has neither FORMAT/AD nor FORMAT/AF: allele fractions are unknown "
                          "(the allele-fraction histogram is empty)");
    }
    if (!samples.empty() && !has_dp && !has_ad) in.gaps.push_back("the VCF has no FORMAT/DP: depths are unknown");
    CsqLayout csq;
    if (has_field(h, BCF_HL_INFO, "BCSQ")) {
        in.annotation = AnnotationSource::bcsq;
    } else if (has_field(h, BCF_HL_INFO, "CSQ")) {
        csq = csq_layout(header_description(h, "CSQ"));
        if (csq.usable()) {
            in.annotation = AnnotationSource::vep_csq;
        } else {
            in.gaps.push_back("INFO/CSQ's header does not say its Format (Consequence, SYMBOL): consequences unknown");
        }
    } else if (has_field(h, BCF_HL_INFO, "ANN")) {
        in.annotation = AnnotationSource::snpeff_ann;
    }
    if (in.annotation == AnnotationSource::none) {
        in.gaps.push_back("the VCF has no consequence annotation (INFO/BCSQ from bcftools csq, CSQ from VEP or ANN "
                          "from SnpEff): genes, consequences and protein changes are unknown");
    }

    BcfRecord rec = make_bcf_record();
    HtsArray<int32_t> ad, dp;
    HtsArray<float> af;
    HtsArray<char> info;
    const size_t ns = samples.size();
    while (vcf.next(rec.get())) {
        bcf1_t* r = rec.get();
        bcf_unpack(r, BCF_UN_ALL);
        if (r->n_allele < 2) continue;  // a reference-only record carries no variant
        Variant v;
        v.chrom = bcf_hdr_id2name(h, r->rid);
        v.pos = r->pos + 1;
        v.ref = r->d.allele[0];
        v.alt = r->d.allele[1];
        v.kind = variant_kind(v.ref, v.alt);
        if (r->d.n_flt == 0) {
            v.filter = ".";
            v.pass = true;  // no FILTER at all: the caller applied none
        } else {
            for (int i = 0; i < r->d.n_flt; ++i) {
                v.filter += (i ? ";" : "") + std::string(bcf_hdr_int2id(h, BCF_DT_ID, r->d.flt[i]));
            }
            v.pass = v.filter == "PASS";
        }
        auto sample_values = [&](int s, double& fraction, int64_t& depth, int64_t* alt_reads) {
            if (s < 0) return;
            const size_t i = static_cast<size_t>(s);
            if (has_dp && bcf_get_format_int32(h, r, "DP", &dp.data, &dp.capacity) == static_cast<int>(ns) &&
                dp.data[i] != bcf_int32_missing) {
                depth = dp.data[i];
            }
            const int nad = has_ad ? bcf_get_format_int32(h, r, "AD", &ad.data, &ad.capacity) : -1;
            const int per = nad > 0 ? nad / static_cast<int>(ns) : 0;
            if (per >= 2 && ad.data[i * per] != bcf_int32_missing && ad.data[i * per + 1] != bcf_int32_missing) {
                int64_t sum = 0;
                for (int k = 0; k < per; ++k) {
                    if (ad.data[i * per + k] != bcf_int32_missing && ad.data[i * per + k] != bcf_int32_vector_end) {
                        sum += ad.data[i * per + k];
                    }
                }
                if (alt_reads) *alt_reads = ad.data[i * per + 1];
                if (depth < 0) depth = sum;
                if (depth > 0) fraction = static_cast<double>(ad.data[i * per + 1]) / static_cast<double>(depth);
            }
            const int naf = has_af ? bcf_get_format_float(h, r, "AF", &af.data, &af.capacity) : -1;
            const int per_af = naf > 0 ? naf / static_cast<int>(ns) : 0;
            if (per_af >= 1 && !bcf_float_is_missing(af.data[i * per_af])) fraction = af.data[i * per_af];
        };
        sample_values(t, v.af, v.depth, &v.alt_reads);
        sample_values(n, v.normal_af, v.normal_depth, nullptr);
        std::vector<Consequence> all;
        if (in.annotation != AnnotationSource::none) {
            const char* key = in.annotation == AnnotationSource::bcsq      ? "BCSQ"
                              : in.annotation == AnnotationSource::vep_csq ? "CSQ"
                                                                           : "ANN";
            const int got = bcf_get_info_string(h, r, key, &info.data, &info.capacity);
            if (got > 0) {
                const std::string_view value(info.data, static_cast<size_t>(got));
                const std::string_view trimmed = value.substr(0, value.find('\0'));
                if (in.annotation == AnnotationSource::bcsq) all = parse_bcsq(trimmed);
                else if (in.annotation == AnnotationSource::vep_csq) all = parse_csq(trimmed, csq);
                else all = parse_ann(trimmed);
            }
        }
        v.annotation = most_severe(all);
        in.variants.push_back(std::move(v));
    }
    return in;
}

}  // namespace somatic::report
