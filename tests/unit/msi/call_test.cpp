#include "libsomatic/msi/call.hpp"

#include <doctest/doctest.h>

#include "libsomatic/msi/call_output.hpp"

using namespace somatic::msi;

namespace {

SiteResult site(const LengthCounts& tumour, const LengthCounts& normal) {
    SiteResult r;
    r.site = {"1", 100, 110, "A", 10};
    r.tumour = tumour;
    r.normal = normal;
    return r;
}

}  // namespace

TEST_CASE("a sample with no site at the minimum depth is not determined") {
    // 19 reads in the tumour, 30 in the normal: below --min-depth 20, so
    // nothing is tested and there is no percent to compare with the threshold.
    std::vector<SiteResult> results{site({{10, 19}}, {{10, 30}})};
    CallOptions o;
    const CallSummary s = call_sites(results, o);
    CHECK(s.sites == 1);
    CHECK(s.tested == 0);
    CHECK(s.unstable == 0);
    CHECK_FALSE(results[0].tested);
    CHECK(summary_table(s) ==
          "sites_tested\tsites_unstable\tpercent_unstable\tmsi_status\tthreshold\n0\t0\tNA\tNA\t3.5\n");
}

TEST_CASE("one unstable site of two tested is 50% and MSI-H") {
    // Site 1: tumour 10 at 8 and 20 at 10, normal 30 at 10: chi-square 12,
    // p = erfc(sqrt(6)) ~ 5.3e-4 (length_test_test); site 2 identical in both
    // samples, p = 1. BH over two: q = 1.1e-3 and 1, so one unstable of two.
    std::vector<SiteResult> results{site({{8, 10}, {10, 20}}, {{10, 30}}), site({{10, 25}}, {{10, 25}})};
    CallOptions o;
    const CallSummary s = call_sites(results, o);
    CHECK(s.tested == 2);
    CHECK(s.unstable == 1);
    CHECK(results[0].unstable);
    CHECK_FALSE(results[1].unstable);
    CHECK(summary_table(s) ==
          "sites_tested\tsites_unstable\tpercent_unstable\tmsi_status\tthreshold\n2\t1\t50.00\tMSI-H\t3.5\n");
}
