// A bad value in one of somatic-sig's option structs (FitOptions,
// CohortOptions, ExtractOptions, CatalogueOptions, BuildOptions, FitRun...).
//
// The library speaks in the structs' own field names ("min_k must be at
// least 1"); the tool, which alone knows its flags, renames them at the
// edge with rename_fields ("--min-k must be at least 1").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "libsomatic/core/error.hpp"

namespace somatic::sig {

class OptionError : public Error {
public:
    // The problem reads "<field> <rule>": OptionError("min_k", "must be at least 1").
    OptionError(std::string field, const std::string& rule, std::string hint = {});
    const std::string& field() const noexcept { return field_; }

private:
    std::string field_;
};

// Field names and the flags that set them.
using FieldFlags = std::vector<std::pair<std::string_view, std::string_view>>;

// The usage error `e` with each field name of `flags` in its problem and hint
// (as a whole word: letters, digits, '_' and '.' around it do not belong to
// it) replaced by its flag.
Error rename_fields(const OptionError& e, const FieldFlags& flags);

}  // namespace somatic::sig
