#include "libsomatic/io/bed_reader.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"

using namespace somatic;
using somatic::testing::write_text;

TEST_CASE("BED is read as it is: 0-based half-open, header lines skipped") {
    const auto bed = write_text("a.bed", "track name=x\n#comment\nchr1\t0\t100\tgene1\n\nchr2\t5\t10\r\n");
    const auto records = read_bed(bed);
    REQUIRE(records.size() == 2);
    CHECK(records[0].interval == Interval{"chr1", 0, 100});
    REQUIRE(records[0].extra.size() == 1);
    CHECK(records[0].extra[0] == "gene1");
    CHECK(records[1].interval == Interval{"chr2", 5, 10});
}

TEST_CASE("malformed BED lines name the file and the line") {
    auto message = [](const std::string& text, const ContigDict* d = nullptr) {
        const auto bed = write_text("bad.bed", text);
        try {
            read_bed(bed, d);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("ok");
    };
    CHECK(message("chr1\t10\n").find("at line 1") != std::string::npos);
    CHECK(message("chr1\t0\t10\nchr1\tx\t10\n").find("column 'start' holds 'x', not an integer at line 2") != std::string::npos);
    CHECK(message("chr1\t-5\t10\n").find("must not be negative at line 1") != std::string::npos);
    CHECK(message("chr1\t20\t10\n").find("end is before start") != std::string::npos);
    const ContigDict d({{"chr1", 50}});
    CHECK(message("1\t0\t10\n", &d).find("'chr' prefix") != std::string::npos);
    CHECK(message("chr1\t0\t60\n", &d).find("past the end of chr1") != std::string::npos);
    CHECK(message("chr1\t0\t50\n", &d) == "ok");
}
