#include "libsomatic/core/interval.hpp"

#include <doctest/doctest.h>

#include "libsomatic/core/contigs.hpp"
#include "libsomatic/core/error.hpp"

using namespace somatic;

namespace {
ContigDict dict() { return ContigDict({{"chr1", 1000}, {"chr2", 500}, {"HLA-A*01:01:01:01", 3000}}); }
}  // namespace

TEST_CASE("region strings are 1-based inclusive outside, 0-based half-open inside") {
    const auto d = dict();
    CHECK(parse_region("chr1", d) == Interval{"chr1", 0, 1000});
    CHECK(parse_region("chr1:101-200", d) == Interval{"chr1", 100, 200});
    CHECK(parse_region("chr1:1-1", d) == Interval{"chr1", 0, 1});
    CHECK(parse_region("chr1:901", d) == Interval{"chr1", 900, 1000});
    CHECK(parse_region("chr1:901-", d) == Interval{"chr1", 900, 1000});
    CHECK(parse_region("chr2:1-500", d) == Interval{"chr2", 0, 500});
    CHECK(Interval{"chr1", 100, 200}.to_region_string() == "chr1:101-200");
}

TEST_CASE("thousands separators and contig names with colons") {
    const ContigDict d({{"chr1", 5000}, {"HLA-A*01:01:01:01", 3000}});
    CHECK(parse_region("chr1:1,001-2,000", d) == Interval{"chr1", 1000, 2000});
    CHECK(parse_region("HLA-A*01:01:01:01", d) == Interval{"HLA-A*01:01:01:01", 0, 3000});
    CHECK(parse_region("HLA-A*01:01:01:01:11-20", d) == Interval{"HLA-A*01:01:01:01", 10, 20});
    CHECK(parse_region("{HLA-A*01:01:01:01}", d) == Interval{"HLA-A*01:01:01:01", 0, 3000});
    CHECK(parse_region("{HLA-A*01:01:01:01}:11-20", d) == Interval{"HLA-A*01:01:01:01", 10, 20});
    CHECK(parse_region("{chr1}:5-6", d) == Interval{"chr1", 4, 6});
}

TEST_CASE("a string that names a contig and a range of another is ambiguous; braces choose") {
    const ContigDict d({{"chr1", 5000}, {"chr1:1-10", 300}});
    CHECK_THROWS_WITH_AS(parse_region("chr1:1-10", d),
                         doctest::Contains("ambiguous: a contig of that name and a range of chr1"), Error);
    CHECK(parse_region("{chr1:1-10}", d) == Interval{"chr1:1-10", 0, 300});
    CHECK(parse_region("{chr1}:1-10", d) == Interval{"chr1", 0, 10});
    CHECK(parse_region("chr1:1-10:5-6", d) == Interval{"chr1:1-10", 4, 6});
    CHECK_THROWS_AS(parse_region("{chr1", d), Error);
    CHECK_THROWS_AS(parse_region("{chr1}x", d), Error);
}

TEST_CASE("bad regions are usage errors that say what is wrong") {
    const auto d = dict();
    auto message = [&](const char* r) {
        try {
            parse_region(r, d);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::usage);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message("chr3:1-10").find("no such contig 'chr3'") != std::string::npos);
    CHECK(message("1:1-10").find("'chr' prefix") != std::string::npos);
    CHECK(message("chr1:200-100").find("zero-length") != std::string::npos);
    CHECK(message("chr1:0-10").find("1-based") != std::string::npos);
    CHECK(message("chr1:1001-1002").find("past the end") != std::string::npos);
    CHECK(message("chr1:900-1001").find("past the end") != std::string::npos);
    CHECK(message("chr1:abc").find("not a number") != std::string::npos);
    CHECK(message("").find("empty") != std::string::npos);
}

TEST_CASE("intervals sort in dictionary order and merge when they overlap or touch") {
    const auto d = dict();
    auto merged = sort_and_merge({{"chr2", 10, 20}, {"chr1", 50, 60}, {"chr1", 0, 10}, {"chr1", 10, 15},
                                  {"chr1", 55, 70}, {"chr2", 30, 40}},
                                 d);
    REQUIRE(merged.size() == 4);
    CHECK(merged[0] == Interval{"chr1", 0, 15});
    CHECK(merged[1] == Interval{"chr1", 50, 70});
    CHECK(merged[2] == Interval{"chr2", 10, 20});
    CHECK(merged[3] == Interval{"chr2", 30, 40});
}
