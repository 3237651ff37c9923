// Catalogues (SBS96, ID83, DBS78) and the tables that hold them.
//
// A catalogue is a channels x samples matrix of mutation counts, rows in
// COSMIC's channel order (channel_set.hpp). Reference signatures are the
// same shape (channels x signatures, each column a probability
// distribution), so one reader serves both: the "channel table" layout of
// COSMIC and SigProfiler
//
//     MutationType  sample1  sample2 ...      (or Type, or id)
//     A[C>A]A       12       3                (1:Del:C:0, AC>CA, ...)
//
// and, for SBS96, MutationalPatterns' two-column layout ("Type  Subtype":
// "C>A  ACA"). The first row's name decides the type; rows may come in any
// order, they are mapped by name, and a table must hold each of its type's
// channels exactly once.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "libsomatic/sig/channel_set.hpp"

namespace somatic::sig {

class InputFile;

struct ChannelTable {
    CatalogueType type = CatalogueType::sbs96;
    std::vector<std::string> columns;  // the data columns' names
    Eigen::MatrixXd values;            // channels x columns, COSMIC row order
};

// Reads a channel table from an open text input. `what` names the table in
// messages ("catalogue", "signature table"). Throws an input error naming the
// file and line for: no header, a first row that is no type's channel, a row
// that is not a channel of the first row's type (or a duplicate),
// missing channels, a row of the wrong width, a value that is not a finite
// number >= 0, no data column, or a duplicate column name.
ChannelTable read_channel_table(InputFile& input, const std::string& what);
ChannelTable read_channel_table(const std::string& path, const std::string& what);

// The catalogue TSV: "MutationType" then one column per sample, rows in the
// type's COSMIC order, counts as
// integers when they are whole (always, for catalogues built from VCFs).
std::string format_catalogue(const ChannelTable& catalogue);

}  // namespace somatic::sig
