// The catalogue types somatic-sig knows and their channels, in COSMIC order:
// SBS96 (single-base substitutions in trinucleotide context, channels.hpp),
// ID83 (small insertions and deletions, id83.hpp) and DBS78 (doublet-base
// substitutions, dbs78.hpp). A catalogue table or a signature table is of
// the type whose channel names its rows carry; fit and extract work on any
// type, and refuse a catalogue and a signature table of different types.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace somatic::sig {

enum class CatalogueType { sbs96, id83, dbs78 };

struct ChannelSet {
    CatalogueType type;
    std::string label;               // "SBS96", "ID83", "DBS78"
    std::vector<std::string> names;  // in COSMIC order
    int size() const { return static_cast<int>(names.size()); }
    // The channel of `name` (COSMIC spelling, case-sensitive), or -1.
    int index(std::string_view name) const;

    std::unordered_map<std::string, int> by_name;
};

const ChannelSet& channel_set(CatalogueType type);

// The three types, in the order above.
const std::vector<CatalogueType>& catalogue_types();

// "an SBS96", "an ID83", "a DBS78": the label as spoken, for messages.
std::string label_with_article(CatalogueType type);

// "sbs96", "id83", "dbs78" (the --type spelling, lower case).
std::string type_option_name(CatalogueType type);
// The type of a --type value (case-insensitive), or false when unknown.
bool parse_catalogue_type(std::string_view text, CatalogueType& type);

// The type whose channel set holds `name`, or false.
bool type_of_channel(std::string_view name, CatalogueType& type);

}  // namespace somatic::sig
