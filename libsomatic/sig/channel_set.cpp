#include "libsomatic/sig/channel_set.hpp"

#include <cctype>

#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/dbs78.hpp"
#include "libsomatic/sig/id83.hpp"

namespace somatic::sig {

namespace {

ChannelSet make(CatalogueType type, std::string label, std::vector<std::string> names) {
    ChannelSet s{type, std::move(label), std::move(names), {}};
    for (int i = 0; i < s.size(); ++i) s.by_name.emplace(s.names[static_cast<size_t>(i)], i);
    return s;
}

std::vector<std::string> sbs96_names() {
    std::vector<std::string> n;
    for (int c = 0; c < kChannels; ++c) n.push_back(channel_name(c));
    return n;
}

}  // namespace

int ChannelSet::index(std::string_view name) const {
    auto it = by_name.find(std::string(name));
    return it == by_name.end() ? -1 : it->second;
}

const ChannelSet& channel_set(CatalogueType type) {
    static const ChannelSet sbs = make(CatalogueType::sbs96, "SBS96", sbs96_names());
    static const ChannelSet id = make(CatalogueType::id83, "ID83", id83_channel_names());
    static const ChannelSet dbs = make(CatalogueType::dbs78, "DBS78", dbs78_channel_names());
    switch (type) {
        case CatalogueType::id83: return id;
        case CatalogueType::dbs78: return dbs;
        default: return sbs;
    }
}

const std::vector<CatalogueType>& catalogue_types() {
    static const std::vector<CatalogueType> all{CatalogueType::sbs96, CatalogueType::id83, CatalogueType::dbs78};
    return all;
}

std::string label_with_article(CatalogueType type) {
    const std::string& label = channel_set(type).label;
    return (label.front() == 'D' ? "a " : "an ") + label;
}

std::string type_option_name(CatalogueType type) {
    std::string s = channel_set(type).label;
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool parse_catalogue_type(std::string_view text, CatalogueType& type) {
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (CatalogueType t : catalogue_types()) {
        if (type_option_name(t) == lower) {
            type = t;
            return true;
        }
    }
    return false;
}

bool type_of_channel(std::string_view name, CatalogueType& type) {
    for (CatalogueType t : catalogue_types()) {
        if (channel_set(t).index(name) >= 0) {
            type = t;
            return true;
        }
    }
    return false;
}

}  // namespace somatic::sig
