#include "libsomatic/sig/vcf_catalogue.hpp"

#include <htslib/hts.h>
#include <htslib/kstring.h>
#include <htslib/vcf.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "libsomatic/core/bases.hpp"
#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/io/hts_memory.hpp"
#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/dbs78.hpp"
#include "libsomatic/sig/id83.hpp"
#include "libsomatic/sig/input_file.hpp"
#include "libsomatic/sig/option_error.hpp"

namespace somatic::sig {

void CatalogueOptions::validate() const {
    if (!(max_ref_mismatch >= 0 && max_ref_mismatch <= 1)) {
        throw OptionError("max_ref_mismatch", "must be a fraction between 0 and 1");
    }
}

ContextReference::ContextReference(const std::string& path, size_t max_cached_contigs)
    : reference_(path), max_cached_(max_cached_contigs < 1 ? 1 : max_cached_contigs) {}

const std::string* ContextReference::sequence(const std::string& contig) {
    for (auto it = cache_.begin(); it != cache_.end(); ++it) {
        if (it->first == contig) {
            if (it != cache_.begin()) cache_.splice(cache_.begin(), cache_, it);
            return &cache_.front().second;
        }
    }
    const Contig* c = reference_.contigs().find(contig);
    if (!c) return nullptr;
    if (cache_.size() >= max_cached_) cache_.pop_back();
    cache_.emplace_front(contig, reference_.fetch(contig, 0, c->length));
    return &cache_.front().second;
}

std::string vcf_sample_name(const std::vector<std::string>& samples, const std::string& tumour_header,
                            const std::string& preferred, const std::string& path) {
    if (!preferred.empty()) {
        for (const auto& s : samples) {
            if (s == preferred) return s;
        }
    }
    if (!tumour_header.empty()) return tumour_header;
    if (!samples.empty()) return samples.back();
    return file_stem(path);
}

namespace {

// One file's pass over its records; the two readers (VCF text, BCF) feed it
// the same fields.
class Counter {
public:
    Counter(InputFile& in, ContextReference& ref, const CatalogueOptions& opt, bcf_hdr_t* header,
            SampleCatalogue& out)
        : in_(in), ref_(ref), opt_(opt), out_(out) {
        const int mnv_id = bcf_hdr_id2int(header, BCF_DT_ID, "MNV");
        const bool phases_doublets = mnv_id >= 0 && bcf_hdr_idinfo_exists(header, BCF_HL_INFO, mnv_id);
        merge_adjacent_ = opt.adjacent == AdjacentSnvs::merge || (opt.adjacent == AdjacentSnvs::automatic && !phases_doublets);
        const int n = header->n[BCF_DT_CTG];
        for (int i = 0; i < n; ++i) {
            const bcf_hrec_t* hrec = header->id[BCF_DT_CTG][i].val->hrec[0];
            if (!hrec) continue;
            const int k = bcf_hrec_find_key(const_cast<bcf_hrec_t*>(hrec), "length");
            if (k >= 0) header_lengths_.emplace(header->id[BCF_DT_CTG][i].key, std::strtoll(hrec->vals[k], nullptr, 10));
        }
    }

    // `alts` is the ALT column as written ("C", "C,T", "<DEL>", ".").
    // `number` counts the data records from 1, for messages.
    void record(std::string_view chrom, int64_t pos0, std::string_view ref, std::string_view alts, bool pass,
                uint64_t number) {
        ++out_.summary.records;
        if (!pass && !opt_.all_filters) {
            ++out_.summary.filtered;
            return;
        }
        if (chrom != current_name_ || !seq_) {
            flush_run();
            switch_contig(chrom, pos0);
        }
        const int64_t len = static_cast<int64_t>(seq_->size());
        // (Compared as pos0 > len - size: POS may be near INT64_MAX, and the sum would overflow.)
        if (pos0 < 0 || static_cast<int64_t>(ref.size()) > len || pos0 > len - static_cast<int64_t>(ref.size())) {
            throw input_error(in_.name(),
                              "a record lies past the end of contig '" + current_name_ + "' (" + std::to_string(len) +
                                  " bp in " + ref_.path() + ")",
                              locus(chrom, pos0, number),
                              "the VCF was made against another assembly; give the reference the caller used");
        }
        // REF against the reference: the wrong-assembly test.
        bool checked = false, mismatch = false;
        for (size_t i = 0; i < ref.size(); ++i) {
            const char r = static_cast<char>(ref[i] & ~0x20);  // upper case
            if (r == 'N' || base_code(r) == kBaseN) continue;
            checked = true;
            if ((*seq_)[static_cast<size_t>(pos0) + i] != r) mismatch = true;
        }
        if (checked) {
            ++out_.summary.ref_checked;
            if (mismatch) {
                ++out_.summary.ref_mismatch;
                if (first_mismatch_.empty()) first_mismatch_ = locus(chrom, pos0, number);
                return;
            }
        }
        const bool one_alt = alts.find(',') == std::string_view::npos;
        size_t start = 0;
        while (start <= alts.size()) {
            size_t comma = alts.find(',', start);
            if (comma == std::string_view::npos) comma = alts.size();
            allele(pos0, ref, alts.substr(start, comma - start), one_alt);
            start = comma + 1;
        }
    }

    void finish() {
        flush_run();
        const auto& s = out_.summary;
        if (s.ref_checked && static_cast<double>(s.ref_mismatch) > opt_.max_ref_mismatch * static_cast<double>(s.ref_checked)) {
            char pct[32];
            std::snprintf(pct, sizeof pct, "%.2f%%", 100.0 * static_cast<double>(s.ref_mismatch) / static_cast<double>(s.ref_checked));
            char lim[32];
            std::snprintf(lim, sizeof lim, "%g%%", 100.0 * opt_.max_ref_mismatch);
            throw input_error(in_.name(),
                              std::to_string(s.ref_mismatch) + " of " + std::to_string(s.ref_checked) + " records (" + pct +
                                  ", more than " + lim + ") have a REF that disagrees with " + ref_.path() +
                                  "; the first",
                              first_mismatch_,
                              "the VCF was called against another assembly (GRCh37 against GRCh38, for instance): "
                              "give the reference the caller used");
        }
    }

private:
    static std::string locus(std::string_view chrom, int64_t pos0, uint64_t number) {
        if (chrom.empty()) return "record " + std::to_string(number);
        return std::string(chrom) + ":" + std::to_string(pos0 + 1);
    }

    void switch_contig(std::string_view chrom, int64_t pos0) {
        current_name_.assign(chrom);
        seq_ = ref_.sequence(current_name_);
        if (!seq_) {
            std::string hint = ref_.reference().contigs().suggest(current_name_);
            if (hint.empty()) hint = "the VCF and the reference must be of the same assembly and naming";
            throw input_error(in_.name(), "contig '" + current_name_ + "' is not in the reference " + ref_.path(),
                              locus(chrom, pos0, 0), hint);
        }
        auto it = header_lengths_.find(current_name_);
        const int64_t ref_len = static_cast<int64_t>(seq_->size());
        if (it != header_lengths_.end() && it->second > 0 && it->second != ref_len) {
            const std::string a = guess_assembly(current_name_, it->second);
            const std::string b = guess_assembly(current_name_, ref_len);
            std::string hint = "the VCF was made against another assembly";
            if (!a.empty() && !b.empty()) hint += " (" + a + " in the VCF, " + b + " in the reference)";
            hint += "; give the reference the caller used";
            throw input_error(in_.name(),
                              "contig '" + current_name_ + "' is " + std::to_string(it->second) +
                                  " bp in the VCF header but " + std::to_string(ref_len) + " bp in " + ref_.path(),
                              {}, hint);
        }
    }

    void allele(int64_t pos0, std::string_view ref, std::string_view alt, bool one_alt) {
        auto& s = out_.summary;
        if (alt.empty() || alt.front() == '<' || alt == "." || alt == "*" || alt.find_first_of("[]") != std::string_view::npos) {
            ++s.other;  // symbolic, breakend, missing or overlapping-deletion alleles
            return;
        }
        if (alt.size() != ref.size()) {
            indel(pos0, ref, alt);
            return;
        }
        if (ref.size() == 1) {
            const uint8_t r = base_code(ref[0]), a = base_code(alt[0]);
            if (r == kBaseN || a == kBaseN || r == a) {
                ++s.other;
                return;
            }
            // A record with several ALTs is not one sample's doublet half.
            if (one_alt && merge_adjacent_) {
                snv(pos0, base_char(r), base_char(a));
            } else {
                count(pos0, a);
            }
            return;
        }
        // Multi-base substitution: every base must be a base.
        for (size_t i = 0; i < alt.size(); ++i) {
            if (base_code(alt[i]) == kBaseN || base_code(ref[i]) == kBaseN) {
                ++s.other;
                return;
            }
        }
        if (ref == alt) {
            ++s.other;
            return;
        }
        const int dbs = ref.size() == 2 ? dbs78_channel(ref, alt) : -1;
        if (dbs >= 0) {
            ++out_.dbs78[static_cast<size_t>(dbs)];
            ++s.doublets;
        } else {
            ++s.mnv_long;
        }
        if (opt_.mnv == MnvMode::skip) {
            ++s.mnv_skipped;
            return;
        }
        ++s.mnv_split;
        for (size_t i = 0; i < alt.size(); ++i) {
            const uint8_t a = base_code(alt[i]);
            if (a != base_code(ref[i])) count(pos0 + static_cast<int64_t>(i), a);
        }
    }

    void indel(int64_t pos0, std::string_view ref, std::string_view alt) {
        auto& s = out_.summary;
        Indel event;
        bool moved = false;
        switch (normalise_indel(*seq_, pos0, ref, alt, event, moved)) {
            case IndelShape::indel: {
                const int ch = id83_channel(*seq_, event);
                if (ch < 0) {
                    ++s.other;
                    return;
                }
                ++out_.id83[static_cast<size_t>(ch)];
                ++s.indels;
                if (moved) ++s.indels_normalised;
                return;
            }
            case IndelShape::complex: ++s.indels_complex; return;
            default: ++s.other; return;
        }
    }

    // SNVs wait in `run_` until the next one shows whether they stand alone
    // or sit next to another (a doublet, or a longer MNV).
    void snv(int64_t pos0, char ref, char alt) {
        if (!run_.empty() && pos0 != run_.back().pos + 1) flush_run();
        run_.push_back({pos0, ref, alt});
    }

    void flush_run() {
        if (run_.empty()) return;
        auto& s = out_.summary;
        if (run_.size() > 1) {
            s.snvs_merged += run_.size();
            if (run_.size() == 2) {
                // Both bases differ and are A/C/G/T: always a channel.
                const char ref[2]{run_[0].ref, run_[1].ref}, alt[2]{run_[0].alt, run_[1].alt};
                const int dbs = dbs78_channel(std::string_view(ref, 2), std::string_view(alt, 2));
                if (dbs >= 0) {
                    ++out_.dbs78[static_cast<size_t>(dbs)];
                    ++s.doublets;
                    ++s.doublets_merged;
                }
            } else {
                ++s.mnv_long;
            }
            if (opt_.mnv == MnvMode::skip) {
                ++s.mnv_skipped;
                run_.clear();
                return;
            }
            ++s.mnv_split;
        }
        for (const auto& v : run_) count(v.pos, base_code(v.alt));
        run_.clear();
    }

    void count(int64_t pos0, uint8_t alt) {
        auto& s = out_.summary;
        const std::string& seq = *seq_;
        if (pos0 == 0 || pos0 + 1 >= static_cast<int64_t>(seq.size())) {
            ++s.contig_edge;
            return;
        }
        const size_t p = static_cast<size_t>(pos0);
        const int ch = fold_channel(base_code(seq[p - 1]), base_code(seq[p]), alt, base_code(seq[p + 1]));
        if (ch < 0) {
            ++s.n_context;
            return;
        }
        ++out_.counts[static_cast<size_t>(ch)];
        ++s.snvs;
    }

    InputFile& in_;
    ContextReference& ref_;
    const CatalogueOptions& opt_;
    SampleCatalogue& out_;
    std::unordered_map<std::string, int64_t> header_lengths_;
    std::string current_name_;
    const std::string* seq_ = nullptr;
    std::string first_mismatch_;
    struct PendingSnv {
        int64_t pos;
        char ref, alt;
    };
    std::vector<PendingSnv> run_;
    bool merge_adjacent_ = true;
};

struct HeaderGuard {
    bcf_hdr_t* h = nullptr;
    ~HeaderGuard() {
        if (h) bcf_hdr_destroy(h);
    }
};

std::string header_value(bcf_hdr_t* header, const char* key) {
    bcf_hrec_t* h = bcf_hdr_get_hrec(header, BCF_HL_GEN, key, nullptr, nullptr);
    return h && h->value ? std::string(h->value) : std::string();
}

[[noreturn]] void malformed(const InputFile& in, const std::array<std::string_view, 8>& f, size_t k, bool pos_ok,
                            uint64_t n) {
    const std::string where = k >= 2 && pos_ok ? std::string(f[0]) + ":" + std::string(f[1])
                                               : "data line " + std::to_string(n);
    const char* hint = "check the file with 'bcftools view'";
    if (k < 8) {
        throw input_error(in.name(),
                          "malformed VCF record: " + std::to_string(k) + " tab-separated columns, at least 8 expected",
                          where, hint);
    }
    if (!pos_ok) {
        throw input_error(in.name(), "malformed VCF record: POS '" + std::string(f[1]) + "' is not a positive integer",
                          where, hint);
    }
    throw input_error(in.name(), "malformed VCF record: an empty CHROM, REF, ALT or FILTER column", where, hint);
}

// The first 8 columns of a VCF data line, by hand: htslib's full parse of
// INFO and FORMAT would cost several times more than the counting.
void read_text_records(InputFile& in, Counter& counter) {
    kstring_t line{0, 0, nullptr};
    uint64_t n = 0;
    std::array<std::string_view, 8> f;
    try {
        while (true) {
            const int ret = hts_getline(in.hts(), '\n', &line);
            if (ret == -1) break;
            if (ret < -1) throw input_error(in.name(), "cannot read", "data line " + std::to_string(n + 1), "the file may be truncated or corrupt");
            ++n;
            std::string_view s(line.s, line.l);
            if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
            if (s.empty()) continue;
            size_t start = 0, k = 0;
            for (; k < f.size(); ++k) {
                const size_t tab = s.find('\t', start);
                if (tab == std::string_view::npos) {
                    f[k++] = s.substr(start);
                    break;
                }
                f[k] = s.substr(start, tab - start);
                start = tab + 1;
            }
            int64_t pos = 0;
            const bool pos_ok = k >= 2 && !f[1].empty() &&
                                std::from_chars(f[1].data(), f[1].data() + f[1].size(), pos).ptr == f[1].data() + f[1].size() && pos >= 1;
            if (k < 8 || !pos_ok || f[0].empty() || f[3].empty() || f[4].empty() || f[6].empty()) {
                malformed(in, f, k, pos_ok, n);
            }
            counter.record(f[0], pos - 1, f[3], f[4], f[6] == "PASS", n);
        }
    } catch (...) {
        std::free(line.s);
        throw;
    }
    std::free(line.s);
}

void read_bcf_records(InputFile& in, bcf_hdr_t* header, Counter& counter) {
    const BcfRecord owned = make_bcf_record();
    bcf1_t* rec = owned.get();
    const int pass_id = bcf_hdr_id2int(header, BCF_DT_ID, "PASS");
    std::string alts;
    uint64_t n = 0;
    while (true) {
        const int ret = bcf_read(in.hts(), header, rec);
        if (ret == -1) break;
        ++n;
        if (ret < -1 || rec->errcode) {
            throw input_error(in.name(), "malformed BCF record", "record " + std::to_string(n), "check the file with 'bcftools view'");
        }
        bcf_unpack(rec, BCF_UN_STR | BCF_UN_FLT);
        const bool pass = rec->d.n_flt == 1 && rec->d.flt[0] == pass_id;
        alts.clear();
        for (int i = 1; i < rec->n_allele; ++i) {
            if (i > 1) alts += ',';
            alts += rec->d.allele[i];
        }
        if (rec->n_allele < 2) alts.assign(1, '.');
        const char* chrom = bcf_hdr_id2name(header, rec->rid);
        counter.record(chrom, rec->pos, rec->d.allele[0], alts, pass, n);
    }
}

}  // namespace

SampleCatalogue catalogue_from_vcf(InputFile& in, ContextReference& reference, const CatalogueOptions& options,
                                   const std::string& sample_override) {
    if (!in.is_vcf()) {
        throw input_error(in.name(), "is not a VCF or BCF file", {}, "a VCF starts with a ##fileformat=VCFv4.x line");
    }
    HeaderGuard header;
    {
        const auto level = hts_get_log_level();
        hts_set_log_level(HTS_LOG_OFF);
        header.h = bcf_hdr_read(in.hts());
        hts_set_log_level(level);
    }
    if (!header.h) {
        throw input_error(in.name(), "cannot read the VCF header", {}, "it must start with ##fileformat and end with a #CHROM line");
    }
    SampleCatalogue out;
    if (!sample_override.empty()) {
        out.sample = sample_override;
    } else {
        std::vector<std::string> samples;
        for (int i = 0; i < bcf_hdr_nsamples(header.h); ++i) samples.emplace_back(header.h->samples[i]);
        std::string tumour = header_value(header.h, "tumor_sample");
        if (tumour.empty()) tumour = header_value(header.h, "tumour_sample");
        out.sample = vcf_sample_name(samples, tumour, options.sample, in.path());
    }
    Counter counter(in, reference, options, header.h, out);
    if (in.is_bcf()) {
        read_bcf_records(in, header.h, counter);
    } else {
        read_text_records(in, counter);
    }
    counter.finish();
    return out;
}

}  // namespace somatic::sig
