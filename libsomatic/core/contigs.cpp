#include "libsomatic/core/contigs.hpp"

#include <array>

#include "libsomatic/core/error.hpp"

namespace somatic {

ContigDict::ContigDict(std::vector<Contig> contigs) : contigs_(std::move(contigs)) {
    for (size_t i = 0; i < contigs_.size(); ++i) index_.emplace(contigs_[i].name, static_cast<int>(i));
}

const Contig* ContigDict::find(std::string_view name) const {
    const int i = index_of(name);
    return i < 0 ? nullptr : &contigs_[static_cast<size_t>(i)];
}

int ContigDict::index_of(std::string_view name) const {
    auto it = index_.find(std::string(name));
    return it == index_.end() ? -1 : it->second;
}

namespace {
std::string toggle_chr_prefix(std::string_view name) {
    if (name.starts_with("chr")) return std::string(name.substr(3));
    return "chr" + std::string(name);
}
}  // namespace

std::string ContigDict::suggest(std::string_view name) const {
    const std::string other = toggle_chr_prefix(name);
    if (find(other)) return "did you mean '" + other + "'? the names differ by a 'chr' prefix";
    return {};
}

int64_t ContigDict::total_length() const {
    int64_t total = 0;
    for (const auto& c : contigs_) total += c.length;
    return total;
}

bool is_secondary_contig(std::string_view name) {
    const std::string_view bare = name.starts_with("chr") ? name.substr(3) : name;
    return name.ends_with("_alt") || name.ends_with("_decoy") || name.ends_with("_random") ||
           bare.starts_with("Un_") || name.starts_with("HLA-") || bare == "EBV" || name == "hs37d5" ||
           name.starts_with("GL0") || name.starts_with("NC_007605");
}

namespace {
struct KnownLength {
    const char* name;  // without "chr"
    int64_t grch37;
    int64_t grch38;
};

// Primary chromosome lengths of the two human assemblies in use: the most
// common cause of a length mismatch is data aligned to one and a reference of
// the other.
constexpr std::array<KnownLength, 25> kHumanLengths{{
    {"1", 249250621, 248956422},  {"2", 243199373, 242193529},  {"3", 198022430, 198295559},
    {"4", 191154276, 190214555},  {"5", 180915260, 181538259},  {"6", 171115067, 170805979},
    {"7", 159138663, 159345973},  {"8", 146364022, 145138636},  {"9", 141213431, 138394717},
    {"10", 135534747, 133797422}, {"11", 135006516, 135086622}, {"12", 133851895, 133275309},
    {"13", 115169878, 114364328}, {"14", 107349540, 107043718}, {"15", 102531392, 101991189},
    {"16", 90354753, 90338345},   {"17", 81195210, 83257441},   {"18", 78077248, 80373285},
    {"19", 59128983, 58617616},   {"20", 63025520, 64444167},   {"21", 48129895, 46709983},
    {"22", 51304566, 50818468},   {"X", 155270560, 156040895},  {"Y", 59373566, 57227415},
    {"M", 16571, 16569},
}};
}  // namespace

std::string guess_assembly(std::string_view contig_name, int64_t length) {
    std::string_view bare = contig_name.starts_with("chr") ? contig_name.substr(3) : contig_name;
    if (bare == "MT") bare = "M";
    for (const auto& k : kHumanLengths) {
        if (bare != k.name) continue;
        if (length == k.grch37) return "GRCh37";
        if (length == k.grch38) return "GRCh38";
    }
    return {};
}

namespace {
std::string with_assembly(int64_t length, const std::string& assembly) {
    std::string s = std::to_string(length) + " bp";
    if (!assembly.empty()) s += ", as in " + assembly;
    return s;
}
}  // namespace

void check_same_assembly(const ContigDict& data, const std::string& data_file,
                         const ContigDict& reference, const std::string& reference_file,
                         const std::vector<std::string>& used) {
    if (data.empty()) {
        throw input_error(data_file, "the header lists no contigs",
                          {}, "the file has no @SQ/##contig lines; is it the right file?");
    }
    // No name in common at all, but every name matches once a "chr" prefix is
    // toggled: say that first, since the per-contig message would hide it.
    // The example is a contig that does match once toggled (a slice's
    // reference may hold one contig of the data's many).
    size_t common = 0, common_toggled = 0;
    const std::string* example = nullptr;
    for (const auto& c : data.contigs()) {
        if (reference.find(c.name)) ++common;
        if (reference.find(toggle_chr_prefix(c.name)) && !common_toggled++) example = &c.name;
    }
    if (common == 0 && common_toggled > 0) {
        throw input_error(data_file,
                          "contig names differ from the reference " + reference_file +
                              " by a 'chr' prefix ('" + *example + "' here, '" +
                              toggle_chr_prefix(*example) + "' there)",
                          {}, "use a reference with the same contig naming as the data");
    }

    auto check_one = [&](const Contig& c) {
        const Contig* r = reference.find(c.name);
        if (!r) {
            std::string hint = reference.suggest(c.name);
            if (hint.empty()) hint = "the data and the reference come from different assemblies";
            throw input_error(data_file, "contig '" + c.name + "' is not in the reference " + reference_file,
                              {}, hint);
        }
        if (r->length != c.length) {
            const std::string a = guess_assembly(c.name, c.length);
            const std::string b = guess_assembly(r->name, r->length);
            std::string hint = "the data and the reference come from different assemblies";
            if (!a.empty() && !b.empty() && a != b) hint = "data aligned to " + a + ", reference is " + b;
            throw input_error(data_file,
                              "contig '" + c.name + "' is " + with_assembly(c.length, a) +
                                  " here but " + with_assembly(r->length, b) + " in the reference " +
                                  reference_file,
                              {}, hint);
        }
    };

    if (used.empty()) {
        for (const auto& c : data.contigs()) check_one(c);
    } else {
        for (const auto& name : used) {
            const Contig* c = data.find(name);
            if (!c) {
                std::string hint = data.suggest(name);
                throw input_error(data_file, "contig '" + name + "' is not in this file's header", {}, hint);
            }
            check_one(*c);
        }
    }
}

}  // namespace somatic
