// somatic-report: one patient's results as one self-contained HTML page (and
// JSON), and a cohort's summary table. Parsing here; everything else in
// libsomatic/report.
#include <cstdlib>
#include <ctime>

#include "libsomatic/cli/parser.hpp"
#include "libsomatic/cli/subcommands.hpp"
#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/atomic_output.hpp"
#include "libsomatic/core/error.hpp"
#include "libsomatic/core/log.hpp"
#include "libsomatic/io/table_writer.hpp"
#include "libsomatic/report/cohort.hpp"
#include "libsomatic/report/headline.hpp"
#include "libsomatic/report/html_writer.hpp"
#include "libsomatic/report/json_writer.hpp"
#include "libsomatic/report/report.hpp"
#include "somatic_version.h"

using namespace somatic;
namespace po = boost::program_options;

namespace {

// When the report is written: now, or SOURCE_DATE_EPOCH (seconds since
// 1970) so that two runs on one input give the same bytes.
std::string report_date() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long v = std::strtoll(epoch, &end, 10);
        if (*end != '\0' || v < 0) throw usage_error("SOURCE_DATE_EPOCH is not a number of seconds");
        t = static_cast<std::time_t>(v);
    }
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
}

int run_render(int argc, char** argv) {
    report::ReportInputs in;
    std::string output, json;
    bool verbose = false;
    po::options_description inputs("Inputs (each optional: a section without its input says which would fill it)");
    inputs.add_options()
        ("snv", po::value(&in.snv)->value_name("VCF"),
         "somatic small variants (somatic-snv's VCF, annotated by bcftools csq, VEP or SnpEff for genes and consequences)")
        ("callable", po::value(&in.callable)->value_name("BED"),
         "the callable territory (somatic-snv --callable): the denominator of the TMB")
        ("cnv", po::value(&in.cnv)->value_name("BED"), "somatic-cnv's copy-number calls (its BED output)")
        ("cnv-summary", po::value(&in.cnv_summary)->value_name("TSV"),
         "somatic-cnv's summary table: purity, ploidy, alternative solutions, HRD score")
        ("signatures", po::value(&in.signatures)->value_name("TSV"),
         "somatic-sig fit's exposures table (intervals when it was fitted with a bootstrap)")
        ("catalogue", po::value(&in.catalogue)->value_name("TSV"),
         "somatic-sig catalogue's table: draws the sample's mutational spectrum")
        ("msi", po::value(&in.msi)->value_name("TSV"), "somatic-msi call's summary table")
        ("annotation", po::value(&in.annotation)->value_name("GFF3"),
         "the gene annotation the VCF was annotated with: gene positions for their copy number, CDS for coding TMB")
        ("genes-of-interest", po::value(&in.genes_of_interest)->value_name("TSV"),
         "genes to list first: gene, then optional tier and note columns");
    po::options_description out("Output and checks");
    out.add_options()
        ("output,o", po::value(&output)->value_name("HTML"), "the HTML report (required)")
        ("json", po::value(&json)->value_name("FILE"), "also write the report's facts as JSON")
        ("sample", po::value(&in.sample)->value_name("NAME"),
         "the tumour sample (default: the VCF's ##tumor_sample, else its last sample column)")
        ("allow-sample-mismatch", po::bool_switch(&in.allow_sample_mismatch),
         "inputs naming different tumour samples give a warning in the report instead of an error")
        ("verbose", po::bool_switch(&verbose), "say more on standard error");
    cli::Parser parser("somatic-report",
                       "Usage: somatic-report [render] --snv calls.vcf.gz --callable callable.bed --cnv segments.bed\n"
                       "         --cnv-summary summary.tsv --signatures exposures.tsv [options] -o report.html\n"
                       "Writes one patient's results as one self-contained HTML page (and JSON with --json).");
    parser.add(inputs).add(out);
    if (!parser.parse(argc, argv)) return 0;
    log::set_verbose(verbose);
    if (output.empty()) throw usage_error("-o/--output is required", "name the HTML file to write");
    check_distinct_outputs({{"-o", output}, {"--json", json}});
    in.version = SOMATIC_VERSION;
    in.date = report_date();
    in.command_line = command_line(argc, argv);
    // Everything is read and checked before any output is opened: a bad
    // input leaves no file behind.
    const report::Report r = report::build_report(in);
    const std::string html = report::format_html(r);
    const std::string facts = json.empty() ? std::string() : report::format_json(r);
    TableWriters writers;
    writers.add(output, html);
    if (!json.empty()) writers.add(json, facts);
    writers.close();
    for (const auto& line : report::headline(r)) log::info(line);
    return 0;
}

int run_cohort(int argc, char** argv) {
    std::vector<std::string> reports;
    std::string output, tsv;
    po::options_description opts("Cohort");
    opts.add_options()
        ("output,o", po::value(&output)->value_name("HTML"), "the cohort's HTML table (required)")
        ("tsv", po::value(&tsv)->value_name("FILE"), "also write the table as TSV");
    cli::Parser parser("somatic-report",
                       "Usage: somatic-report cohort [options] -o cohort.html report1.json report2.json...\n"
                       "One row per sample (purity, ploidy, TMB, MSI, HRD, top signatures) from the JSON\n"
                       "reports that somatic-report --json wrote for each sample.");
    parser.add(opts).positional(reports);
    if (!parser.parse(argc, argv)) return 0;
    if (output.empty()) throw usage_error("-o/--output is required", "name the HTML file to write");
    if (reports.empty()) throw usage_error("no report given", "give the per-sample JSON reports");
    check_distinct_outputs({{"-o", output}, {"--tsv", tsv}});
    std::vector<report::CohortRow> rows;
    for (const auto& path : reports) rows.push_back(report::read_cohort_row(path));
    TableWriters writers;
    writers.add(output, report::format_cohort_html(rows, SOMATIC_VERSION, report_date()));
    if (!tsv.empty()) writers.add(tsv, report::format_cohort_tsv(rows));
    writers.close();
    return 0;
}

constexpr Subcommand kCommands[] = {
    {"render", run_render, "one patient's report (the default: options without a command)"},
    {"cohort", run_cohort, "one row per sample from many reports' JSON"},
};

void heading(std::FILE* to) {
    std::fprintf(to, "somatic-report %s: one patient's results as a report, and cohort summaries\n\n", SOMATIC_VERSION);
    std::fprintf(to, "Usage: somatic-report [render] --snv calls.vcf.gz ... -o report.html\n"
                     "       somatic-report cohort -o cohort.html report.json...\n\n");
}

int run(int argc, char** argv) {
    const SubcommandTool tool{"somatic-report", heading, kCommands, run_render};
    return dispatch_subcommand(tool, argc, argv);
}

}  // namespace

int main(int argc, char** argv) { return tool_main("somatic-report", argc, argv, run); }
