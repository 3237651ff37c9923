#include "libsomatic/snv/pipeline.hpp"

#include <doctest/doctest.h>

#include "libsomatic/cli/flag_names.hpp"
#include "libsomatic/core/error.hpp"

using namespace somatic;

namespace {
snv::PipelineOptions complete() {
    snv::PipelineOptions o;
    o.inputs.tumour = "t.bam";
    o.inputs.normal = "n.bam";
    o.inputs.reference = "ref.fa";
    return o;
}
}  // namespace

TEST_CASE("the snv options' defaults pass their checks") {
    CHECK_NOTHROW(complete().validate());
    CHECK_NOTHROW(snv::CallerOptions{}.validate());
}

TEST_CASE("validate() names the field that is wrong") {
    auto o = complete();
    o.inputs.normal.clear();  // tumour-only mode needs the germline resource ...
    CHECK_THROWS_WITH(o.validate(), "inputs.germline_resource is required without inputs.normal (tumour-only calling "
                                    "weighs each site's population allele frequency to tell germline variants from "
                                    "somatic ones)");
    o.inputs.germline_resource = "gnomad.vcf.gz";
    CHECK_NOTHROW(o.validate());
    o.germline_hets_output = "hets.vcf";  // ... and has no normal hets to write
    CHECK_THROWS_WITH(o.validate(), "germline_hets_output needs inputs.normal (the hets are the normal's)");
    o = complete();
    o.caller.priors.population_af_absent = 0;
    CHECK_THROWS_WITH(o.validate(), "priors.population_af_absent must be between 0 and 0.01");
    o = complete();
    o.caller.filters.max_germline_probability = 0;
    CHECK_THROWS_WITH(o.validate(), "filters.max_germline_probability must be above 0 and at most 1");
    o = complete();
    o.chunk_size = 999;
    CHECK_THROWS_WITH(o.validate(), "chunk_size must be at least 1000");
    o = complete();
    o.caller.min_alt_reads = 0;
    CHECK_THROWS_WITH(o.validate(), "min_alt_reads must be at least 1");
    o = complete();
    o.caller.priors.max_tumour_in_normal = 0.6;
    CHECK_THROWS_WITH(o.validate(), "priors.max_tumour_in_normal must be between 0 and 0.5");
    o = complete();
    o.target_padding = -1;
    CHECK_THROWS_WITH(o.validate(), "target_padding must be at least 0");
    o = complete();
    o.caller.priors.shared = 0.5;  // only a start when estimated ...
    CHECK_NOTHROW(o.validate());
    o.caller.estimate_shared_prior = false;  // ... checked when given
    CHECK_THROWS_WITH(o.validate(), "priors.shared must be between 0 and 0.01");
    o.caller.priors.shared = 0;
    CHECK_THROWS_WITH(o.validate(), "priors.shared must be between 0 and 0.01");
    try {
        o.validate();
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
    }
}

TEST_CASE("the target padding's default is the one targets.hpp states") {
    CHECK(snv::PipelineOptions{}.target_padding == snv::kDefaultTargetPadding);
}

TEST_CASE("at the tool's edge the field becomes its flag") {
    auto o = complete();
    o.caller.priors.max_tumour_in_normal = -0.1;
    const cli::FlagNames flags{{"priors.max_tumour_in_normal", "--tumour-in-normal"}};
    CHECK_THROWS_WITH(cli::with_flags(flags, [&] { o.validate(); }), "--tumour-in-normal must be between 0 and 0.5");
}
