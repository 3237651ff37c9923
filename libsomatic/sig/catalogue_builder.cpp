#include "libsomatic/sig/catalogue_builder.hpp"

#include <tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/sig/channels.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/sig/input_file.hpp"
#include "libsomatic/sig/option_error.hpp"

namespace somatic::sig {

namespace {

struct Part {
    std::vector<std::string> names;
    ChannelTable table;                 // a table input
    std::optional<SampleCatalogue> vcf;  // a VCF input: every type's counts
};

template <size_t N>
Eigen::MatrixXd as_column(const std::array<uint64_t, N>& counts) {
    Eigen::MatrixXd m(static_cast<Eigen::Index>(N), 1);
    for (size_t c = 0; c < N; ++c) m(static_cast<Eigen::Index>(c), 0) = static_cast<double>(counts[c]);
    return m;
}

Eigen::MatrixXd counts_of(const SampleCatalogue& sc, CatalogueType type) {
    switch (type) {
        case CatalogueType::id83: return as_column(sc.id83);
        case CatalogueType::dbs78: return as_column(sc.dbs78);
        default: return as_column(sc.counts);
    }
}

}  // namespace

void BuildOptions::validate() const { catalogue.validate(); }

BuildResult build_catalogue(const std::vector<std::string>& inputs, const BuildOptions& o) {
    o.validate();
    if (inputs.empty()) throw usage_error("no input given", "give VCF files, a catalogue table, or '-' for standard input");
    if (std::count(inputs.begin(), inputs.end(), "-") > 1) throw usage_error("standard input ('-') can be read only once");
    if (!o.sample_names.empty() && o.sample_names.size() != inputs.size()) {
        throw OptionError("sample_names", "gives " + std::to_string(o.sample_names.size()) + " names for " +
                                              std::to_string(inputs.size()) + " inputs",
                          "give one name per input file, comma-separated");
    }
    // Open everything first: a missing file or a missing --reference fails
    // before any long work starts.
    std::vector<std::unique_ptr<InputFile>> files;
    bool any_vcf = false;
    for (const auto& path : inputs) {
        files.push_back(std::make_unique<InputFile>(path));
        if (files.back()->is_vcf()) {
            any_vcf = true;
        } else if (!o.allow_tables) {
            throw input_error(files.back()->name(), "is not a VCF or BCF file", {},
                              "catalogue counts somatic VCF/BCF files; a VCF starts with ##fileformat=VCFv4.x");
        }
    }
    if (any_vcf && o.reference.empty()) {
        throw usage_error("counting a VCF needs the reference FASTA it was called against", "give it with --reference");
    }
    if (any_vcf) ContextReference check(o.reference, 1);  // fails now on a bad reference
    if (o.all_types && !std::all_of(files.begin(), files.end(), [](const auto& f) { return f->is_vcf(); })) {
        throw usage_error("every catalogue type at once is counted from VCFs only", "give VCF/BCF inputs, or one --type");
    }

    std::vector<Part> parts(files.size());
    tbb::enumerable_thread_specific<std::unique_ptr<ContextReference>> refs;
    parallel_for_index(o.threads, files.size(), [&](size_t i) {
            InputFile& in = *files[i];
            Part& p = parts[i];
            if (in.is_vcf()) {
                auto& ref = refs.local();
                if (!ref) ref = std::make_unique<ContextReference>(o.reference);
                const std::string name = o.sample_names.empty() ? std::string() : o.sample_names[i];
                p.vcf = catalogue_from_vcf(in, *ref, o.catalogue, name);
                p.names = {p.vcf->sample};
            } else {
                p.table = read_channel_table(in, "catalogue");
                p.names = p.table.columns;
            }
            files[i].reset();  // close as soon as done
    });

    // The type: asked for, else the first table's, else the default.
    CatalogueType type = o.type.value_or(o.default_type);
    if (!o.type) {
        for (const auto& p : parts) {
            if (!p.vcf) {
                type = p.table.type;
                break;
            }
        }
    }
    for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].vcf || parts[i].table.type == type) continue;
        throw input_error(display_name(inputs[i]),
                          "is " + label_with_article(parts[i].table.type) + " catalogue, but the catalogue being built is " +
                              channel_set(type).label,
                          {}, "give catalogues of one type (and --type " + type_option_name(parts[i].table.type) + " for VCFs)");
    }

    BuildResult r;
    std::set<std::string> seen;
    std::vector<Eigen::Index> offsets;
    Eigen::Index total = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        auto& p = parts[i];
        for (auto& n : p.names) {
            if (seen.count(n) && p.vcf && o.sample_names.empty()) {
                const std::string stem = file_stem(inputs[i]);
                log::warning(display_name(inputs[i]) + ": sample name '" + n + "' is taken by an earlier input; naming this sample '" +
                             stem + "' after its file (use --sample-names to choose)");
                n = stem;
            }
            if (!seen.insert(n).second) {
                throw usage_error("two samples are named '" + n + "'", "give distinct names with --sample-names");
            }
        }
        offsets.push_back(total);
        total += static_cast<Eigen::Index>(p.names.size());
        if (p.vcf) r.summaries.push_back({inputs[i], p.names.front(), p.vcf->summary});
    }
    auto assemble = [&](CatalogueType t) {
        ChannelTable out;
        out.type = t;
        out.values.resize(channel_set(t).size(), total);
        for (size_t i = 0; i < parts.size(); ++i) {
            const Eigen::MatrixXd& v = parts[i].vcf ? counts_of(*parts[i].vcf, t) : parts[i].table.values;
            out.values.middleCols(offsets[i], v.cols()) = v;
            for (const auto& n : parts[i].names) out.columns.push_back(n);
        }
        return out;
    };
    r.catalogue = assemble(type);
    if (o.all_types) {
        for (CatalogueType t : catalogue_types()) r.all.push_back(assemble(t));
    }
    return r;
}

std::string describe(const VcfSummary& v, MnvMode mnv) {
    const CatalogueSummary& s = v.counts;
    std::string out = display_name(v.file) + ": sample " + v.sample + ": " + std::to_string(s.snvs) + " SNVs, " +
                      std::to_string(s.indels) + " indels and " + std::to_string(s.doublets) + " doublets counted from " +
                      std::to_string(s.records) + " records";
    std::vector<std::string> notes;
    if (s.doublets_merged) notes.push_back(std::to_string(s.doublets_merged) + " doublets merged from adjacent SNVs");
    if (s.indels_normalised) notes.push_back(std::to_string(s.indels_normalised) + " indels left-aligned or trimmed");
    if (s.mnv_split && mnv == MnvMode::split) notes.push_back(std::to_string(s.mnv_split) + " multi-base substitutions split into SNVs");
    if (!notes.empty()) {
        out += " (";
        for (size_t i = 0; i < notes.size(); ++i) out += (i ? ", " : "") + notes[i];
        out += ")";
    }
    std::vector<std::string> skipped;
    if (s.filtered) skipped.push_back(std::to_string(s.filtered) + " not PASS");
    if (s.mnv_skipped) skipped.push_back(std::to_string(s.mnv_skipped) + " multi-base substitutions from SBS96 (--mnv split counts their SNVs)");
    if (s.mnv_long) skipped.push_back(std::to_string(s.mnv_long) + " substitutions of 3 or more bases from DBS78");
    if (s.indels_complex) skipped.push_back(std::to_string(s.indels_complex) + " complex indels (bases both deleted and inserted)");
    if (s.other) skipped.push_back(std::to_string(s.other) + " symbolic or other alleles");
    if (s.ref_mismatch) skipped.push_back(std::to_string(s.ref_mismatch) + " with REF disagreeing with the reference");
    if (s.n_context) skipped.push_back(std::to_string(s.n_context) + " with an N in the trinucleotide");
    if (s.contig_edge) skipped.push_back(std::to_string(s.contig_edge) + " at a contig end");
    if (!skipped.empty()) {
        out += "; skipped: ";
        for (size_t i = 0; i < skipped.size(); ++i) out += (i ? ", " : "") + skipped[i];
    }
    return out;
}

namespace {

// Warns of a VCF with nothing counted into the catalogue of `type`, saying why.
void warn_if_empty(const VcfSummary& v, CatalogueType type) {
    const auto& s = v.counts;
    const uint64_t counted = type == CatalogueType::id83 ? s.indels : type == CatalogueType::dbs78 ? s.doublets : s.snvs;
    if (counted) return;
    const char* what = type == CatalogueType::id83 ? "indel" : type == CatalogueType::dbs78 ? "doublet" : "SNV";
    std::string why;
    if (s.records == 0) {
        why = "it has no records";
    } else if (s.filtered == s.records) {
        why = "no record has FILTER PASS (--all-filters counts them all)";
    } else {
        why = std::string("no record is a countable ") + what;
    }
    log::warning(display_name(v.file) + ": sample " + v.sample + ": no " + what + " counted: " + why);
}

}  // namespace

void log_summaries(const BuildResult& r, MnvMode mnv, const std::vector<CatalogueType>& types) {
    const bool substitutions = std::any_of(types.begin(), types.end(), [](CatalogueType t) { return t != CatalogueType::id83; });
    for (const auto& v : r.summaries) {
        const auto& s = v.counts;
        for (CatalogueType t : types) warn_if_empty(v, t);
        // SigProfiler's rule, not an older catalogue's: say so, with the count.
        if (s.snvs_merged && substitutions) {
            log::info(display_name(v.file) + ": sample " + v.sample + ": " + std::to_string(s.snvs_merged) +
                      " SNV records at adjacent positions taken as " + std::to_string(s.doublets_merged) +
                      (s.doublets_merged == 1 ? " doublet" : " doublets") +
                      (s.snvs_merged > 2 * s.doublets_merged ? " and longer multi-base substitutions" : "") +
                      " (as SigProfiler does)" +
                      (mnv == MnvMode::skip ? ", not as SBS96 SNVs (--mnv split counts them as both, --adjacent separate as SNVs only)"
                                            : ""));
        }
        log::debug(describe(v, mnv));
    }
}

}  // namespace somatic::sig
