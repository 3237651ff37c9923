// Building a panel of normals: the sites where several normal samples show
// the same non-reference base, which somatic-snv's --panel-of-normals then
// filters (FILTER PanelOfNormals).
//
// A recurrent artefact (a mismapping paralogue, a sequence-specific error, a
// library-preparation artefact of the lab's protocol) shows up in many
// samples of the same pipeline, tumours and normals alike; a somatic
// mutation is its tumour's alone. A site where at least `min_normals`
// normals each hold `min_alt_reads` reads of the same alternative base is
// therefore suspect in any tumour. One normal's germline variants are not in
// the panel (that normal alone carries them); variants common in the
// population are, as in GATK's panels: a somatic call at a common SNP is
// rarely real, and the germline resource judges those anyway.
//
// Reads and bases are counted as the caller counts them (the same read
// filter and base-quality floor), so that the panel sees what the caller
// would see. Chunks are processed in parallel, each worker with its own
// open files, one normal at a time: memory is one chunk's pileup per worker
// and the sites found, whatever the number of normals. Records are written
// in order as chunks finish.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "libsomatic/core/interval.hpp"
#include "libsomatic/io/alignment_file.hpp"
#include "libsomatic/io/vcf_writer.hpp"
#include "libsomatic/pileup/pileup.hpp"

namespace somatic::snv {

struct PanelOptions {
    std::vector<std::string> normals;  // BAM/CRAM, indexed
    std::string reference;
    ReadFilter read_filter;
    PileupOptions pileup;
    uint32_t min_alt_reads = 2;  // a normal shows an allele with this many reads of it
    uint32_t min_normals = 2;    // a site enters the panel when this many normals show its allele
    int threads = 1;
    int64_t chunk_size = 250000;
    std::vector<Interval> regions;  // empty: the reference's primary contigs that every normal holds
    std::string output = "-";
    VcfFormat output_format = VcfFormat::vcf;
    Provenance provenance{"somatic-pon", "", "", false};

    // Throws a usage error naming the field (normals, min_normals, ...).
    void validate() const;
};

struct PanelSummary {
    uint64_t sites = 0;  // records written
};

PanelSummary build_panel_of_normals(const PanelOptions& options);

}  // namespace somatic::snv
