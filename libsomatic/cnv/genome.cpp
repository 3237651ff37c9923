#include "libsomatic/cnv/genome.hpp"

#include <algorithm>
#include <cmath>

#include "libsomatic/cnv/table_io.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/stats/median.hpp"

namespace somatic::cnv {

std::string_view strip_chr(std::string_view name) {
    if (name.size() > 3 && lower(name.substr(0, 3)) == "chr") name.remove_prefix(3);
    return name;
}

ContigClass classify_contig(std::string_view name) {
    const std::string_view bare = strip_chr(name);
    if (bare == "X" || bare == "x" || bare == "23") return ContigClass::x;
    if (bare == "Y" || bare == "y" || bare == "24") return ContigClass::y;
    if (bare == "M" || bare == "MT" || bare == "m" || bare == "mt") return ContigClass::other;
    // Unplaced, alternate and decoy sequences of the human assemblies; other
    // names with underscores (a region cut out as "20_10000000_15000000") are
    // ordinary sequence.
    for (std::string_view suffix : {"_random", "_alt", "_decoy", "_fix"}) {
        if (bare.ends_with(suffix)) return ContigClass::other;
    }
    if (bare.starts_with("Un_") || bare.starts_with("Un")) return ContigClass::other;
    for (std::string_view prefix : {"GL", "KI", "JH", "HLA", "EBV", "NC_", "hs37d5"}) {
        if (bare.starts_with(prefix)) return ContigClass::other;
    }
    return ContigClass::autosome;
}

std::string_view sex_name(Sex sex) {
    switch (sex) {
        case Sex::female: return "female";
        case Sex::male: return "male";
        default: return "unknown";
    }
}

Sex parse_sex(std::string_view text) {
    const std::string t = lower(text);
    if (t == "female" || t == "f" || t == "xx") return Sex::female;
    if (t == "male" || t == "m" || t == "xy") return Sex::male;
    if (t == "unknown" || t == "auto" || t.empty()) return Sex::unknown;
    throw usage_error("unknown sex '" + std::string(text) + "'", "use female, male or auto");
}

int normal_copy_number(ContigClass c, Sex sex) {
    switch (c) {
        case ContigClass::x: return sex == Sex::male ? 1 : 2;
        case ContigClass::y: return sex == Sex::male ? 1 : 0;
        default: return 2;
    }
}


Sex infer_sex(const std::vector<ContigClass>& bin_class, const std::vector<double>& normal_counts, double* ratio) {
    std::vector<double> x, autosome;
    for (size_t i = 0; i < bin_class.size(); ++i) {
        if (normal_counts[i] <= 0) continue;
        if (bin_class[i] == ContigClass::x) x.push_back(normal_counts[i]);
        if (bin_class[i] == ContigClass::autosome) autosome.push_back(normal_counts[i]);
    }
    if (ratio) *ratio = std::nan("");
    if (x.size() < 20 || autosome.size() < 20) return Sex::unknown;
    const double r = stats::upper_median(x) / stats::upper_median(autosome);
    if (ratio) *ratio = r;
    // Halfway between 0.5 and 1 on the log scale.
    return r < std::sqrt(0.5) ? Sex::male : Sex::female;
}

}  // namespace somatic::cnv
