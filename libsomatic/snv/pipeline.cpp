#include "libsomatic/snv/pipeline.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <optional>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "libsomatic/io/vcf_reader.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/snv/callable_bed.hpp"
#include "libsomatic/snv/sample_checks.hpp"
#include "libsomatic/snv/somatic_prior.hpp"
#include "libsomatic/snv/vcf_output.hpp"

namespace somatic::snv {

void PipelineOptions::validate() const {
    if (inputs.tumour.empty()) throw usage_error("inputs.tumour is required");
    // Without a normal, only the population's allele frequencies tell a
    // germline variant from a somatic one.
    if (inputs.normal.empty() && inputs.germline_resource.empty()) {
        throw usage_error("inputs.germline_resource is required without inputs.normal (tumour-only calling weighs "
                          "each site's population allele frequency to tell germline variants from somatic ones)");
    }
    if (inputs.normal.empty() && !germline_hets_output.empty()) {
        throw usage_error("germline_hets_output needs inputs.normal (the hets are the normal's)");
    }
    if (inputs.reference.empty()) throw usage_error("inputs.reference is required");
    if (chunk_size < 1000) throw usage_error("chunk_size must be at least 1000");
    if (target_padding < 0) throw usage_error("target_padding must be at least 0");
    caller.validate();
}

namespace {

std::vector<std::string> contigs_of(const std::vector<Interval>& regions) {
    std::vector<std::string> names;
    for (const auto& r : regions) {
        if (names.empty() || names.back() != r.contig) names.push_back(r.contig);
    }
    return names;
}

// A sites VCF (forced sites, population allele frequencies, a panel of
// normals) named the other 'chr' way matches none of the calls and would be
// ignored without a word: in tumour-only mode every germline variant would
// then pass. Files without ##contig lines cannot be checked here.
void check_sites_naming(const std::string& path, const std::string& reference_path,
                        const std::vector<std::string>& used) {
    if (path.empty()) return;
    const ContigDict sites = VcfReader(path, true).contigs();
    if (sites.empty()) return;
    const std::string* toggled = nullptr;
    for (const auto& name : used) {
        if (sites.find(name)) return;
        if (!toggled && !sites.suggest(name).empty()) toggled = &name;
    }
    if (!toggled) return;
    const std::string other = toggled->starts_with("chr") ? toggled->substr(3) : "chr" + *toggled;
    throw input_error(path,
                      "contig names differ from the reference " + reference_path + " by a 'chr' prefix ('" + other +
                          "' here, '" + *toggled + "' there)",
                      {}, "use a file with the same contig naming as the reference");
}

// No normal (tumour-only mode): no normal name.
SampleNames sample_names(const PipelineOptions& o, const AlignmentFile& tumour, const AlignmentFile* normal) {
    SampleNames names{o.tumour_name, normal ? o.normal_name : ""};
    if (names.tumour.empty()) names.tumour = tumour.sample_name();
    if (!normal) return names;
    if (names.normal.empty()) names.normal = normal->sample_name();
    if (names.tumour == names.normal) {
        log::warning("tumour and normal are both named '" + names.tumour +
                     "'; writing them as '" + names.tumour + "_TUMOUR' and '" + names.normal + "_NORMAL'");
        names.tumour += "_TUMOUR";
        names.normal += "_NORMAL";
    }
    return names;
}

// Whole primary contigs of the reference that both BAMs hold with the same
// length: where the genome sample may come from. A genome made only of
// secondary contigs (a test reference, an odd build) samples those.
// With targets, the sample space is the targets' parts of those contigs
// (the targets on secondary contigs if none is on a primary one).
struct SampleSpace {
    std::vector<Interval> contigs;  // whole contigs, the space without targets
    std::vector<Interval> space;    // what the sample is drawn from: `contigs`, or the targets on them
};
SampleSpace sample_space(const Reference& reference, const AlignmentFile& tumour, const AlignmentFile* normal,
                         const std::vector<Interval>& targets) {
    std::vector<Interval> primary, all;
    for (const Contig& c : reference.contigs().contigs()) {
        const Contig* t = tumour.contigs().find(c.name);
        const Contig* n = normal ? normal->contigs().find(c.name) : t;
        if (!(t && n && t->length == c.length && n->length == c.length)) continue;
        all.push_back({c.name, 0, c.length});
        if (!is_secondary_contig(c.name)) primary.push_back(all.back());
    }
    if (targets.empty()) {
        auto& whole = primary.empty() ? all : primary;
        return {whole, whole};
    }
    auto on_primary = intersect(primary, targets, reference.contigs());
    if (!on_primary.empty()) return {std::move(primary), std::move(on_primary)};
    auto on_any = intersect(all, targets, reference.contigs());
    return {std::move(all), std::move(on_any)};
}

// "a, b, c and 4 more": a few names of a long list, for a log line.
std::string some_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 3) out += " and " + std::to_string(names.size() - 3) + " more";
    return out;
}

// The contigs a run without regions calls: the reference's, less the
// secondary ones unless asked for, less those that an alignment file's
// header lacks (a reference with decoys for data aligned without them). Each
// left-out group is said once on the log; -r naming such a contig is still
// checked, and refused, by check_same_assembly.
ContigDict default_calling_contigs(const PipelineOptions& o, const Reference& reference,
                                   const AlignmentFile& tumour, const AlignmentFile* normal) {
    std::vector<Contig> kept;
    std::vector<std::string> secondary, absent;
    for (const Contig& c : reference.contigs().contigs()) {
        if (!tumour.contigs().find(c.name) || (normal && !normal->contigs().find(c.name))) {
            absent.push_back(c.name);
        } else if (!o.include_secondary_contigs && is_secondary_contig(c.name)) {
            secondary.push_back(c.name);
        } else {
            kept.push_back(c);
        }
    }
    if (kept.empty() && !absent.empty()) {
        // Nothing in common: check_same_assembly then says why (a "chr"
        // prefix on one side, another assembly) rather than a bare list.
        return reference.contigs();
    }
    if (kept.empty()) {  // a genome made only of secondary contigs
        for (const Contig& c : reference.contigs().contigs()) kept.push_back(c);
        secondary.clear();
    }
    if (!secondary.empty()) {
        log::info("not calling " + std::to_string(secondary.size()) +
                  " alternate, decoy, HLA or unplaced contigs (" + some_names(secondary) +
                  "); --include-alt-contigs calls them");
    }
    if (!absent.empty()) {
        const std::string holders = normal ? tumour.path() + " or " + normal->path() : tumour.path();
        log::warning("not calling " + std::to_string(absent.size()) + " contigs of " + reference.path() + " that " +
                     holders + " lacks in its header: " + some_names(absent));
    }
    return ContigDict(std::move(kept));
}

// Below this share of the sampled genome with normal reads, the data look
// targeted: a 30x genome covers over 99% of its non-N sequence, an exome
// (60 Mb of 3.1 Gb, with off-target reads) a few per cent.
constexpr double kTargetedCoveredFraction = 0.5;

std::string format_percent(double fraction) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2g%%", 100 * fraction);
    return text;
}

std::string format_prior(double p) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", p);
    return text;
}

// "C>A/F1R2:0.001,C>A/F2R1:0.001,...": one rate per substitution and side.
std::string format_rates(const ArtefactRates& rates, const char* side1, const char* side2) {
    std::string out;
    for (int t = 0; t < kOneSidedArtefactTypes; ++t) {
        if (t) out += ',';
        out += artefact_type_name(t, side1, side2) + ':' + format_prior(rates.rate[t]);
    }
    return out;
}

// The genome sample's estimates into o.caller: the normal's typical depth
// always (HighDepth's yardstick), the priors and the artefact rates unless
// given. With a genome no larger than the sample, when something is
// estimated, the sample is the genome: its evidence is kept in `kept` to be
// weighed again under the estimate rather than read a second time (the calls
// are the same either way); returns whether it was.
bool estimate_on_sample(PipelineOptions& o, const Reference& reference, const AlignmentFile& tumour,
                        const AlignmentFile* normal, const std::vector<Interval>& regions,
                        const std::vector<Interval>& targets, std::vector<ChunkEvidence>& kept,
                        SampleChecks& checks) {
    // The sample is drawn from the whole genome (the targets), whatever -r
    // says, so that every shard of a scattered run uses the same priors,
    // rates and typical depth.
    const auto [whole, space] = sample_space(reference, tumour, normal, targets);
    const auto sample = targets.empty() ? prior_sample_chunks(whole) : model_sample_chunks(whole, space);
    const bool estimating = o.estimate_prior || o.caller.estimate_shared_prior || o.estimate_orientation_rates ||
                            o.estimate_strand_rates;
    const bool reuse_sample =
        estimating && targets.empty() && regions == whole && prior_sample_is_everything(whole, sample);
    auto estimate =
        estimate_prior_on_sample(o.inputs, o.caller, sample, o.threads, reuse_sample ? &kept : nullptr);
    if (o.estimate_prior) {
        o.caller.priors.somatic = estimate.prior;
        log::debug("somatic prior " + format_prior(estimate.prior) + " per site, estimated from " +
                   std::to_string(estimate.candidates) + " candidates in " +
                   std::to_string(estimate.callable_sites) + " callable sites");
    }
    o.caller.priors.shared = estimate.shared_prior;
    o.caller.normal_typical_depth = normal_typical_depth(estimate, o.inputs, o.caller, space, o.threads);
    const char* depth_sample = o.caller.tumour_only ? "tumour" : "normal";
    if (o.caller.normal_typical_depth == 0) {
        log::warning(std::string("the ") + depth_sample + " has no reads: HighDepth is not applied");
    }
    // An exome or a panel called as a genome still gets calls right where
    // it has reads (the typical depth is where the reads are), but calls the
    // off-target reads too and judges depth panel-wide: say what to do.
    const double covered = estimate.normal_depth.covered_fraction();
    if (targets.empty() && covered > 0 && covered < kTargetedCoveredFraction) {
        log::warning(std::string("the ") + depth_sample + "'s reads cover " + format_percent(covered) +
                     " of the genome sampled: for an exome or a panel give --targets");
    }
    if (o.caller.call_indels) o.caller.indel_errors = IndelErrorRates::estimate(estimate.indel_errors);
    if (o.estimate_orientation_rates) o.caller.orientation_artefacts = estimate.orientation;
    if (o.estimate_strand_rates) o.caller.strand_artefacts = estimate.strand;
    // The identity and contamination checks compare the tumour with the
    // normal: nothing to check without one.
    if (!o.caller.tumour_only) {
        checks = check_samples(estimate.genotype_sites, o.inputs.tumour, o.inputs.normal, o.allow_sample_mismatch);
    }
    log::debug("one-sided artefact rates estimated from " + std::to_string(estimate.artefact_candidates) +
               " candidates");
    return reuse_sample;
}

// The ##sample_identity, ##tumour_contamination, ##somatic_prior,
// ##shared_prior, ##normal_typical_depth and ##..._artefact_rates lines: the
// values used and whether they were estimated or given (in tumour-only mode
// ##tumour_typical_depth and ##population_af_absent instead of the ones a
// normal needs).
std::vector<std::string> model_lines(const PipelineOptions& o, const SampleChecks& checks) {
    const bool tumour_only = o.caller.tumour_only;
    std::vector<std::string> lines;
    // The identity and contamination checks and the shared prior need a
    // normal; without one the typical depth is the tumour's.
    if (!tumour_only) lines = {identity_line(checks.identity), contamination_line(checks.contamination)};
    lines.push_back("##somatic_prior=" + format_prior(o.caller.priors.somatic) +
                    (o.estimate_prior ? ",estimated" : ",given"));
    if (tumour_only) {
        lines.push_back("##tumour_typical_depth=" + format_prior(o.caller.normal_typical_depth));
        lines.push_back("##population_af_absent=" + format_prior(o.caller.priors.population_af_absent));
    } else {
        lines.push_back("##shared_prior=" + format_prior(o.caller.priors.shared) +
                        (o.caller.estimate_shared_prior ? ",estimated" : ",given"));
        lines.push_back("##normal_typical_depth=" + format_prior(o.caller.normal_typical_depth));
    }
    lines.push_back("##orientation_artefact_rates=" + format_rates(o.caller.orientation_artefacts, "F1R2", "F2R1") +
                    (o.estimate_orientation_rates ? ",estimated" : ",given"));
    lines.push_back("##strand_artefact_rates=" + format_rates(o.caller.strand_artefacts, "fwd", "rev") +
                    (o.estimate_strand_rates ? ",estimated" : ",given"));
    if (o.caller.call_indels) {
        const auto& e = o.caller.indel_errors;
        lines.push_back("##indel_error_rates=" + e.header_value() +
                        (e.estimated ? ",estimated from " + std::to_string(e.tracts) + " repeat tracts" : ",default"));
    }
    return lines;
}

}  // namespace

PipelineSummary run_pipeline(PipelineOptions o) {
    Reference reference(o.inputs.reference);
    AlignmentFile tumour(o.inputs.tumour, o.inputs.reference);
    std::optional<AlignmentFile> normal_file;
    if (!o.inputs.normal.empty()) normal_file.emplace(o.inputs.normal, o.inputs.reference);
    const AlignmentFile* normal = normal_file ? &*normal_file : nullptr;
    // Tumour-only mode: no shared hypothesis to estimate a prior for.
    o.caller.tumour_only = !normal;
    if (o.caller.tumour_only) o.caller.estimate_shared_prior = false;

    // With targets, the regions (-r, or the contigs a whole-genome run
    // calls) are cut to the padded targets.
    const auto targets = read_padded_targets(o.targets, o.target_padding, reference.contigs());
    const auto resolved =
        o.regions.empty() ? whole_genome(default_calling_contigs(o, reference, tumour, normal)) : o.regions;
    const auto regions = intersect(resolved, targets, reference.contigs());
    // Each chunk is then one padded target (or a piece of a long one), and
    // HighDepth compares a site with its own target's depth.
    o.caller.typical_depth_per_chunk = !targets.empty();
    o.caller.callable_runs = !o.callable_output.empty();
    if (!targets.empty() && regions.empty()) {
        log::warning("no target of " + o.targets + " lies in the regions called: no calls");
    }
    const auto used = contigs_of(regions);
    check_same_assembly(tumour.contigs(), tumour.path(), reference.contigs(), reference.path(), used);
    if (normal) check_same_assembly(normal->contigs(), normal->path(), reference.contigs(), reference.path(), used);
    for (const std::string* sites : {&o.inputs.force_sites, &o.inputs.germline_resource, &o.inputs.panel_of_normals}) {
        check_sites_naming(*sites, reference.path(), used);
    }
    const SampleNames names = sample_names(o, tumour, normal);

    std::vector<ChunkEvidence> sample_evidence;
    SampleChecks checks;
    const bool reuse_sample =
        estimate_on_sample(o, reference, tumour, normal, regions, targets, sample_evidence, checks);

    VcfWriter calls_out(o.output, o.output_format);
    define_calls_header(calls_out, reference.contigs(), names, o.caller.filters, o.provenance, model_lines(o, checks),
                        o.caller.call_indels);
    std::unique_ptr<VcfWriter> hets_out;
    if (o.caller.germline_hets) {
        hets_out = std::make_unique<VcfWriter>(o.germline_hets_output, vcf_format_from_name(o.germline_hets_output));
        define_hets_header(*hets_out, reference.contigs(), names, o.provenance);
    }
    std::unique_ptr<TableWriter> callable_out;
    if (!o.callable_output.empty()) callable_out = std::make_unique<TableWriter>(o.callable_output);
    CallableBed callable(callable_out.get());
    RecordBuilder calls_builder(calls_out);
    std::unique_ptr<RecordBuilder> hets_builder;
    if (hets_out) hets_builder = std::make_unique<RecordBuilder>(*hets_out);

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
    PerThread<std::unique_ptr<ChunkCaller>> callers;
    PipelineSummary summary;
    size_t done = 0;
    run_in_order<ChunkCalls>(
        chunks, {o.threads, 0},
        [&](const Interval& chunk) {
            auto& caller = callers.local();
            if (!caller) caller = std::make_unique<ChunkCaller>(o.inputs, o.caller);
            if (!reuse_sample) return caller->call(chunk);
            // Each chunk's evidence is taken by the one worker that weighs it.
            return caller->weigh(std::move(sample_evidence[evidence_of.at({chunk.contig, chunk.beg})]), o.caller);
        },
        [&](ChunkCalls&& result, const Interval& chunk) {
            // SNVs and indels in position order (an SNV first at a shared position).
            size_t next_indel = 0;
            const auto write_indels_before = [&](int64_t pos) {
                for (; next_indel < result.indels.size() && result.indels[next_indel].allele.pos < pos; ++next_indel) {
                    const auto& c = result.indels[next_indel];
                    if (o.pass_only && !c.filters.empty()) continue;
                    calls_builder.write_indel(chunk.contig, c);
                    ++summary.records;
                    summary.passed += c.filters.empty();
                }
            };
            for (const auto& c : result.calls) {
                write_indels_before(c.pos);
                if (o.pass_only && !c.filters.empty()) continue;
                calls_builder.write_call(chunk.contig, c);
                ++summary.records;
                summary.passed += c.filters.empty();
            }
            write_indels_before(chunk.end + 1);
            if (hets_builder) {
                for (const auto& h : result.hets) hets_builder->write_het(chunk.contig, h);
            }
            for (const auto& run : result.callable) callable.add(run);
            ++done;
            if (log::verbose() && (done % 100 == 0 || done == chunks.size())) {
                log::debug("processed " + std::to_string(done) + " of " + std::to_string(chunks.size()) +
                           " chunks, up to " + chunk.to_region_string());
            }
        });
    // Every file complete before any takes its final name.
    summary.callable_bases = callable.flush();
    calls_out.finish();
    if (hets_out) hets_out->finish();
    if (callable_out) callable_out->finish();
    calls_out.close();
    if (hets_out) hets_out->close();
    if (callable_out) {
        callable_out->close();
        log::debug("callable: " + std::to_string(summary.callable_bases) + " bases");
    }
    log::debug("wrote " + std::to_string(summary.records) + " records, " + std::to_string(summary.passed) + " PASS");
    return summary;
}

}  // namespace somatic::snv
