#include "libsomatic/sig/catalogue.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/channels.hpp"

using namespace somatic;
using namespace somatic::sig;
using somatic::testing::write_text;

namespace {
std::string table(const std::string& header, int skip = -1, const std::string& extra = {}, bool reverse = false) {
    std::string rows;
    for (int i = 0; i < kChannels; ++i) {
        const int c = reverse ? kChannels - 1 - i : i;
        if (c == skip) continue;
        rows += channel_name(c) + "\t" + std::to_string(c) + "\t1\n";
    }
    return header + "\n" + rows + extra;
}

std::string error_of(const std::string& path) {
    try {
        read_channel_table(path, "catalogue");
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}
}  // namespace

TEST_CASE("a catalogue's rows are mapped by name, in any order") {
    const auto t = read_channel_table(write_text("cat_rev.tsv", table("MutationType\ta\tb", -1, {}, true)), "catalogue");
    REQUIRE(t.columns == std::vector<std::string>{"a", "b"});
    CHECK(t.values(0, 0) == 0);
    CHECK(t.values(95, 0) == 95);
    CHECK(t.values(40, 1) == 1);
    const std::string text = format_catalogue(t);
    CHECK(text.substr(0, 34) == "MutationType\ta\tb\nA[C>A]A\t0\t1\nA[C>A");
}

TEST_CASE("MutationalPatterns' two-column layout reads the same") {
    std::string text = "Type\tSubtype\tx\n";
    for (int c = 0; c < kChannels; ++c) {
        const std::string n = channel_name(c);  // A[C>A]A -> C>A ACA
        text += n.substr(2, 3) + "\t" + n[0] + n[2] + n[6] + "\t" + std::to_string(c) + "\n";
    }
    const auto t = read_channel_table(write_text("cat_mp.tsv", text), "catalogue");
    CHECK(t.values(17, 0) == 17);
}

TEST_CASE("missing, unknown and duplicate channels are errors naming them") {
    CHECK(error_of(write_text("cat_missing.tsv", table("MutationType\ta\tb", 5))).find("lacks 1 of the 96 SBS96 channels (C[C>A]C)") !=
          std::string::npos);
    CHECK(error_of(write_text("cat_extra.tsv", table("MutationType\ta\tb", -1, "A[G>A]A\t1\t1\n"))).find("'A[G>A]A' that is not an SBS96 channel") !=
          std::string::npos);
    CHECK(error_of(write_text("cat_dup.tsv", table("MutationType\ta\tb", -1, "A[C>A]A\t1\t1\n"))).find("appears twice") !=
          std::string::npos);
    CHECK(error_of(write_text("cat_neg.tsv", "MutationType\ta\nA[C>A]A\t-1\n")).find("not a number >= 0") != std::string::npos);
    CHECK(error_of(write_text("cat_width.tsv", "MutationType\ta\tb\nA[C>A]A\t1\n")).find("expected 3 columns, found 2 at line 2") !=
          std::string::npos);
    CHECK(error_of(write_text("cat_noheader.tsv", "# only a comment\n")).find("no header line") != std::string::npos);
}
