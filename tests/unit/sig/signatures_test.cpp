#include "libsomatic/sig/signatures.hpp"

#include <doctest/doctest.h>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/channels.hpp"

using namespace somatic;
using namespace somatic::sig;
using somatic::testing::write_text;

namespace {
// Three signatures: flat, all in channel 0, and a column that sums to 0.9.
std::string sigs_text(double third_sum) {
    std::string t = "Type\tSBS1\tSBS2\tSBS45\n";
    for (int c = 0; c < kChannels; ++c) {
        t += channel_name(c) + "\t" + std::to_string(1.0 / 96) + "\t" + (c == 0 ? "1" : "0") + "\t" +
             std::to_string(third_sum / 96) + "\n";
    }
    return t;
}
}  // namespace

TEST_CASE("signature columns must sum to 1") {
    const auto ok = read_signatures(write_text("sigs_ok.tsv", sigs_text(1.0)));
    CHECK(ok.names.size() == 3);
    CHECK(ok.matrix.col(0).sum() == doctest::Approx(1.0).epsilon(1e-12));
    try {
        read_signatures(write_text("sigs_bad.tsv", sigs_text(0.9)));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("signature 'SBS45' sums to 0.9") != std::string::npos);
    }
}

TEST_CASE("artefact signatures and --only/--exclude") {
    CHECK(is_artefact("SBS27"));
    CHECK(is_artefact("SBS45"));
    CHECK(is_artefact("SBS60"));
    CHECK(is_artefact("SBS95"));
    CHECK(!is_artefact("SBS44"));
    CHECK(!is_artefact("SBS61"));
    CHECK(!is_artefact("SBS4"));
    CHECK(!is_artefact("SBS5"));
    const auto all = read_signatures(write_text("sigs_ok2.tsv", sigs_text(1.0)));
    CHECK(choose_signatures(all, {true, {}, {}}, "x").names == std::vector<std::string>{"SBS1", "SBS2"});
    CHECK(choose_signatures(all, {false, {"SBS1"}, {}}, "x").names == std::vector<std::string>{"SBS2", "SBS45"});
    CHECK(choose_signatures(all, {false, {}, {"SBS45"}}, "x").names == std::vector<std::string>{"SBS45"});
    CHECK_THROWS_AS(choose_signatures(all, {false, {"SBS7"}, {}}, "x"), Error);
    CHECK(split_names({"SBS1, SBS2", "SBS3"}) == std::vector<std::string>{"SBS1", "SBS2", "SBS3"});
}
