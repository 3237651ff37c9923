#include "libsomatic/sig/extract_table.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "libsomatic/sig/channel_set.hpp"
#include "libsomatic/sig/cohort_fit.hpp"
#include "libsomatic/sig/exposures_table.hpp"

namespace somatic::sig {

namespace {

void put(std::string& out, double v, const char* format = "%.6g") {
    if (std::isnan(v)) {
        out += "NA";
        return;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, format, v);
    out += buf;
}

}  // namespace

std::string format_signature_table(const std::vector<std::string>& names, const Eigen::MatrixXd& w, CatalogueType type) {
    const ChannelSet& set = channel_set(type);
    std::string out = "Type";
    for (const auto& n : names) out.append("\t").append(n);
    out += '\n';
    for (int ch = 0; ch < set.size(); ++ch) {
        out += set.names[static_cast<size_t>(ch)];
        for (Eigen::Index j = 0; j < w.cols(); ++j) {
            out += '\t';
            put(out, w(ch, j), "%.8g");
        }
        out += '\n';
    }
    return out;
}

std::string format_extracted_exposures(const ChannelTable& catalogue, const Rank& rank) {
    std::vector<SampleFit> fits(catalogue.columns.size());
    for (size_t s = 0; s < fits.size(); ++s) {
        const auto i = static_cast<Eigen::Index>(s);
        fits[s].sample = catalogue.columns[s];
        fits[s].exposures = rank.exposures.col(i);
        summarise_fit(fits[s], catalogue.values.col(i), rank.signatures * rank.exposures.col(i));
    }
    return format_exposures(extracted_names(rank.k, channel_set(catalogue.type).label), fits, TableOptions{});
}

std::string format_extraction_report(const Extraction& e, const std::vector<Nearest>& nearest, CatalogueType type) {
    std::string out = "K\tStability\tMinStability\tDeviance\tBIC\tMeanCosine\tStable\tChosen\n";
    for (size_t i = 0; i < e.ranks.size(); ++i) {
        const Rank& r = e.ranks[i];
        out += std::to_string(r.k);
        for (double v : {r.mean_stability, r.min_stability}) {
            out += '\t';
            put(out, v, "%.4f");
        }
        for (double v : {r.deviance, r.bic}) {
            out += '\t';
            put(out, v, "%.1f");
        }
        out += '\t';
        put(out, r.mean_cosine, "%.4f");
        out += r.stable ? "\tyes" : "\tno";
        out += i == e.chosen ? "\tyes\n" : "\tno\n";
    }
    const Rank& c = e.ranks[e.chosen];
    const auto names = extracted_names(c.k, channel_set(type).label);
    out += "\nSignature\tStability\tNearest\tCosine\n";
    for (int j = 0; j < c.k; ++j) {
        out += names[static_cast<size_t>(j)];
        out += '\t';
        put(out, c.stability(j), "%.4f");
        if (static_cast<size_t>(j) < nearest.size()) {
            out += '\t' + nearest[static_cast<size_t>(j)].name + '\t';
            put(out, nearest[static_cast<size_t>(j)].cosine, "%.4f");
        } else {
            out += "\tNA\tNA";
        }
        out += '\n';
    }
    return out;
}

}  // namespace somatic::sig
