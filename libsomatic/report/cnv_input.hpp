// somatic-cnv's outputs as the report reads them, columns by header name:
// the calls BED (call_writers.hpp: #chrom start end log2 baf total_cn
// major_cn minor_cn cn_float loh subclonal ...) and the --summary TSV
// (purity ploidy called_ploidy sex genome_doubled score ... alternatives,
// and, when somatic-cnv computed them, the HRD columns hrd_loh hrd_tai
// hrd_lst hrd_sum fraction_genome_altered). A column a reader does not know
// is ignored; an HRD column that is absent is "not computed".
#pragma once

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "libsomatic/io/table_reader.hpp"
#include "libsomatic/report/provenance.hpp"

namespace somatic::report {

struct CnSegment {
    std::string chrom;
    int64_t beg = 0, end = 0;  // 0-based half-open, as the BED has them
    double log2 = NAN, baf = NAN, cn_float = NAN;
    int total = -1, major = -1, minor = -1;  // -1: NA
    bool loh = false, subclonal = false;
    // "CN2 1+1", "CN1 LOH", "CN NA": the state as the report names it.
    std::string state() const;
};

struct CnvSegmentsInput {
    std::string name;
    std::vector<std::string> header;  // "##" lines without "##"
    std::vector<ToolRun> tools;
    std::vector<CnSegment> segments;
    double purity = NAN, ploidy = NAN;
    std::string sex;
};

CnvSegmentsInput read_cnv_segments(const std::string& path);

struct AlternativeSolution {
    double purity = NAN, ploidy = NAN, score = NAN;
    bool doubled = false;
};

// The HRD columns of the summary (NaN: the column is there with NA).
struct HrdScores {
    double loh = NAN, tai = NAN, lst = NAN, sum = NAN;
    double fraction_genome_altered = NAN;
    bool has_loh = false, has_tai = false, has_lst = false, has_sum = false, has_fga = false;
    bool any() const { return has_loh || has_tai || has_lst || has_sum || has_fga; }
};

struct CnvSummary {
    std::string name;
    double purity = NAN, ploidy = NAN, score = NAN;
    std::string sex;
    int genome_doubled = -1;  // -1: no column
    bool depth_only = false;  // fitted on depth alone: no het sites, no allele-specific states
    std::vector<AlternativeSolution> alternatives;
    HrdScores hrd;
};

CnvSummary read_cnv_summary(const std::string& path);

// "0.50/4.16/1.3474/doubled/misfit=.." ';'-separated: the alternatives column
// (`at`: where it was read). A solution without purity, ploidy and score as
// numbers is an input error naming the line.
std::vector<AlternativeSolution> parse_alternatives(const std::string& text, const TableLocus& at);

// Why each HRD measure the summary gives as NA was not measured, as
// somatic-cnv's manual gives the causes: no allele-specific states (a
// depth-only fit) leaves every count NA; TAI and LST alone are NA when no
// contig has a known centromere (synthetic or unplaced contigs, a build
// somatic-cnv does not know without --centromeres); the sum is NA when a
// part is. Pairs of (column without "hrd_", reason), for NA values only.
std::vector<std::pair<std::string, std::string>> hrd_not_measured(const HrdScores& h);

}  // namespace somatic::report
