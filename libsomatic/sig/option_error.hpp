// A bad value in one of somatic-sig's option structs (FitOptions,
// CohortOptions, ExtractOptions, CatalogueOptions, BuildOptions, FitRun...).
//
// The library speaks in the structs' own field names ("min_k must be at
// least 1"); the tool, which alone knows its flags, says them its way at
// the edge with cli::to_flags ("--min-k must be at least 1"). The type
// tells these errors from an input error, whose words are not field names
// even when they read like one ("signatures").
#pragma once

#include <string>

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

}  // namespace somatic::sig
