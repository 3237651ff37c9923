#include "libsomatic/cli/parser.hpp"

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

#include "somatic_version.h"

using namespace somatic;
namespace po = boost::program_options;

namespace {
// Runs the parser on `args` (after a program name) with standard output
// captured; returns parse()'s answer.
bool run(cli::Parser& parser, std::vector<std::string> args, std::string& printed) {
    std::vector<char*> argv{const_cast<char*>("segment")};
    for (auto& a : args) argv.push_back(a.data());
    std::ostringstream out;
    auto* saved = std::cout.rdbuf(out.rdbuf());
    bool go_on = false;
    try {
        go_on = parser.parse(static_cast<int>(argv.size()), argv.data());
    } catch (...) {
        std::cout.rdbuf(saved);
        throw;
    }
    std::cout.rdbuf(saved);
    printed = out.str();
    return go_on;
}

struct Toy {
    int min_bins = 3;
    double penalty = 2;
    double tiny = 1e-8;
    std::string sex = "auto";
};

po::options_description toy_options(Toy& t) {
    po::options_description d("Segmentation");
    d.add_options()
        ("min-bins", cli::value(&t.min_bins), "the shortest segment")
        ("penalty", cli::value(&t.penalty), "sensitivity")
        ("tiny", cli::value(&t.tiny), "a small prior")
        ("sex", cli::value(&t.sex), "the sex");
    return d;
}
}  // namespace

TEST_CASE("a subcommand answers --version as its tool does") {
    Toy t;
    cli::Parser parser("somatic-cnv", "Usage: somatic-cnv segment [options] ratios.tsv");
    parser.add(toy_options(t));
    std::string printed;
    CHECK_FALSE(run(parser, {"--version"}, printed));
    CHECK(printed == std::string("somatic-cnv ") + SOMATIC_VERSION + "\n");
    CHECK(cli::version_line("somatic-sig") == std::string("somatic-sig ") + SOMATIC_VERSION);
}

TEST_CASE("--help: usage, the groups with the structs' defaults, the information group and the footer") {
    Toy t;
    cli::Parser parser("somatic-cnv", "Usage: somatic-cnv segment [options] ratios.tsv\n");
    parser.add(toy_options(t));
    std::string printed;
    CHECK_FALSE(run(parser, {"-h"}, printed));
    CHECK(printed == parser.help());
    CHECK(printed.starts_with("Usage: somatic-cnv segment [options] ratios.tsv\n\nSegmentation:\n"));
    CHECK(printed.find("--min-bins arg (=3)") != std::string::npos);
    CHECK(printed.find("--penalty arg (=2)") != std::string::npos);
    CHECK(printed.find("--tiny arg (=1e-8)") != std::string::npos);
    CHECK(printed.find("--sex arg (=auto)") != std::string::npos);
    CHECK(printed.find("Information:\n  -h [ --help ]") != std::string::npos);
    CHECK(printed.find("--version") != std::string::npos);
    CHECK(printed.ends_with("\n\nSee 'man somatic-cnv' for what each option does.\n"));
    CHECK(printed.find("\n\n\n") == std::string::npos);
}

TEST_CASE("values and positional arguments reach the bound variables") {
    Toy t;
    std::vector<std::string> files;
    cli::Parser parser("somatic-cnv", "Usage");
    parser.add(toy_options(t)).positional(files, 1);
    std::string printed;
    CHECK(run(parser, {"--min-bins", "5", "ratios.tsv"}, printed));
    CHECK(printed.empty());
    CHECK(t.min_bins == 5);
    CHECK(t.penalty == 2);
    REQUIRE(files.size() == 1);
    CHECK(files[0] == "ratios.tsv");

    Toy u;
    std::vector<std::string> more;
    cli::Parser two("somatic-cnv", "Usage");
    two.add(toy_options(u)).positional(more, 1);
    CHECK_THROWS_AS(run(two, {"a.tsv", "b.tsv"}, printed), po::error);
    CHECK_THROWS_AS(run(two, {"--bogus"}, printed), po::error);
}

TEST_CASE("an option's prefix is not taken for it (a renamed option's old name must fail)") {
    Toy t;
    cli::Parser parser("somatic-cnv", "Usage");
    parser.add(toy_options(t));
    std::string printed;
    CHECK_THROWS_AS(run(parser, {"--min-bin", "5"}, printed), po::error);
    CHECK(t.min_bins == 3);
    CHECK(run(parser, {"--min-bins", "5"}, printed));
    CHECK(t.min_bins == 5);
}

TEST_CASE("defaults print as typed") {
    CHECK(cli::format_default(1e-8) == "1e-8");
    CHECK(cli::format_default(0.1) == "0.1");
    CHECK(cli::format_default(0.01) == "0.01");
    CHECK(cli::format_default(20) == "20");
    CHECK(cli::format_default(250000) == "250000");
    CHECK(cli::format_default(1.5) == "1.5");
    CHECK(cli::format_default(6.7e-4) == "0.00067");
    CHECK(cli::format_default(-3) == "-3");
}
