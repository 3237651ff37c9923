// Somatic SNVs as a witness between purity/ploidy solutions.
//
// A clonal SNV carried on m of the CN copies of its segment sits at
//   VAF = p*m / (p*CN + n0*(1-p))
// (p purity, n0 the normal copy number). After a whole-genome doubling at
// purity p, mutations that predate it are on 2 copies of a 2+2 segment, at
// VAF p/(p+1), and those after it on 1, at half that; the undoubled twin
// (purity 2p/(1+p)) puts its one clonal cluster at p/(p+1) too, and can
// explain the half-VAF cluster only as subclonal. So a tight cluster at half
// the clonal VAF speaks for the doubling, its absence against it (PURPLE
// arbitrates purity with somatic variants the same way).
//
// The likelihood of one SNV's tumour allele counts (alt of depth d) in a
// segment called (CN, major) by a solution: a mixture, in equal parts, of a
// binomial at each clonal multiplicity m = 1..max(1, major) and a subclonal
// component whose VAF is uniform between 0 and the m = 1 VAF (an SNV in a
// fraction of the tumour cells). The VAF is floored at 0.001 for
// sequencing error. A solution's evidence is the sum of the log-likelihoods
// of the SNVs in its called segments (CN above 0); an SNV outside every
// segment or in a segment of CN 0 is left out (for every solution alike:
// each SNV counts only when every solution calls its segment above 0).
// The equal weights are an Occam factor: a state of more multiplicities
// spreads its probability thinner, so a doubled solution pays about ln 1.5
// per SNV of the main cluster and gains on each SNV at half its VAF.
//
// Reading: PASS (or unfiltered) biallelic SNVs of a VCF, the tumour's
// FORMAT/AD (the ##tumor_sample= column, else the first sample), records
// with no tumour read skipped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace somatic::cnv {

struct SomaticSnv {
    std::string contig;
    int64_t pos = 0;  // 0-based
    uint32_t ref = 0, alt = 0;  // tumour allele depths
};

std::vector<SomaticSnv> read_somatic_snvs(const std::string& path);

// VAF of a clonal SNV at multiplicity m in a state of total copy number cn.
double clonal_vaf(double purity, int multiplicity, int cn, int normal_cn);

// ln L of one SNV's counts (see above) in a state (cn, major); major < 0
// (unknown) is taken as cn - cn / 2. cn must be above 0.
double snv_log_likelihood(uint32_t alt, uint32_t depth, double purity, int cn, int major, int normal_cn);

// For each SNV, the index of the segment that holds it (-1: none), given
// the segments' contig names, starts and ends (sorted within each contig).
std::vector<int64_t> snv_segments(const std::vector<SomaticSnv>& snvs, const std::vector<std::string>& segment_contig,
                                  const std::vector<int64_t>& beg, const std::vector<int64_t>& end);

}  // namespace somatic::cnv
