// Reference signatures (COSMIC's SBS96, ID83 or DBS78 tables) and the choice
// of which to fit.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "libsomatic/sig/channel_set.hpp"

namespace somatic::sig {

struct SignatureSet {
    std::vector<std::string> names;
    Eigen::MatrixXd matrix;  // channels x names.size(), each column sums to 1
    CatalogueType type = CatalogueType::sbs96;
};

// Reads a signature table (see catalogue.hpp for the layouts) and checks that
// each column is a distribution: sums to 1 within `tolerance` (COSMIC's files
// are rounded to ~1e-6). Columns are renormalised to sum exactly 1. Throws an
// input error naming the first column that does not.
SignatureSet read_signatures(const std::string& path, double tolerance = 1e-3);

// COSMIC's signatures of sequencing artefacts: SBS27, SBS43, SBS45-SBS60, SBS95.
bool is_artefact(const std::string& name);

struct SignatureChoice {
    bool exclude_artefacts = false;
    std::vector<std::string> exclude;  // names to drop
    std::vector<std::string> only;     // when non-empty: keep exactly these
};

// The signatures `choice` keeps, in the table's order. Throws a usage error
// for a name in `exclude`/`only` that the table lacks, or when nothing is left.
SignatureSet choose_signatures(const SignatureSet& all, const SignatureChoice& choice, const std::string& file);

// Splits "SBS1,SBS5" (and repeated options) into names.
std::vector<std::string> split_names(const std::vector<std::string>& args);

}  // namespace somatic::sig
