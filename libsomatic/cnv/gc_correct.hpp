// GC-bias correction of read depth.
//
// Depth depends on a bin's GC content through library preparation and PCR.
// The fit is a smooth curve of depth against GC: bins are put in GC strata
// 0.01 wide, each stratum gives its median depth (robust to the copy-number
// changes themselves, which are not correlated with GC), and a LOESS (local
// linear regression with tricube weights, strata weighted by their number
// of bins) smooths the medians. Dividing depth by the curve removes the
// bias. Cost: O(n) for the strata plus O(strata^2) for the smooth.
#pragma once

#include <cstddef>
#include <vector>

namespace somatic::cnv {

struct GcFitOptions {
    double span = 0.3;          // LOESS span: the fraction of bins in each local fit
    std::size_t min_stratum_bins = 5; // strata with fewer bins are left out of the fit
};

class GcCurve {
public:
    GcCurve() = default;
    GcCurve(std::vector<double> gc, std::vector<double> depth) : gc_(std::move(gc)), depth_(std::move(depth)) {}
    // The fitted depth at `gc`: linear between fitted strata, flat beyond them.
    // NaN when the curve is empty.
    double at(double gc) const;
    bool empty() const { return gc_.empty(); }
    const std::vector<double>& gc() const { return gc_; }
    const std::vector<double>& depth() const { return depth_; }

private:
    std::vector<double> gc_, depth_;
};

// Fits depth against GC over the bins whose `use` flag is set (NaN GC or
// depth are skipped). An empty curve when fewer than 3 strata qualify.
GcCurve fit_gc_curve(const std::vector<double>& gc, const std::vector<double>& depth, const std::vector<char>& use,
                     const GcFitOptions& options = {});

// LOESS of y on x with weights w, evaluated at each of `at` (x sorted
// ascending). Exposed for testing.
std::vector<double> loess(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& w,
                          const std::vector<double>& at, double span);

}  // namespace somatic::cnv
