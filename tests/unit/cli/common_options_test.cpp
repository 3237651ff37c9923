#include "libsomatic/cli/common_options.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"

using namespace somatic;
namespace po = boost::program_options;

namespace {
CommonOptions parse(std::vector<std::string> args) {
    CommonOptions o;
    auto desc = common_options(o);
    std::vector<const char*> argv{"tool"};
    for (auto& a : args) argv.push_back(a.c_str());
    po::variables_map vm;
    po::store(po::parse_command_line(static_cast<int>(argv.size()), argv.data(), desc), vm);
    po::notify(vm);
    return o;
}
const ContigDict kDict({{"chr1", 10000}, {"chr2", 5000}});
}  // namespace

TEST_CASE("the shared options parse with their defaults") {
    const auto o = parse({});
    CHECK(o.threads == 1);
    CHECK(o.output == "-");
    CHECK_FALSE(o.no_version);
    const auto o2 = parse({"--threads", "4", "-o", "x.vcf.gz", "-O", "z", "--no-version", "-f", "ref.fa"});
    CHECK(o2.threads == 4);
    CHECK(o2.output == "x.vcf.gz");
    CHECK(o2.output_type == "z");
    CHECK(o2.reference == "ref.fa");
    CHECK(o2.no_version);
    CHECK_THROWS_AS(validate(parse({"--threads", "0"})), Error);
}

TEST_CASE("a tool can leave out the options it has no use for") {
    CommonOptions o;
    const auto all = common_options(o);
    CHECK(all.find_nothrow("threads", false) != nullptr);
    CHECK(all.find_nothrow("no-version", false) != nullptr);
    const auto some = common_options(o, {.reference = true, .regions = true, .output_type = false, .threads = false,
                                         .no_version = false});
    CHECK(some.find_nothrow("threads", false) == nullptr);
    CHECK(some.find_nothrow("no-version", false) == nullptr);
    CHECK(some.find_nothrow("output-type", false) == nullptr);
    CHECK(some.find_nothrow("regions-file", false) != nullptr);
    CHECK(some.find_nothrow("output", false) != nullptr);
}

TEST_CASE("regions from -r (repeated or comma-separated) and -R are sorted and merged") {
    auto o = parse({"-r", "chr2:1-100,chr1:1,001-2,000", "-r", "chr1:1500-2500"});
    auto r = resolve_regions(o, kDict);
    REQUIRE(r.size() == 2);
    CHECK(r[0] == Interval{"chr1", 1000, 2500});
    CHECK(r[1] == Interval{"chr2", 0, 100});

    const auto bed = testing::write_text("regions.bed", "chr2\t10\t20\nchr1\t0\t5\n");
    o = parse({"-R", bed});
    r = resolve_regions(o, kDict);
    REQUIRE(r.size() == 2);
    CHECK(r[0] == Interval{"chr1", 0, 5});

    r = resolve_regions(parse({}), kDict);
    REQUIRE(r.size() == 2);
    CHECK(r[1] == Interval{"chr2", 0, 5000});
}

TEST_CASE("an empty or zero-length regions file is an error") {
    CHECK_THROWS_AS(resolve_regions(parse({"-R", testing::write_text("empty.bed", "")}), kDict), Error);
    CHECK_THROWS_AS(resolve_regions(parse({"-R", testing::write_text("zero.bed", "chr1\t5\t5\n")}), kDict), Error);
    CHECK_THROWS_AS(resolve_regions(parse({"-r", "chr1:20000-30000"}), kDict), Error);
}

TEST_CASE("check_distinct_outputs: one file may not take two outputs") {
    const std::string a = somatic::testing::scratch("calls.bed").string();
    const std::string dir = std::filesystem::path(a).parent_path().string();
    CHECK_NOTHROW(check_distinct_outputs({{"-o", a}, {"--seg", dir + "/calls.seg"}, {"--summary", ""}, {"--plot", ""}}));
    CHECK_THROWS_WITH(check_distinct_outputs({{"-o", a}, {"--seg", a}}),
                      doctest::Contains("-o and --seg name the same output"));
    // Spelled differently, the same file (it need not exist yet).
    CHECK_THROWS_WITH(check_distinct_outputs({{"-o", a}, {"--plot", dir + "/./sub/../calls.bed"}}),
                      doctest::Contains("-o and --plot"));
    CHECK_THROWS_WITH(check_distinct_outputs({{"-o", "-"}, {"--seg", "-"}}), doctest::Contains("standard output"));
    // Outputs not asked for, and devices, are no clash.
    CHECK_NOTHROW(check_distinct_outputs({{"-o", "-"}, {"--seg", ""}, {"--plot", ""}}));
    CHECK_NOTHROW(check_distinct_outputs({{"-o", "/dev/null"}, {"--seg", "/dev/null"}}));
}
