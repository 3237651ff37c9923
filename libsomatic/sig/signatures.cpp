#include "libsomatic/sig/signatures.hpp"

#include <cmath>
#include <cstdio>
#include <set>

#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/catalogue.hpp"

namespace somatic::sig {

SignatureSet read_signatures(const std::string& path, double tolerance) {
    ChannelTable t = read_channel_table(path, "signature table");
    for (Eigen::Index j = 0; j < t.values.cols(); ++j) {
        const double sum = t.values.col(j).sum();
        if (!(std::fabs(sum - 1.0) <= tolerance)) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.6g", sum);
            throw input_error(display_name(path),
                              "signature '" + t.columns[static_cast<size_t>(j)] + "' sums to " + buf + ", not 1", {},
                              "each column of a signature table is a probability distribution over its channels; "
                              "is this a catalogue of counts rather than signatures?");
        }
        t.values.col(j) /= sum;
    }
    return SignatureSet{std::move(t.columns), std::move(t.values), t.type};
}

bool is_artefact(const std::string& name) {
    if (name == "SBS27" || name == "SBS43" || name == "SBS95") return true;
    if (name.size() < 5 || name.rfind("SBS", 0) != 0) return false;
    // SBS45 ... SBS60, with or without a letter suffix.
    size_t i = 3;
    int number = 0;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9') number = number * 10 + (name[i++] - '0');
    if (i == 3) return false;
    return number >= 45 && number <= 60;
}

std::vector<std::string> split_names(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const auto& a : args) {
        size_t start = 0;
        while (start <= a.size()) {
            size_t comma = a.find(',', start);
            if (comma == std::string::npos) comma = a.size();
            std::string n = a.substr(start, comma - start);
            while (!n.empty() && n.back() == ' ') n.pop_back();
            while (!n.empty() && n.front() == ' ') n.erase(0, 1);
            if (!n.empty()) out.push_back(n);
            start = comma + 1;
        }
    }
    return out;
}

SignatureSet choose_signatures(const SignatureSet& all, const SignatureChoice& choice, const std::string& file) {
    std::set<std::string> known(all.names.begin(), all.names.end());
    for (const auto* list : {&choice.exclude, &choice.only}) {
        for (const auto& n : *list) {
            if (!known.count(n)) {
                throw usage_error("signature '" + n + "' is not in " + display_name(file),
                                  "names are the column headers of the signature table, such as SBS1");
            }
        }
    }
    std::set<std::string> drop(choice.exclude.begin(), choice.exclude.end());
    std::set<std::string> keep(choice.only.begin(), choice.only.end());
    std::vector<Eigen::Index> cols;
    SignatureSet out;
    out.type = all.type;
    for (size_t j = 0; j < all.names.size(); ++j) {
        const auto& n = all.names[j];
        if (!keep.empty() && !keep.count(n)) continue;
        if (drop.count(n)) continue;
        if (choice.exclude_artefacts && is_artefact(n) && !keep.count(n)) continue;
        out.names.push_back(n);
        cols.push_back(static_cast<Eigen::Index>(j));
    }
    if (cols.empty()) throw usage_error("no signature is left to fit", "check --only, --exclude and --exclude-artefacts");
    out.matrix.resize(all.matrix.rows(), static_cast<Eigen::Index>(cols.size()));
    for (size_t k = 0; k < cols.size(); ++k) out.matrix.col(static_cast<Eigen::Index>(k)) = all.matrix.col(cols[k]);
    return out;
}

}  // namespace somatic::sig
