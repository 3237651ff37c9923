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
    Eigen::MatrixXd values;
    std::optional<CatalogueSummary> summary;
    bool from_vcf = false;
};

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

    std::vector<Part> parts(files.size());
    tbb::enumerable_thread_specific<std::unique_ptr<ContextReference>> refs;
    parallel_for_index(o.threads, files.size(), [&](size_t i) {
            InputFile& in = *files[i];
            Part& p = parts[i];
            if (in.is_vcf()) {
                auto& ref = refs.local();
                if (!ref) ref = std::make_unique<ContextReference>(o.reference);
                const std::string name = o.sample_names.empty() ? std::string() : o.sample_names[i];
                SampleCatalogue sc = catalogue_from_vcf(in, *ref, o.catalogue, name);
                p.from_vcf = true;
                p.names = {sc.sample};
                p.values.resize(kChannels, 1);
                for (int c = 0; c < kChannels; ++c) p.values(c, 0) = static_cast<double>(sc.counts[static_cast<size_t>(c)]);
                p.summary = sc.summary;
            } else {
                ChannelTable t = read_channel_table(in, "catalogue");
                p.names = std::move(t.columns);
                p.values = std::move(t.values);
            }
            files[i].reset();  // close as soon as done
    });

    BuildResult r;
    std::set<std::string> seen;
    std::vector<Eigen::Index> offsets;
    Eigen::Index total = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        auto& p = parts[i];
        for (auto& n : p.names) {
            if (seen.count(n) && p.from_vcf && o.sample_names.empty()) {
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
        total += p.values.cols();
        if (p.summary) r.summaries.push_back({inputs[i], p.names.front(), *p.summary});
    }
    r.catalogue.values.resize(kChannels, total);
    for (size_t i = 0; i < parts.size(); ++i) {
        r.catalogue.values.middleCols(offsets[i], parts[i].values.cols()) = parts[i].values;
        for (auto& n : parts[i].names) r.catalogue.columns.push_back(std::move(n));
    }
    return r;
}

std::string describe(const VcfSummary& v, MnvMode mnv) {
    const CatalogueSummary& s = v.counts;
    std::string out = display_name(v.file) + ": sample " + v.sample + ": " + std::to_string(s.snvs) + " SNVs counted from " +
                      std::to_string(s.records) + " records";
    if (s.mnv_split && mnv == MnvMode::split) out += " (" + std::to_string(s.mnv_split) + " multi-base substitutions split into SNVs)";
    std::vector<std::string> skipped;
    if (s.filtered) skipped.push_back(std::to_string(s.filtered) + " not PASS");
    if (s.mnv_skipped) skipped.push_back(std::to_string(s.mnv_skipped) + " multi-base substitutions (--mnv split counts them)");
    if (s.other) skipped.push_back(std::to_string(s.other) + " indels or other alleles");
    if (s.ref_mismatch) skipped.push_back(std::to_string(s.ref_mismatch) + " with REF disagreeing with the reference");
    if (s.n_context) skipped.push_back(std::to_string(s.n_context) + " with an N in the trinucleotide");
    if (s.contig_edge) skipped.push_back(std::to_string(s.contig_edge) + " at a contig end");
    if (!skipped.empty()) {
        out += "; skipped: ";
        for (size_t i = 0; i < skipped.size(); ++i) out += (i ? ", " : "") + skipped[i];
    }
    return out;
}

void log_summaries(const BuildResult& r, MnvMode mnv) {
    for (const auto& v : r.summaries) {
        const auto& s = v.counts;
        if (s.snvs == 0) {
            std::string why;
            if (s.records == 0) {
                why = "it has no records";
            } else if (s.filtered == s.records) {
                why = "no record has FILTER PASS (--all-filters counts them all)";
            } else {
                why = "no record is a countable SNV";
            }
            log::warning(display_name(v.file) + ": sample " + v.sample + ": no SNV counted: " + why);
        }
        log::debug(describe(v, mnv));
    }
}

}  // namespace somatic::sig
