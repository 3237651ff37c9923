#include "libsomatic/sig/catalogue.hpp"

#include <charconv>
#include <cmath>
#include <set>

#include "libsomatic/core/error.hpp"
#include "libsomatic/io/table_reader.hpp"
#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/input_file.hpp"

namespace somatic::sig {

namespace {

std::string_view unquote(std::string_view s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
    return s;
}

}  // namespace

ChannelTable read_channel_table(InputFile& input, const std::string& what) {
    TableReader in(input.hts(), input.path());
    const std::string file = in.name();
    std::string_view line;
    // The header: the first line that is not blank and not a '#' comment.
    bool have_header = false;
    while (in.next(line)) {
        if (line.empty() || line.front() == '#') continue;
        have_header = true;
        break;
    }
    if (!have_header) throw input_error(file, "the " + what + " has no header line", {}, "the first line names the columns: MutationType, then one column per sample");
    const char sep = line.find('\t') != std::string_view::npos ? '\t' : (line.find(',') != std::string_view::npos ? ',' : '\t');
    std::vector<std::string_view> fields;
    split_fields(line, sep, fields);
    const std::string second = fields.size() > 1 ? std::string(unquote(fields[1])) : "";
    const bool two_key = second == "Subtype" || second == "Trinucleotide";
    const size_t keys = two_key ? 2 : 1;
    if (fields.size() <= keys) {
        throw input_error(file, "the " + what + " has no data column", in.locus().where(),
                          "columns must be tab-separated: MutationType, then one column per sample or signature");
    }
    ChannelTable table;
    std::set<std::string> seen_columns;
    for (size_t i = keys; i < fields.size(); ++i) {
        std::string name(unquote(fields[i]));
        if (name.empty()) throw input_error(file, "column " + std::to_string(i + 1) + " of the header has no name", in.locus().where());
        if (!seen_columns.insert(name).second) throw input_error(file, "column '" + name + "' appears twice", in.locus().where());
        table.columns.push_back(std::move(name));
    }
    const size_t width = fields.size();
    const ChannelSet* set = nullptr;  // known from the first row
    std::vector<bool> present;
    int rows = 0;
    while (in.next(line)) {
        if (line.empty() || line.front() == '#') continue;
        const TableLocus at = in.locus();
        const std::string where = at.where();
        split_fields(line, sep, fields);
        if (!set) {
            // A name that is no type's channel is judged by its shape, so
            // that the message below can say which type's rows it resembles.
            CatalogueType type = CatalogueType::sbs96;
            const std::string_view first = unquote(fields[0]);
            if (!two_key && !type_of_channel(first, type)) {
                type = first.find(':') != std::string_view::npos ? CatalogueType::id83
                       : first.find('[') == std::string_view::npos && first.find('>') != std::string_view::npos ? CatalogueType::dbs78
                                                                                                         : CatalogueType::sbs96;
            }
            set = &channel_set(type);
            table.type = type;
            table.values = Eigen::MatrixXd::Zero(set->size(), static_cast<Eigen::Index>(table.columns.size()));
            present.assign(static_cast<size_t>(set->size()), false);
        }
        const int ch = two_key ? (fields.size() > 1 ? channel_index(unquote(fields[0]), unquote(fields[1])) : -1)
                               : set->index(unquote(fields[0]));
        if (ch < 0) {
            std::string row(unquote(fields[0]));
            if (two_key && fields.size() > 1) row.append(" ").append(unquote(fields[1]));
            throw input_error(file, "the " + what + " has a row '" + row + "' that is not " + label_with_article(set->type) + " channel", where,
                              set->type == CatalogueType::sbs96
                                  ? "rows are named like A[C>A]A, with the pyrimidine (C or T) as the mutated base"
                                  : "rows are named as in COSMIC's " + set->label + " table, " + set->names.front() + " to " +
                                        set->names.back() + "; a table holds one catalogue type");
        }
        if (present[static_cast<size_t>(ch)]) {
            throw input_error(file, "channel " + set->names[static_cast<size_t>(ch)] + " appears twice", where);
        }
        present[static_cast<size_t>(ch)] = true;
        if (fields.size() != width) {
            wrong_width(width, fields.size(), at, false, "every row needs one value per column");
        }
        for (size_t i = keys; i < width; ++i) {
            table.values(ch, static_cast<Eigen::Index>(i - keys)) =
                parse_non_negative(unquote(fields[i]), at, table.columns[i - keys]);
        }
        ++rows;
    }
    if (!set) {
        throw input_error(file, "the " + what + " has no channel rows", {}, "an SBS96 table has 96 rows, ID83 83, DBS78 78");
    }
    if (rows != set->size()) {
        std::string missing;
        int n_missing = 0;
        for (int c = 0; c < set->size(); ++c) {
            if (present[static_cast<size_t>(c)]) continue;
            if (n_missing < 3) missing += (n_missing ? ", " : "") + set->names[static_cast<size_t>(c)];
            ++n_missing;
        }
        if (n_missing > 3) missing += ", ...";
        const std::string n = std::to_string(set->size());
        throw input_error(file, "the " + what + " lacks " + std::to_string(n_missing) + " of the " + n + " " + set->label + " channels (" + missing + ")",
                          {}, set->label + " tables have exactly " + n + " rows, one per channel");
    }
    return table;
}

ChannelTable read_channel_table(const std::string& path, const std::string& what) {
    InputFile in(path);
    if (in.is_vcf()) {
        throw input_error(in.name(), "is a VCF, not a " + what, {}, "give a tab-separated SBS96, ID83 or DBS78 table");
    }
    return read_channel_table(in, what);
}

std::string format_catalogue(const ChannelTable& t) {
    std::string out = "MutationType";
    for (const auto& c : t.columns) out.append("\t").append(c);
    out += '\n';
    char buf[64];
    const ChannelSet& set = channel_set(t.type);
    for (int ch = 0; ch < set.size(); ++ch) {
        out += set.names[static_cast<size_t>(ch)];
        for (Eigen::Index j = 0; j < t.values.cols(); ++j) {
            const double v = t.values(ch, j);
            out += '\t';
            if (v == std::floor(v) && std::fabs(v) < 1e15) {
                auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
                out.append(buf, r.ptr);
            } else {
                auto r = std::to_chars(buf, buf + sizeof buf, v);
                out.append(buf, r.ptr);
            }
        }
        out += '\n';
    }
    return out;
}

}  // namespace somatic::sig
