#include "libsomatic/core/error.hpp"

#include <doctest/doctest.h>

using namespace somatic;

TEST_CASE("an error names the file, the problem, the locus and the hint") {
    const Error e = input_error("calls.vcf", "REF does not match the reference", "chr1:12345", "wrong assembly?");
    CHECK(std::string(e.what()) == "calls.vcf: REF does not match the reference at chr1:12345 (wrong assembly?)");
    CHECK(e.kind() == ErrorKind::input);
    CHECK(e.file() == "calls.vcf");
    CHECK(e.locus() == "chr1:12345");
}

TEST_CASE("empty parts are left out of the message") {
    CHECK(std::string(usage_error("--threads must be at least 1").what()) == "--threads must be at least 1");
    CHECK(std::string(io_error("out.vcf", "cannot write").what()) == "out.vcf: cannot write");
    CHECK(usage_error("x").kind() == ErrorKind::usage);
}

TEST_CASE("'-' is shown as standard input or output") {
    CHECK(display_name("-") == "standard input");
    CHECK(display_name("-", true) == "standard output");
    CHECK(display_name("a.bam") == "a.bam");
}
