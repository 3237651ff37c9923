// DBS78: names, and the folding of a doublet onto COSMIC's strand.
#include "libsomatic/sig/dbs78.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "shared_data.hpp"

using namespace somatic::sig;

namespace {
std::string name_of(const std::string& ref, const std::string& alt) {
    const int ch = dbs78_channel(ref, alt);
    return ch < 0 ? std::string("none") : dbs78_channel_names()[static_cast<size_t>(ch)];
}
}  // namespace

TEST_CASE("DBS78 folding: as written, or reverse-complemented") {
    CHECK(name_of("CC", "TT") == "CC>TT");  // UV light's doublet, as written
    // GG>AA read on the other strand: CC>TT.
    CHECK(name_of("GG", "AA") == "CC>TT");
    // AG>TC: reverse complement of AG is CT, of TC is GA -> CT>GA.
    CHECK(name_of("AG", "TC") == "CT>GA");
    // GT>CA -> AC>TG.
    CHECK(name_of("GT", "CA") == "AC>TG");
    // Palindromic REFs: AT>TG is AT>CA read on the other strand; CG>AA is
    // CG>TT; GC>TT is GC>AA; TA>AC is TA>GT.
    CHECK(name_of("AT", "TG") == "AT>CA");
    CHECK(name_of("CG", "AA") == "CG>TT");
    CHECK(name_of("GC", "TT") == "GC>AA");
    CHECK(name_of("TA", "AC") == "TA>GT");
    CHECK(name_of("cc", "tt") == "CC>TT");
    // Not doublets: a base unchanged, an N, the wrong length.
    CHECK(name_of("CC", "CT") == "none");
    CHECK(name_of("CN", "TT") == "none");
    CHECK(name_of("CCC", "TTT") == "none");
}

TEST_CASE("DBS78: every doublet has one channel, every channel one or two doublets") {
    const auto names = dbs78_channel_names();
    REQUIRE(names.size() == 78);
    CHECK(std::set<std::string>(names.begin(), names.end()).size() == 78);
    const std::string b = "ACGT";
    std::map<int, int> hits;
    int doublets = 0;
    for (char r1 : b) for (char r2 : b) for (char a1 : b) for (char a2 : b) {
        if (a1 == r1 || a2 == r2) continue;
        ++doublets;
        const int ch = dbs78_channel(std::string{r1, r2}, std::string{a1, a2});
        REQUIRE(ch >= 0);
        ++hits[ch];
    }
    // 16 REFs x 9 ALTs; a channel is one doublet and its reverse complement,
    // the same doublet for the 4 x 6 palindromic pairs.
    CHECK(doublets == 144);
    CHECK(hits.size() == 78);
    int palindromic = 0;
    for (auto [ch, n] : hits) {
        CHECK((n == 1 || n == 2));
        const std::string& nm = names[static_cast<size_t>(ch)];
        const bool pal = nm.substr(0, 2) == "AT" || nm.substr(0, 2) == "CG" || nm.substr(0, 2) == "GC" || nm.substr(0, 2) == "TA";
        if (pal) ++palindromic;
        CHECK(n == (pal && (nm.substr(3) == "CG" || nm.substr(3) == "GC" || nm.substr(3) == "AT" || nm.substr(3) == "TA") ? 1 : 2));
    }
    CHECK(palindromic == 24);
    // The plot's groups, by REF.
    CHECK(dbs78_group(0) == 0);
    CHECK(dbs78_group(77) == 9);
}

TEST_CASE("DBS78 channel names equal COSMIC v3.4's table, when ../shared has it") {
    const auto rows = somatic::testing::shared_signature_rows("COSMIC_v3.4_DBS_GRCh37.txt");
    if (rows.empty()) {
        MESSAGE("skipped: ../shared/data/signatures/COSMIC_v3.4_DBS_GRCh37.txt is absent");
        return;
    }
    CHECK(rows == dbs78_channel_names());
}
