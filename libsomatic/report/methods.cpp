#include "libsomatic/report/methods.hpp"

#include "libsomatic/report/report.hpp"

namespace somatic::report {

namespace {

std::string version_of(const Report& r, const std::string& tool) {
    for (const auto& t : r.tools) {
        if (t.tool == tool && !t.version.empty()) return tool + " " + t.version;
    }
    return tool;
}

bool ran(const Report& r, const std::string& tool) {
    for (const auto& t : r.tools) {
        if (t.tool == tool) return true;
    }
    return false;
}

}  // namespace

std::string methods_paragraph(const Report& r) {
    std::string m;
    if (r.snv) {
        const bool ours = ran(r, "somatic-snv");
        m += "Somatic small variants were called " +
             std::string(ours ? "by " + version_of(r, "somatic-snv") : "by the caller that wrote the VCF") +
             (r.normal.empty() ? " in the tumour alone" : " in the tumour against its matched normal") +
             "; the report lists the calls that passed every filter and shows the filtered ones apart. ";
        if (r.snv->annotation != AnnotationSource::none) {
            std::string annotator = annotation_source_name(r.snv->annotation);
            // bcftools writes ##bcftools/csqVersion (1.16) or ##bcftools_csqVersion.
            for (const char* csq : {"bcftools/csq", "bcftools_csq"}) {
                if (r.snv->annotation == AnnotationSource::bcsq && ran(r, csq)) {
                    annotator = "bcftools csq " + version_of(r, csq).substr(std::string(csq).size() + 1) + " (BCSQ)";
                }
            }
            m += "Genes, consequences and protein changes are those of " + annotator +
                 "; where several transcripts are affected the most severe consequence is shown. ";
        }
    }
    if (r.tmb) {
        m += "Tumour mutational burden is the number of PASS SNVs, multi-base substitutions and indels in the "
             "callable territory divided by its length in megabases";
        m += r.tmb->coding_computed ? ", and coding TMB the same within the annotation's coding sequence. " : ". ";
    }
    if (r.cnv || r.summary) {
        m += "Copy number, tumour purity and ploidy were estimated by " +
             (ran(r, "somatic-cnv") ? version_of(r, "somatic-cnv") : std::string("somatic-cnv")) +
             (r.summary && r.summary->depth_only
                  ? " from read depth alone (no germline heterozygous site was available for allele fractions)"
                  : " from read depth and the allele fractions of germline heterozygous sites") +
             "; amplifications are "
             "segments with a total copy number of at least twice the ploidy and at least 5, homozygous deletions "
             "segments of copy number 0. ";
    }
    if (r.summary && r.summary->hrd.any()) {
        m += "The homologous-recombination deficiency score (LOH, telomeric allelic imbalance and large-scale "
             "transitions) is somatic-cnv's. ";
    }
    if (r.msi) {
        m += "Microsatellite instability was assessed by somatic-msi over " +
             std::to_string(static_cast<long long>(r.msi->sites_tested)) + " microsatellites. ";
    }
    if (r.exposures) {
        m += "Mutational signature exposures were fitted by somatic-sig fit";
        m += r.exposures->intervals ? " with bootstrap intervals (2.5% and 97.5% percentiles); a signature of "
                                      "therapeutic interest is flagged when its lower bound is above zero. "
                                    : " without a bootstrap, so no signature is flagged with confidence. ";
    }
    m += "This report was written by somatic-report " + r.inputs.version + ".";
    return m;
}

}  // namespace somatic::report
