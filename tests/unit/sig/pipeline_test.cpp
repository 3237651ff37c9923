#include "libsomatic/sig/pipeline.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../test_files.hpp"
#include "libsomatic/sig/channels.hpp"
#include "libsomatic/sig/option_error.hpp"
#include "libsomatic/sig/random.hpp"

using namespace somatic;
using namespace somatic::sig;
namespace fs = std::filesystem;

namespace {

const std::string kSignatures = std::string(SOMATIC_TESTDATA) + "/sig/signatures.tsv";

// Two samples drawn from the test signatures SIG_A and SIG_C.
std::string catalogue_file() {
    const SignatureSet s = read_signatures(kSignatures);
    ChannelTable t;
    t.columns = {"one", "two"};
    t.values.resize(kChannels, 2);
    Rng rng(7, 0);
    t.values.col(0) = multinomial(rng, 400, 0.7 * s.matrix.col(0) + 0.3 * s.matrix.col(2));
    t.values.col(1) = multinomial(rng, 300, s.matrix.col(2));
    return testing::write_text("pipeline_catalogue.tsv", format_catalogue(t));
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

FitRun fit_run() {
    FitRun run;
    run.inputs = {catalogue_file()};
    run.signatures = kSignatures;
    run.output = testing::scratch("pipeline_exposures.tsv").string();
    return run;
}

}  // namespace

TEST_CASE("run_fit's steps: signatures chosen, catalogue built, samples fitted, tables written") {
    FitRun run = fit_run();
    run.choice.exclude = {"SIG_B"};
    const SignatureSet chosen = load_signatures(run);
    CHECK(chosen.names == std::vector<std::string>{"SIG_A", "SIG_C"});
    const ChannelTable catalogue = load_catalogue(run.inputs, run.build);
    CHECK(catalogue.columns == std::vector<std::string>{"one", "two"});
    const auto fits = fit_samples(catalogue, chosen, run);
    REQUIRE(fits.size() == 2);
    CHECK(fits[0].mutations == 400);
    CHECK(fits[1].exposures(0) < fits[1].exposures(1));

    const FitResult r = run_fit(run);
    const std::string table = slurp(run.output);
    CHECK(table.starts_with("Sample\tSIG_A\tSIG_C\tMutations\tCosine\tUnexplained\tExpectedUnexplained\n"));
    CHECK(table.find("\none\t") != std::string::npos);
    CHECK(r.fits.size() == 2);
}

TEST_CASE("a fit run is checked before any work, in its own field names") {
    FitRun run = fit_run();
    run.signatures.clear();
    CHECK_THROWS_WITH_AS(run.validate(), doctest::Contains("signatures is required"), OptionError);
    run = fit_run();
    run.bootstrap_out = "b.tsv";
    CHECK_THROWS_WITH_AS(run.validate(), "bootstrap_out needs bootstrap N", OptionError);
    run = fit_run();
    run.fit.common_bonus = -1;
    CHECK_THROWS_WITH_AS(run.validate(), "common_bonus must be a number >= 0", OptionError);
    run = fit_run();
    run.build.catalogue.max_ref_mismatch = 2;
    CHECK_THROWS_WITH_AS(run.validate(), "max_ref_mismatch must be a fraction between 0 and 1", OptionError);
}

TEST_CASE("the catalogue run writes the merged catalogue") {
    CatalogueRun run;
    run.inputs = {catalogue_file()};
    run.output = testing::scratch("pipeline_merged.tsv").string();
    run_catalogue(run);
    CHECK(slurp(run.output) == slurp(run.inputs[0]));
}

TEST_CASE("extract options are checked in their own field names") {
    ExtractOptions o;
    CHECK_NOTHROW(o.validate());
    o.min_k = 0;
    CHECK_THROWS_WITH_AS(o.validate(), "min_k must be at least 1", OptionError);
    o = {};
    o.max_k = 0;
    CHECK_THROWS_WITH_AS(o.validate(), "max_k must be at least min_k", OptionError);
    o = {};
    o.min_stability = 2;
    CHECK_THROWS_WITH_AS(o.validate(), "min_stability must be between -1 and 1", OptionError);
    o = {};
    o.nmf.max_iterations = 0;
    CHECK_THROWS_WITH_AS(o.validate(), "nmf.max_iterations must be at least 1", OptionError);
}
