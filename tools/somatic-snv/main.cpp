// somatic-snv: parse the command line, open and check the inputs, run the
// chunk caller on the region engine, write VCF in order.
#include <cstdio>
#include <map>
#include <memory>

#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/snv/somatic_prior.hpp"
#include "libsomatic/snv/targets.hpp"
#include "libsomatic/snv/vcf_output.hpp"
#include "options.hpp"
#include "somatic_version.h"

using namespace somatic;

namespace {

std::vector<std::string> contigs_of(const std::vector<Interval>& regions) {
    std::vector<std::string> names;
    for (const auto& r : regions) {
        if (names.empty() || names.back() != r.contig) names.push_back(r.contig);
    }
    return names;
}

snv::SampleNames sample_names(const snv_tool::Options& o, AlignmentFile& tumour, AlignmentFile& normal) {
    snv::SampleNames names{o.tumour_name, o.normal_name};
    if (names.tumour.empty()) names.tumour = tumour.sample_name();
    if (names.normal.empty()) names.normal = normal.sample_name();
    if (names.tumour == names.normal) {
        log::warning("tumour and normal are both named '" + names.tumour +
                     "'; writing them as '" + names.tumour + "_TUMOUR' and '" + names.normal + "_NORMAL'");
        names.tumour += "_TUMOUR";
        names.normal += "_NORMAL";
    }
    return names;
}

// Whole contigs of the reference that both BAMs hold with the same length:
// where the prior's genome sample may come from.
std::vector<Interval> shared_contigs(const Reference& reference, AlignmentFile& tumour, AlignmentFile& normal) {
    std::vector<Interval> out;
    for (size_t i = 0; i < reference.contigs().size(); ++i) {
        const Contig& c = reference.contigs()[i];
        const Contig* t = tumour.contigs().find(c.name);
        const Contig* n = normal.contigs().find(c.name);
        if (t && n && t->length == c.length && n->length == c.length) out.push_back({c.name, 0, c.length});
    }
    return out;
}

std::string format_prior(double p) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", p);
    return text;
}

// "C>A/F1R2:0.001,C>A/F2R1:0.001,...": one rate per substitution and side.
std::string format_rates(const snv::ArtefactRates& rates, const char* side1, const char* side2) {
    std::string out;
    for (int t = 0; t < snv::kOneSidedArtefactTypes; ++t) {
        if (t) out += ',';
        out += snv::artefact_type_name(t, side1, side2) + ':' + format_prior(rates.rate[t]);
    }
    return out;
}

VcfFormat format_of(const CommonOptions& c) {
    return c.output_type.empty() ? vcf_format_from_name(c.output) : parse_vcf_format(c.output_type);
}

int run(int argc, char** argv) {
    snv_tool::Options o;
    if (!snv_tool::parse(argc, argv, o)) return 0;
    log::set_verbose(o.common.verbose);

    Reference reference(o.common.reference);
    AlignmentFile tumour(o.inputs.tumour, o.common.reference);
    AlignmentFile normal(o.inputs.normal, o.common.reference);
    const auto targets = snv::read_padded_targets(o.targets, o.target_padding, reference.contigs());
    const auto regions = snv::intersect(resolve_regions(o.common, reference.contigs()), targets, reference.contigs());
    const auto used = contigs_of(regions);
    check_same_assembly(tumour.contigs(), tumour.path(), reference.contigs(), reference.path(), used);
    check_same_assembly(normal.contigs(), normal.path(), reference.contigs(), reference.path(), used);
    const snv::SampleNames names = sample_names(o, tumour, normal);

    // With a genome no larger than the prior's sample, the sample is the
    // genome: its evidence is kept and weighed again under the estimate
    // rather than read a second time (the calls are the same either way).
    std::vector<snv::ChunkEvidence> sample_evidence;
    bool reuse_sample = false;
    {
        // The sample is drawn from the whole genome (the targets), whatever
        // -r says, so that every shard of a scattered run uses the same
        // priors, rates and typical depth.
        const auto whole = shared_contigs(reference, tumour, normal);
        const auto space = snv::intersect(whole, targets, reference.contigs());  // no targets: whole
        const auto sample = snv::model_sample_chunks(whole, targets.empty() ? targets : space);
        reuse_sample = (o.estimate_prior || o.caller.estimate_shared_prior || o.estimate_orientation_rates ||
                        o.estimate_strand_rates) &&
                       targets.empty() && regions == whole && snv::prior_sample_is_everything(whole, sample);
        const auto estimate = snv::estimate_prior_on_sample(o.inputs, o.caller, sample, o.common.threads,
                                                            reuse_sample ? &sample_evidence : nullptr);
        if (o.estimate_prior) {
            o.caller.priors.somatic = estimate.prior;
            log::debug("somatic prior " + format_prior(estimate.prior) + " per site, estimated from " +
                       std::to_string(estimate.candidates) + " candidates in " +
                       std::to_string(estimate.callable_sites) + " callable sites");
        }
        o.caller.priors.shared = estimate.shared_prior;
        o.caller.normal_typical_depth =
            snv::normal_typical_depth(estimate, o.inputs, o.caller, space, o.common.threads);
        if (o.caller.normal_typical_depth == 0) log::warning("the normal has no reads: HighDepth is not applied");
        if (o.estimate_orientation_rates) o.caller.orientation_artefacts = estimate.orientation;
        if (o.estimate_strand_rates) o.caller.strand_artefacts = estimate.strand;
        log::debug("one-sided artefact rates estimated from " + std::to_string(estimate.artefact_candidates) +
                   " candidates");
    }

    const Provenance provenance{"somatic-snv", SOMATIC_VERSION, command_line(argc, argv), !o.common.no_version};
    VcfWriter calls_out(o.common.output, format_of(o.common));
    snv::define_calls_header(calls_out, reference.contigs(), names, o.caller.filters, provenance,
                             {"##somatic_prior=" + format_prior(o.caller.priors.somatic) +
                                  (o.estimate_prior ? ",estimated" : ",given"),
                              "##shared_prior=" + format_prior(o.caller.priors.shared) +
                                  (o.caller.estimate_shared_prior ? ",estimated" : ",given"),
                              "##normal_typical_depth=" + format_prior(o.caller.normal_typical_depth),
                              "##orientation_artefact_rates=" +
                                  format_rates(o.caller.orientation_artefacts, "F1R2", "F2R1") +
                                  (o.estimate_orientation_rates ? ",estimated" : ",given"),
                              "##strand_artefact_rates=" + format_rates(o.caller.strand_artefacts, "fwd", "rev") +
                                  (o.estimate_strand_rates ? ",estimated" : ",given")});
    std::unique_ptr<VcfWriter> hets_out;
    if (o.caller.germline_hets) {
        hets_out = std::make_unique<VcfWriter>(o.germline_hets_output, vcf_format_from_name(o.germline_hets_output));
        snv::define_hets_header(*hets_out, reference.contigs(), names, provenance);
    }
    snv::RecordBuilder calls_builder(calls_out);
    std::unique_ptr<snv::RecordBuilder> hets_builder;
    if (hets_out) hets_builder = std::make_unique<snv::RecordBuilder>(*hets_out);

    std::vector<Interval> chunks;
    std::map<std::pair<std::string, int64_t>, size_t> evidence_of;  // chunk -> its kept evidence
    if (reuse_sample) {
        log::debug("the genome is the prior's sample: its evidence is weighed again, not read twice");
        for (size_t i = 0; i < sample_evidence.size(); ++i) {
            chunks.push_back(sample_evidence[i].chunk);
            evidence_of[{chunks.back().contig, chunks.back().beg}] = i;
        }
    } else {
        chunks = make_chunks(regions, o.chunk_size);
    }
    PerThread<std::unique_ptr<snv::ChunkCaller>> callers;
    uint64_t written = 0, passed = 0;
    size_t done = 0;
    run_in_order<snv::ChunkCalls>(
        chunks, {o.common.threads, 0},
        [&](const Interval& chunk) {
            auto& caller = callers.local();
            if (!caller) caller = std::make_unique<snv::ChunkCaller>(o.inputs, o.caller);
            if (!reuse_sample) return caller->call(chunk);
            // Each chunk's evidence is taken by the one worker that weighs it.
            return caller->weigh(std::move(sample_evidence[evidence_of.at({chunk.contig, chunk.beg})]), o.caller);
        },
        [&](snv::ChunkCalls&& result, const Interval& chunk) {
            for (const auto& c : result.calls) {
                if (o.pass_only && !c.filters.empty()) continue;
                calls_builder.write_call(chunk.contig, c);
                ++written;
                passed += c.filters.empty();
            }
            if (hets_builder) {
                for (const auto& h : result.hets) hets_builder->write_het(chunk.contig, h);
            }
            ++done;
            if (log::verbose() && (done % 100 == 0 || done == chunks.size())) {
                log::debug("processed " + std::to_string(done) + " of " + std::to_string(chunks.size()) +
                           " chunks, up to " + chunk.to_region_string());
            }
        });
    // Both files complete before either takes its final name.
    calls_out.finish();
    if (hets_out) hets_out->finish();
    calls_out.close();
    if (hets_out) hets_out->close();
    log::debug("wrote " + std::to_string(written) + " records, " + std::to_string(passed) + " PASS");
    return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool_main("somatic-snv", argc, argv, run); }
