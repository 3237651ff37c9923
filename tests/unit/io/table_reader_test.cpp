#include "libsomatic/io/table_reader.hpp"

#include <doctest/doctest.h>
#include <htslib/bgzf.h>

#include <cmath>
#include <string>
#include <vector>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"

using namespace somatic;

namespace {

const TableLocus kAt{"t.tsv", 7};

// The message of the input error `f` throws ("" when it throws none).
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        return e.what();
    }
    return "";
}

std::vector<std::string> all_lines(TableReader& r) {
    std::vector<std::string> out;
    std::string_view line;
    while (r.next(line)) out.emplace_back(line);
    return out;
}

}  // namespace

TEST_CASE("lines come without their newline or '\\r', numbered from 1") {
    const std::string path = testing::write_text("lines.tsv", "a\tb\r\n\nc\n");
    TableReader r(path);
    CHECK(r.name() == path);
    std::string_view line;
    REQUIRE(r.next(line));
    CHECK(line == "a\tb");
    CHECK(r.line_number() == 1);
    REQUIRE(r.next(line));
    CHECK(line.empty());
    REQUIRE(r.next(line));
    CHECK(line == "c");
    CHECK(r.locus().line == 3);
    CHECK(r.locus().where() == "line 3");
    CHECK_FALSE(r.next(line));
}

TEST_CASE("a gzipped (BGZF) table reads as the plain one") {
    const std::string path = testing::scratch("lines.tsv.gz").string();
    const std::string text = "#chrom\tstart\nchr1\t10\n";
    BGZF* f = bgzf_open(path.c_str(), "w");
    REQUIRE(f);
    REQUIRE(bgzf_write(f, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    REQUIRE(bgzf_close(f) == 0);
    TableReader r(path);
    CHECK(all_lines(r) == std::vector<std::string>{"#chrom\tstart", "chr1\t10"});
}

TEST_CASE("a missing file or a directory is named in the error") {
    CHECK(error_of([] { TableReader r(testing::scratch("absent.tsv").string()); }).find("absent.tsv: no such file") !=
          std::string::npos);
    CHECK(error_of([] { TableReader r(testing::scratch("").string()); }).find("is a directory") != std::string::npos);
}

TEST_CASE("fields split on the separator, empty fields kept") {
    std::vector<std::string_view> f;
    split_tabs("a\t\tb", f);
    CHECK(f == std::vector<std::string_view>{"a", "", "b"});
    split_tabs("", f);
    CHECK(f == std::vector<std::string_view>{""});
    split_fields("x,y", ',', f);
    CHECK(f == std::vector<std::string_view>{"x", "y"});
}

TEST_CASE("real numbers: the whole field, finite") {
    CHECK(parse_real("1e-3", kAt, "v") == doctest::Approx(0.001));
    CHECK(parse_real("-2.5", kAt, "v") == -2.5);
    CHECK(parse_real("+4", kAt, "v") == 4);
    CHECK(parse_real(" 4", kAt, "v") == 4);
    CHECK(parse_real("1e-400", kAt, "v") == 0);  // too small to represent: 0
    CHECK(error_of([] { parse_real("12abc", kAt, "v"); }) == "t.tsv: column 'v' holds '12abc', not a number at line 7");
    CHECK(error_of([] { parse_real("", kAt, "v"); }) == "t.tsv: column 'v' holds '', not a number at line 7");
    CHECK(error_of([] { parse_real("+-1", kAt, "v"); }).find("not a number") != std::string::npos);
    CHECK(error_of([] { parse_real("0x10", kAt, "v"); }).find("not a number") != std::string::npos);
    CHECK(error_of([] { parse_real("1e400", kAt, "v"); }) == "t.tsv: column 'v' holds '1e400', out of range at line 7");
    CHECK(error_of([] { parse_real("nan", kAt, "v"); }).starts_with("t.tsv: column 'v' holds NaN at line 7 ("));
    CHECK(error_of([] { parse_real("inf", kAt, "v"); }).starts_with("t.tsv: column 'v' holds an infinite value at line 7 ("));
    CHECK(error_of([] { parse_real("-inf", kAt, "v", true); }).find("infinite") != std::string::npos);
}

TEST_CASE("missing values only where allowed") {
    for (const char* token : {"NA", "nan", "NaN", ".", ""}) {
        CHECK(std::isnan(parse_real(token, kAt, "v", true)));
    }
    CHECK(error_of([] { parse_real("NA", kAt, "v"); }).find("holds 'NA', not a number") != std::string::npos);
}

TEST_CASE("integers and non-negative numbers") {
    CHECK(parse_integer("42", kAt, "start") == 42);
    CHECK(parse_integer("-3", kAt, "start") == -3);
    CHECK(error_of([] { parse_integer("4.5", kAt, "start"); }) == "t.tsv: column 'start' holds '4.5', not an integer at line 7");
    CHECK(error_of([] { parse_integer("", kAt, "start"); }).find("not an integer") != std::string::npos);
    CHECK(error_of([] { parse_integer("99999999999999999999", kAt, "start"); }).find("out of range") != std::string::npos);
    CHECK(parse_non_negative("0", kAt, "S1") == 0);
    CHECK(error_of([] { parse_non_negative("-3", kAt, "S1"); }) == "t.tsv: column 'S1' holds '-3', not a number >= 0 at line 7");
}

TEST_CASE("a row of the wrong width") {
    CHECK(error_of([] { wrong_width(7, 6, kAt); }) == "t.tsv: expected 7 columns, found 6 at line 7");
    CHECK(error_of([] { wrong_width(3, 2, kAt, true, "hint"); }) == "t.tsv: expected at least 3 columns, found 2 at line 7 (hint)");
}

TEST_CASE("a long field is cut short in the message") {
    const std::string field(60, '7');
    const std::string message = error_of([&] { parse_integer(field + "x", kAt, "n"); });
    CHECK(message.find("'" + std::string(40, '7') + "...'") != std::string::npos);
}

TEST_CASE("is_number tells a header from data") {
    CHECK(is_number("1200"));
    CHECK(is_number("1e-3"));
    CHECK_FALSE(is_number("start"));
    CHECK_FALSE(is_number(""));
}
