#include "libsomatic/cnv/het_sites.hpp"

#include <htslib/vcf.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>

#include "libsomatic/cnv/bin_table.hpp"
#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/hts_memory.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/vcf_reader.hpp"

namespace somatic::cnv {

void HetCriteria::validate() const {
    if (!(min_af >= 0 && max_af <= 1 && min_af <= max_af)) {
        throw usage_error("min_af/max_af must satisfy 0 <= min <= max <= 1");
    }
}

void PileupHetOptions::validate() const {
    criteria.validate();
    if (threads < 1) throw usage_error("threads must be at least 1");
}

bool is_het(uint32_t ref, uint32_t alt, const HetCriteria& c) {
    const uint32_t depth = ref + alt;
    if (depth == 0 || static_cast<int64_t>(depth) < c.min_depth) return false;
    const double af = static_cast<double>(alt) / depth;
    return af >= c.min_af && af <= c.max_af;
}

double HetSite::baf() const {
    const uint32_t d = tumour_ref + tumour_alt;
    return d ? static_cast<double>(tumour_alt) / d : std::nan("");
}

namespace {

struct RecordDeleter {
    void operator()(bcf1_t* r) const { bcf_destroy(r); }
};

bool is_snv(const bcf1_t* r) {
    return r->n_allele == 2 && std::strlen(r->d.allele[0]) == 1 && std::strlen(r->d.allele[1]) == 1 &&
           std::strchr("ACGTacgt", r->d.allele[0][0]) && std::strchr("ACGTacgt", r->d.allele[1][0]);
}

// The VCF's contigs that carry records must be in the reference with the
// same length (where the header gives one).
void check_vcf_contigs(const ContigDict& vcf, const std::vector<std::string>& used, const std::string& vcf_file,
                       const ContigDict& reference, const std::string& reference_file) {
    if (used.empty()) return;
    std::vector<Contig> with_lengths;
    for (const auto& name : used) {
        const Contig* c = vcf.find(name);
        const Contig* r = reference.find(name);
        int64_t length = c ? c->length : 0;
        if (length == 0 && r) length = r->length;  // no length in the header: the name must still match
        with_lengths.push_back(Contig{name, length});
    }
    check_same_assembly(ContigDict(with_lengths), vcf_file, reference, reference_file);
}

}  // namespace

size_t keep_sites_in(HetTable& table, const std::vector<Interval>& regions) {
    // Each contig's regions, sorted by start.
    std::vector<std::vector<std::pair<int64_t, int64_t>>> by_contig(table.contigs.size());
    for (const auto& r : regions) {
        const auto it = std::find(table.contigs.begin(), table.contigs.end(), r.contig);
        if (it != table.contigs.end()) by_contig[static_cast<size_t>(it - table.contigs.begin())].push_back({r.beg, r.end});
    }
    for (auto& v : by_contig) {  // sorted and merged: the last one starting at or before a site is the one
        std::sort(v.begin(), v.end());
        size_t k = 0;
        for (const auto& r : v) {
            if (k > 0 && r.first <= v[k - 1].second) v[k - 1].second = std::max(v[k - 1].second, r.second);
            else v[k++] = r;
        }
        v.resize(k);
    }
    const size_t before = table.sites.size();
    std::erase_if(table.sites, [&](const HetSite& s) {
        const auto& v = by_contig[static_cast<size_t>(s.contig)];
        const auto after = std::upper_bound(v.begin(), v.end(), std::pair<int64_t, int64_t>{s.pos, INT64_MAX});
        return after == v.begin() || s.pos >= std::prev(after)->second;
    });
    return before - table.sites.size();
}

HetTable read_germline_hets(const std::string& path, const HetCriteria& criteria, const ContigDict* reference,
                            const std::string& reference_file) {
    VcfReader vcf(path);
    vcf.set_check_order(true);
    const std::string name = vcf.name();
    const auto samples = vcf.samples();
    if (samples.size() < 2) {
        throw input_error(name, "has " + std::to_string(samples.size()) + " sample(s); a germline-hets VCF needs the tumour and the normal",
                          {}, "give the germline-hets VCF that somatic-snv writes, or known SNP sites to genotype in the BAMs");
    }
    if (bcf_hdr_id2int(vcf.header(), BCF_DT_ID, "AD") < 0) {
        throw input_error(name, "has no FORMAT/AD field", {}, "the allele depths of both samples are needed");
    }
    auto header_value = [&](const char* key) -> std::string {
        bcf_hrec_t* h = bcf_hdr_get_hrec(vcf.header(), BCF_HL_GEN, key, nullptr, nullptr);
        return h && h->value ? std::string(h->value) : std::string();
    };
    auto index_of = [&](const std::string& sample, const char* what) {
        for (size_t i = 0; i < samples.size(); ++i) {
            if (samples[i] == sample) return static_cast<int>(i);
        }
        throw input_error(name, std::string("the header's ") + what + " '" + sample + "' is not one of the samples", {},
                          "fix the ##" + std::string(what) + " line");
    };
    const std::string tumour_name = header_value("tumor_sample");
    const std::string normal_name = header_value("normal_sample");
    const int ti = tumour_name.empty() ? 0 : index_of(tumour_name, "tumor_sample");
    int ni = normal_name.empty() ? (ti == 0 ? 1 : 0) : index_of(normal_name, "normal_sample");
    if (ni == ti) throw input_error(name, "the tumour and normal samples are the same column");
    log::info("baf: tumour sample '" + samples[static_cast<size_t>(ti)] + "', normal sample '" +
              samples[static_cast<size_t>(ni)] + "' in " + name);

    HetTable t;
    const ContigDict header_contigs = vcf.contigs();
    std::unique_ptr<bcf1_t, RecordDeleter> rec(bcf_init());
    HtsArray<int32_t> ad;
    std::vector<std::string> used;
    int last_rid = -1;
    int32_t contig_index = -1;
    size_t records = 0, snvs = 0;
    while (vcf.next(rec.get())) {
        ++records;
        if (rec->rid != last_rid) {
            last_rid = rec->rid;
            t.contigs.emplace_back(bcf_hdr_id2name(vcf.header(), rec->rid));
            used.push_back(t.contigs.back());
            contig_index = static_cast<int32_t>(t.contigs.size() - 1);
        }
        if (!is_snv(rec.get())) continue;
        ++snvs;
        const int got = bcf_get_format_int32(vcf.header(), rec.get(), "AD", &ad.data, &ad.capacity);
        if (got < 0) continue;  // no AD on this record
        const int per_sample = got / static_cast<int>(samples.size());
        if (per_sample < 2) continue;
        auto value = [&](int sample, int allele) {
            const int32_t v = ad.data[sample * per_sample + allele];
            return v == bcf_int32_missing || v == bcf_int32_vector_end || v < 0 ? 0u : static_cast<uint32_t>(v);
        };
        HetSite s;
        s.contig = contig_index;
        s.pos = rec->pos;
        s.tumour_ref = value(ti, 0);
        s.tumour_alt = value(ti, 1);
        s.normal_ref = value(ni, 0);
        s.normal_alt = value(ni, 1);
        if (is_het(s.normal_ref, s.normal_alt, criteria)) t.sites.push_back(s);
    }
    if (reference) check_vcf_contigs(header_contigs, used, name, *reference, reference_file);
    log::info("baf: " + std::to_string(t.sites.size()) + " heterozygous sites of " + std::to_string(snvs) +
              " biallelic SNVs (" + std::to_string(records) + " records) in " + name);
    return t;
}

void format_het_table(const HetTable& t, std::string& out) {
    out += "##somatic-cnv allele counts\n";
    out += "#chrom\tstart\tend\ttumour_ref\ttumour_alt\tnormal_ref\tnormal_alt\tbaf\n";
    char buf[160];
    for (const auto& s : t.sites) {
        out += t.contigs[static_cast<size_t>(s.contig)];
        std::snprintf(buf, sizeof buf, "\t%lld\t%lld\t%u\t%u\t%u\t%u\t", static_cast<long long>(s.pos),
                      static_cast<long long>(s.pos + 1), s.tumour_ref, s.tumour_alt, s.normal_ref, s.normal_alt);
        out += buf;
        out += format_fixed(s.baf(), 4);
        out += '\n';
    }
}

void write_het_table(const HetTable& table, const std::string& path) {
    std::string text;
    format_het_table(table, text);
    write_table(path, text);
}

HetTable read_het_table(const std::string& path) {
    HetTable t;
    OrderCheck order(display_name(path));
    const TableSpec spec{"allele-count table",
                         {"#chrom", "start", "end", "tumour_ref", "tumour_alt", "normal_ref", "normal_alt", "baf"},
                         "somatic-cnv baf", 7};
    read_table(path, spec, nullptr, [&](const std::vector<std::string_view>& f, const TableLocus& at) {
        HetSite s;
        s.pos = parse_integer(f[1], at, "start");
        const int64_t end = parse_integer(f[2], at, "end");
        s.contig = order.add(f[0], s.pos, end, at.line);
        auto count = [&](std::string_view v, const char* col) {
            const int64_t x = parse_integer(v, at, col);
            if (x < 0) throw input_error(at.file, std::string("negative count in column '") + col + "'", at.where());
            return static_cast<uint32_t>(x);
        };
        s.tumour_ref = count(f[3], "tumour_ref");
        s.tumour_alt = count(f[4], "tumour_alt");
        s.normal_ref = count(f[5], "normal_ref");
        s.normal_alt = count(f[6], "normal_alt");
        t.sites.push_back(s);
    });
    t.contigs = order.contigs();
    return t;
}

}  // namespace somatic::cnv
