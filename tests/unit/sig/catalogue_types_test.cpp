// ID83 and DBS78 tables through the same spine as SBS96: read by channel
// name, the type from the rows, fit on any type, and a catalogue of one type
// refused against signatures of another.
#include <doctest/doctest.h>

#include <cmath>

#include "../test_files.hpp"
#include "../thrown_message.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/sig/catalogue.hpp"
#include "libsomatic/sig/channel_set.hpp"
#include "libsomatic/sig/extract.hpp"
#include "libsomatic/sig/pipeline.hpp"

using namespace somatic;
using somatic::testing::thrown_message;
using namespace somatic::sig;
using somatic::testing::write_text;

namespace {

// A table of `type` with one column per entry of `columns`, filled by f(channel, column).
template <class F>
std::string table_text(CatalogueType type, const std::vector<std::string>& columns, F f, const std::string& first_col = "Type") {
    const ChannelSet& set = channel_set(type);
    std::string out = first_col;
    for (const auto& c : columns) out += "\t" + c;
    out += "\n";
    for (int ch = set.size() - 1; ch >= 0; --ch) {  // reversed: rows are mapped by name
        out += set.names[static_cast<size_t>(ch)];
        for (size_t j = 0; j < columns.size(); ++j) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.10g", static_cast<double>(f(ch, j)));
            out += std::string("\t") + buf;
        }
        out += "\n";
    }
    return out;
}

// Three hand-made ID83 signatures: A all on 1 bp T deletions in long
// homopolymers (1:Del:T:3-5, as slippage), B on microhomology deletions
// (72-82, as in HRD's ID6), C flat.
double id_signature(int ch, size_t j) {
    if (j == 0) return ch >= 9 && ch <= 11 ? 1.0 / 3 : 0;
    if (j == 1) return ch >= 72 ? 1.0 / 11 : 0;
    return 1.0 / 83;
}

}  // namespace

TEST_CASE("ID83 and DBS78 tables are known by their rows") {
    auto id = read_channel_table(write_text("types_id.tsv", table_text(CatalogueType::id83, {"s"}, [](int ch, size_t) { return ch; })), "catalogue");
    CHECK(id.type == CatalogueType::id83);
    REQUIRE(id.values.rows() == 83);
    CHECK(id.values(0, 0) == 0);
    CHECK(id.values(82, 0) == 82);
    auto dbs = read_channel_table(write_text("types_dbs.tsv", table_text(CatalogueType::dbs78, {"s"}, [](int ch, size_t) { return ch; })), "catalogue");
    CHECK(dbs.type == CatalogueType::dbs78);
    CHECK(dbs.values.rows() == 78);
    // Written back in COSMIC order.
    const std::string text = format_catalogue(dbs);
    CHECK(text.rfind("MutationType\ts\nAC>CA\t0\nAC>CG\t1\n", 0) == 0);
    // An SBS96 row in an ID83 table is not an ID83 channel.
    std::string mixed = table_text(CatalogueType::id83, {"s"}, [](int, size_t) { return 1; });
    mixed += "A[C>A]A\t1\n";
    CHECK(thrown_message([&] { read_channel_table(write_text("types_mixed.tsv", mixed), "catalogue"); })
              .find("the catalogue has a row 'A[C>A]A' that is not an ID83 channel") != std::string::npos);
    // A missing ID83 row.
    std::string missing = table_text(CatalogueType::id83, {"s"}, [](int, size_t) { return 1; });
    missing.erase(missing.find("1:Del:C:0"), std::string("1:Del:C:0\t1\n").size());
    CHECK(thrown_message([&] { read_channel_table(write_text("types_missing.tsv", missing), "catalogue"); })
              .find("lacks 1 of the 83 ID83 channels (1:Del:C:0)") != std::string::npos);
}

TEST_CASE("fit on a synthetic ID83 catalogue recovers the exposures it was made of") {
    const std::string sigs = write_text("types_id_sigs.tsv", table_text(CatalogueType::id83, {"IDA", "IDB", "IDC"}, id_signature));
    // Expected counts (not sampled): 300 from A, 200 from B, 166 from C.
    const std::string cat = write_text("types_id_cat.tsv", table_text(CatalogueType::id83, {"tumour"}, [](int ch, size_t) {
        return 300 * id_signature(ch, 0) + 200 * id_signature(ch, 1) + 166 * id_signature(ch, 2);
    }, "MutationType"));
    FitRun run;
    run.inputs = {cat};
    run.signatures = sigs;
    run.output = testing::scratch("types_id_exposures.tsv").string();
    const FitResult r = run_fit(run);
    REQUIRE(r.fits.size() == 1);
    CHECK(r.signatures.type == CatalogueType::id83);
    CHECK(r.fits[0].exposures(0) == doctest::Approx(300).epsilon(1e-4));
    CHECK(r.fits[0].exposures(1) == doctest::Approx(200).epsilon(1e-4));
    CHECK(r.fits[0].exposures(2) == doctest::Approx(166).epsilon(1e-4));
    CHECK(r.fits[0].cosine == doctest::Approx(1).epsilon(1e-9));
}

TEST_CASE("a catalogue and signatures of different types: one error naming both") {
    const std::string sigs = write_text("types_id_sigs2.tsv", table_text(CatalogueType::id83, {"IDA", "IDB", "IDC"}, id_signature));
    const std::string cat = write_text("types_dbs_cat.tsv", table_text(CatalogueType::dbs78, {"tumour"}, [](int, size_t) { return 2; }));
    FitRun run;
    run.inputs = {cat};
    run.signatures = sigs;
    run.output = testing::scratch("types_mismatch.tsv").string();
    const std::string what = thrown_message([&] { run_fit(run); });
    CHECK(what.find("types_id_sigs2.tsv: has ID83 channels, but the catalogue of ") != std::string::npos);
    CHECK(what.find("types_dbs_cat.tsv is DBS78 (") != std::string::npos);
    CHECK(what.find('\n') == std::string::npos);
    // And --type asking for another type than the tables have.
    BuildOptions b;
    b.type = CatalogueType::sbs96;
    CHECK(thrown_message([&] { build_catalogue({cat}, b); }).find("is a DBS78 catalogue, but the catalogue being built is SBS96") !=
          std::string::npos);
}

TEST_CASE("extracted signatures are named after the catalogue's type") {
    CHECK(extracted_names(2, "ID83") == std::vector<std::string>{"ID83A", "ID83B"});
    CHECK(extracted_names(1, "DBS78") == std::vector<std::string>{"DBS78A"});
    CHECK(all_types_outputs("out/p") ==
          std::vector<std::string>{"out/p.SBS96.tsv", "out/p.ID83.tsv", "out/p.DBS78.tsv"});
}
