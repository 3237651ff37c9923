// The pileup pass alone: read both BAMs chunk by chunk on the region engine
// and count A/C/G/T by strand at every position, as somatic-snv does before
// its model sees anything. Prints the bases counted so that the work cannot
// be optimised away and so that runs can be compared.
//
//   pileup-pass TUMOUR.bam NORMAL.bam REF.fa THREADS [REGION]
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "libsomatic/cli/tool_main.hpp"
#include "libsomatic/core/contigs.hpp"
#include "libsomatic/io/alignment_file.hpp"
#include "libsomatic/io/reference.hpp"
#include "libsomatic/parallel/region_engine.hpp"
#include "libsomatic/pileup/pileup.hpp"

using namespace somatic;

namespace {

struct Worker {
    Worker(const char* t, const char* n, const char* r) : tumour(t, r), normal(n, r) {}
    AlignmentFile tumour, normal;
    ReadBatch tumour_reads, normal_reads;
    ChunkPileup pileup;
};

int run(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: pileup-pass TUMOUR.bam NORMAL.bam REF.fa THREADS [REGION]\n");
        return 2;
    }
    Reference reference(argv[3]);
    const int threads = std::atoi(argv[4]);
    std::vector<Interval> regions =
        argc > 5 ? std::vector<Interval>{parse_region(argv[5], reference.contigs())} : whole_genome(reference.contigs());
    const auto chunks = make_chunks(regions, 250000);
    PerThread<std::unique_ptr<Worker>> workers;
    uint64_t bases = 0;
    run_in_order<uint64_t>(
        chunks, {threads, 0},
        [&](const Interval& chunk) {
            auto& w = workers.local();
            if (!w) w = std::make_unique<Worker>(argv[1], argv[2], argv[3]);
            w->tumour_reads.clear();
            w->normal_reads.clear();
            ReadFilter filter;
            w->tumour.fetch(chunk, filter, w->tumour_reads);
            w->normal.fetch(chunk, filter, w->normal_reads);
            const ReadBatch* samples[] = {&w->tumour_reads, &w->normal_reads};
            w->pileup.count(chunk, samples, PileupOptions{});
            uint64_t n = 0;
            for (int64_t p = chunk.beg; p < chunk.end; ++p) n += w->pileup.counts(0, p).total() + w->pileup.counts(1, p).total();
            return n;
        },
        [&](uint64_t&& n, const Interval&) { bases += n; });
    std::printf("%llu\n", static_cast<unsigned long long>(bases));
    return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool_main("pileup-pass", argc, argv, run); }
