// Owners for memory htslib hands out, so that an error thrown mid-loop (an
// unsorted file, a REF that disagrees) frees it on the way out.
#pragma once

#include <htslib/vcf.h>

#include <cstdlib>
#include <memory>

namespace somatic {

// A record for VcfReader::next, destroyed however the scope ends.
struct BcfRecordDeleter {
    void operator()(bcf1_t* r) const { bcf_destroy(r); }
};
using BcfRecord = std::unique_ptr<bcf1_t, BcfRecordDeleter>;
inline BcfRecord make_bcf_record() { return BcfRecord(bcf_init()); }

// The output array of bcf_get_info_* / bcf_get_format_*, which htslib grows
// with realloc: pass &data and &capacity, read data.
template <typename T>
struct HtsArray {
    T* data = nullptr;
    int capacity = 0;
    HtsArray() = default;
    HtsArray(const HtsArray&) = delete;
    HtsArray& operator=(const HtsArray&) = delete;
    ~HtsArray() { std::free(data); }
};

}  // namespace somatic
