#include "libsomatic/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/bed_reader.hpp"
#include "libsomatic/report/annotation.hpp"
#include "libsomatic/report/methods.hpp"
#include "libsomatic/report/sample_checks_text.hpp"

namespace somatic::report {

namespace {

double median(std::vector<double> v) {
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// The segment a variant falls in, the first in file order when segments
// overlap. A binary search per variant over each contig's segments sorted by
// start: a linear scan cost 1.3 s for 300,000 calls over 5,000 segments.
class SegmentIndex {
public:
    explicit SegmentIndex(const std::vector<CnSegment>& segments) : segments_(segments) {
        for (size_t i = 0; i < segments.size(); ++i) by_contig_[segments[i].chrom].order.push_back(i);
        for (auto& [chrom, c] : by_contig_) {
            std::stable_sort(c.order.begin(), c.order.end(),
                             [&](size_t a, size_t b) { return segments[a].beg < segments[b].beg; });
            int64_t reach = -1;
            for (size_t i : c.order) c.reach.push_back(reach = std::max(reach, segments[i].end));
        }
    }

    const CnSegment* at(const std::string& chrom, int64_t pos0) const {
        const auto it = by_contig_.find(chrom);
        if (it == by_contig_.end()) return nullptr;
        const OnContig& c = it->second;
        // Segments starting at or before pos0, walked back while one of them
        // could still reach past it (one step when none overlap).
        size_t k = static_cast<size_t>(
            std::upper_bound(c.order.begin(), c.order.end(), pos0,
                             [&](int64_t p, size_t i) { return p < segments_[i].beg; }) -
            c.order.begin());
        size_t best = segments_.size();
        while (k > 0 && c.reach[k - 1] > pos0) {
            --k;
            if (segments_[c.order[k]].end > pos0) best = std::min(best, c.order[k]);
        }
        return best < segments_.size() ? &segments_[best] : nullptr;
    }

private:
    struct OnContig {
        std::vector<size_t> order;   // indices into segments_, by start
        std::vector<int64_t> reach;  // the largest end among order[0..k]
    };
    const std::vector<CnSegment>& segments_;
    std::unordered_map<std::string, OnContig> by_contig_;
};

// The contigs the segments name, lengths unknown (0).
ContigDict segment_contigs(const std::vector<CnSegment>& segments) {
    std::vector<Contig> names;
    for (const auto& s : segments) {
        if (std::none_of(names.begin(), names.end(), [&](const Contig& c) { return c.name == s.chrom; })) {
            names.push_back(Contig{s.chrom, 0});
        }
    }
    return ContigDict(std::move(names));
}

// Two inputs that name the tumour differently: an error unless the user
// said they belong together.
void check_sample(Report& r, const std::string& name, const std::string& file, const std::string& option) {
    if (r.tumour.empty() || name.empty() || name == r.tumour) return;
    const std::string what = option + " names the tumour sample '" + name + "', the VCF '" + r.tumour + "'";
    if (!r.inputs.allow_sample_mismatch) {
        throw input_error(file, what, {},
                          "check the inputs are of one patient; --allow-sample-mismatch accepts differing names");
    }
    r.warnings.push_back(what + " (accepted with --allow-sample-mismatch)");
    log::warning(file + ": " + what);
}

void add_variants(Report& r) {
    const SnvInput& snv = *r.snv;
    std::vector<double> tumour_depths, normal_depths;
    double t_alt = 0, t_dp = 0, n_alt = 0, n_dp = 0;
    for (const auto& v : snv.variants) {
        if (!v.pass) continue;
        if (v.depth >= 0) tumour_depths.push_back(static_cast<double>(v.depth));
        if (v.normal_depth >= 0) normal_depths.push_back(static_cast<double>(v.normal_depth));
        if (!std::isnan(v.af) && v.depth > 0 && !std::isnan(v.normal_af) && v.normal_depth > 0) {
            t_alt += v.af * static_cast<double>(v.depth);
            t_dp += static_cast<double>(v.depth);
            n_alt += v.normal_af * static_cast<double>(v.normal_depth);
            n_dp += static_cast<double>(v.normal_depth);
        }
    }
    r.tumour_median_depth = median(tumour_depths);
    r.normal_median_depth = median(normal_depths);
    if (t_dp > 0 && n_dp > 0 && t_alt > 0) r.tumour_in_normal = (n_alt / n_dp) / (t_alt / t_dp);
    r.variant_order = order_variants(snv.variants, r.genes);
    const std::vector<CnSegment> none;
    const SegmentIndex segments(r.cnv ? r.cnv->segments : none);
    for (const auto& v : snv.variants) {
        const CnSegment* s = segments.at(v.chrom, v.pos - 1);
        r.variant_state.push_back(s ? s->state() : "no segment");
    }
}

void add_gene_copy_number(Report& r, const std::vector<Gene>& genes) {
    for (const auto& g : r.genes) {
        GeneCopyNumber cn;
        cn.gene = g;
        const auto it = std::find_if(genes.begin(), genes.end(), [&](const Gene& a) { return a.name == g.gene; });
        if (it == genes.end()) {
            cn.state = "not in the annotation";
            r.gene_copy_number.push_back(cn);
            continue;
        }
        cn.located = true;
        cn.where = it->where;
        const CnSegment* lowest = nullptr;
        for (const auto& s : r.cnv->segments) {
            if (s.chrom != cn.where.contig || s.end <= cn.where.beg || s.beg >= cn.where.end) continue;
            ++cn.segments;
            cn.loh = cn.loh || s.loh;
            if (s.total >= 0 && (!lowest || s.total < lowest->total)) lowest = &s;
        }
        if (lowest) {
            cn.total = lowest->total;
            cn.minor = lowest->minor;
            cn.state = lowest->state();
            if (cn.total == 0) cn.state += " (homozygous deletion)";
            else if (is_amplification(*lowest, r.ploidy)) cn.state += " (amplification)";
        } else {
            cn.state = cn.segments ? "not called" : "no segment covers it";
        }
        if (cn.segments > 1) cn.state += ", spans " + std::to_string(cn.segments) + " segments";
        r.gene_copy_number.push_back(cn);
    }
}

void add_signature_flags(Report& r) {
    for (const auto& e : r.exposures->signatures) {
        const std::string meaning = signature_meaning(e.name);
        if (meaning.empty() || !(e.exposure > 0)) continue;
        SignatureFlag f{e.name, meaning, e.exposure, e.low, e.high, false};
        f.confident = !std::isnan(e.low) && e.low > 0;
        r.signature_flags.push_back(f);
    }
}

}  // namespace

std::string signature_meaning(const std::string& name) {
    if (name == "SBS3") return "homologous-recombination deficiency";
    for (const char* mmr : {"SBS6", "SBS14", "SBS15", "SBS20", "SBS21", "SBS26", "SBS44"}) {
        if (name == mmr) return "mismatch-repair deficiency";
    }
    if (name == "SBS2" || name == "SBS13") return "APOBEC cytidine deaminase activity";
    return {};
}

bool is_amplification(const CnSegment& s, double ploidy) {
    if (s.total < 0) return false;
    const double p = std::isnan(ploidy) ? 2.0 : ploidy;
    return s.total >= 5 && s.total >= 2 * p;
}

Report build_report(const ReportInputs& inputs) {
    Report r;
    r.inputs = inputs;
    if (!inputs.genes_of_interest.empty()) r.genes = read_genes_of_interest(inputs.genes_of_interest);
    if (!inputs.snv.empty()) {
        r.snv = read_snv_vcf(inputs.snv, inputs.sample);
        r.tumour = r.snv->tumour;
        r.normal = r.snv->normal;
        r.tools.insert(r.tools.end(), r.snv->tools.begin(), r.snv->tools.end());
        for (const CheckText& c : {describe_sample_identity(r.snv->sample_identity),
                                   describe_contamination(r.snv->tumour_contamination)}) {
            if (!c.warning.empty()) r.warnings.push_back(c.warning);
        }
    } else {
        r.tumour = inputs.sample;
    }
    if (!inputs.cnv.empty()) {
        r.cnv = read_cnv_segments(inputs.cnv);
        r.tools.insert(r.tools.end(), r.cnv->tools.begin(), r.cnv->tools.end());
        r.purity = r.cnv->purity;
        r.ploidy = r.cnv->ploidy;
        if (r.snv && !r.snv->contigs.empty()) {
            for (const auto& s : r.cnv->segments) {
                const Contig* c = r.snv->contigs.find(s.chrom);
                if (!c || (c->length > 0 && s.end > c->length)) {
                    const std::string hint = "the calls and the copy number must be of one reference build";
                    const std::string suggestion = c ? std::string() : r.snv->contigs.suggest(s.chrom);
                    throw input_error(r.cnv->name, "segment " + s.chrom + ":" + std::to_string(s.beg + 1) + "-" +
                                                       std::to_string(s.end) + " is not on the VCF's reference",
                                      {}, suggestion.empty() ? hint : hint + "; " + suggestion);
                }
            }
        }
    }
    if (!inputs.cnv_summary.empty()) {
        r.summary = read_cnv_summary(inputs.cnv_summary);
        r.purity = r.summary->purity;
        r.ploidy = r.summary->ploidy;
    }
    if (!inputs.signatures.empty()) {
        r.exposures = read_exposures(inputs.signatures, inputs.sample.empty() ? r.tumour : inputs.sample,
                                     inputs.allow_sample_mismatch);
        check_sample(r, r.exposures->sample, r.exposures->name, "--signatures");
        if (r.tumour.empty()) r.tumour = r.exposures->sample;
        add_signature_flags(r);
    }
    if (!inputs.catalogue.empty()) {
        r.catalogue = sig::read_channel_table(inputs.catalogue, "catalogue");
        const auto& cols = r.catalogue->columns;
        const std::string want = r.exposures ? r.exposures->sample : r.tumour;
        if (cols.size() == 1) check_sample(r, cols[0], inputs.catalogue, "--catalogue");
        else if (std::find(cols.begin(), cols.end(), want) == cols.end()) {
            throw input_error(inputs.catalogue, "no column for sample '" + want + "'", {},
                              "give the catalogue of this tumour");
        }
    }
    if (!inputs.msi.empty()) r.msi = read_msi_summary(inputs.msi);

    std::vector<Interval> cds;
    if (!inputs.annotation.empty()) {
        GeneAnnotation a = read_gff3(inputs.annotation);
        if (r.snv) {
            check_same_build(a, r.snv->contigs, r.snv->name);
        } else if (r.cnv) {
            // No VCF to take the build from: the segments' contig names (the
            // calls were checked against the VCF's above when there is one).
            // Without this a 'chr' annotation beside no-'chr' segments
            // leaves every gene "no segment covers it", silently.
            check_same_build(a, segment_contigs(r.cnv->segments), r.cnv->name);
        }
        r.annotation = true;
        cds = std::move(a.cds);
        if (r.cnv) add_gene_copy_number(r, a.genes);
    }
    if (!inputs.callable.empty()) {
        const ContigDict* contigs = r.snv && !r.snv->contigs.empty() ? &r.snv->contigs : nullptr;
        r.callable = merge_intervals(read_bed_intervals(inputs.callable, contigs));
    }
    if (r.snv) {
        add_variants(r);
        if (r.callable) r.tmb = compute_tmb(r.snv->variants, *r.callable, cds, r.annotation);
        if (r.tmb && r.tmb->all.outside > 0) {
            r.warnings.push_back(std::to_string(r.tmb->all.outside) +
                                 " PASS calls lie outside the callable territory and are not in the TMB "
                                 "(are the VCF and the BED of one run?)");
        }
    }
    if (r.cnv) {
        for (const auto& s : r.cnv->segments) {
            if (s.total == 0) r.homozygous_deletions.push_back(s);
            else if (is_amplification(s, r.ploidy)) r.amplifications.push_back(s);
        }
    }
    r.methods = methods_paragraph(r);
    return r;
}

std::string missing_input(const Report& r, const std::string& section) {
    std::vector<std::string> need;
    if (section == "quality") {
        if (!r.snv) need.push_back("--snv");
        if (!r.callable) need.push_back("--callable");
        if (!r.cnv && !r.summary) need.push_back("--cnv-summary");
    } else if (section == "variants" || section == "af_histogram") {
        if (!r.snv) need.push_back("--snv");
        if (section == "af_histogram" && !r.cnv) need.push_back("--cnv");
    } else if (section == "copy_number") {
        if (!r.cnv) need.push_back("--cnv");
    } else if (section == "genes") {
        if (r.genes.empty()) need.push_back("--genes-of-interest");
        if (!r.annotation) need.push_back("--annotation");
        if (!r.cnv) need.push_back("--cnv");
    } else if (section == "tmb") {
        if (!r.snv) need.push_back("--snv");
        if (!r.callable) need.push_back("--callable");
    } else if (section == "coding_tmb") {
        if (!r.snv) need.push_back("--snv");
        if (!r.callable) need.push_back("--callable");
        if (!r.annotation) need.push_back("--annotation");
    } else if (section == "msi") {
        if (!r.msi) need.push_back("--msi");
    } else if (section == "hrd") {
        if (!r.summary) need.push_back("--cnv-summary");
    } else if (section == "signatures") {
        if (!r.exposures) need.push_back("--signatures");
    } else if (section == "spectrum") {
        if (!r.exposures) need.push_back("--signatures");
        if (!r.catalogue) need.push_back("--catalogue");
    }
    std::string out;
    for (size_t i = 0; i < need.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == need.size() ? " and " : ", ") + need[i];
    }
    return out;
}

}  // namespace somatic::report
