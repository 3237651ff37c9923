// somatic-sig's VCF input (sig/input_file and sig/vcf_catalogue): format
// detection, then its own reader of VCF text's first eight columns (BCF and
// the header go through htslib) and the counting against a small reference.
#include <cstdlib>
#include <fstream>
#include <string>

#include "libsomatic/sig/input_file.hpp"
#include "libsomatic/sig/vcf_catalogue.hpp"
#include "tests/fuzz/fuzz_input.hpp"

using namespace somatic;

namespace {

// chr1 (120 bp, two lines of 60) and chr2 (60 bp, with N bases), indexed.
std::string make_reference(const std::string& dir) {
    const std::string a = "ACGTACGTTGCAAGCTTCGATCGGATCCAGTACGATCGATTACGGCATGCATGCAACGTT";
    const std::string b = "GGCCTTAAGGCCAATTCGCGATATCGCGTTAACCGGTTAAGCTAGCTAGNNNNACGTACG";
    const std::string path = dir + "/ref.fa";
    std::ofstream fa(path);
    std::ofstream fai(path + ".fai");
    long offset = 0;
    const auto contig = [&](const std::string& name, const std::string& seq) {
        const std::string head = ">" + name + "\n";
        offset += static_cast<long>(head.size());
        fa << head;
        // name, length, offset of the first base, bases per line, bytes per line
        fai << name << '\t' << seq.size() << '\t' << offset << "\t60\t61\n";
        for (size_t i = 0; i < seq.size(); i += 60) fa << seq.substr(i, 60) << '\n';
        offset += static_cast<long>(seq.size() + (seq.size() + 59) / 60);
    };
    if (a.size() != 60 || b.size() != 60) std::abort();
    contig("chr1", a + b);
    contig("chr2", b);
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::ScratchFile file(".vcf");
    static sig::ContextReference reference(make_reference(file.dir()));
    const std::string& path = file.write(data, size);
    sig::CatalogueOptions options;
    options.all_filters = size % 2;  // both ways, on the same seeds
    options.mnv = sig::MnvMode::split;
    fuzz::parse_or_reject([&] {
        sig::InputFile in(path);
        if (!in.is_vcf() && !in.is_bcf()) return;  // a catalogue table: the catalogue harness's job
        const sig::SampleCatalogue c = sig::catalogue_from_vcf(in, reference, options);
        uint64_t total = 0;
        for (auto n : c.counts) total += n;
        if (total != c.summary.snvs) std::abort();
    });
    return 0;
}
