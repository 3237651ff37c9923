// Writing VCF and BCF through htslib.
//
// -O v|z|b|u as in bcftools. A compressed file written to a path gets its
// index (.tbi for VCF, .csi for BCF) built on the fly. The file and its
// index appear under their final names only at close(): a run that fails
// half way leaves nothing that looks complete.
#pragma once

#include <memory>
#include <string>

#include "libsomatic/core/atomic_output.hpp"
#include "libsomatic/core/contigs.hpp"

struct htsFile;
struct bcf_hdr_t;
struct bcf1_t;

namespace somatic {

enum class VcfFormat { vcf, vcf_gz, bcf, bcf_uncompressed };

// 'v', 'z', 'b', 'u'; throws a usage error for anything else.
VcfFormat parse_vcf_format(const std::string& code);
// The format a file name asks for ("x.vcf.gz" -> vcf_gz, "x.bcf" -> bcf, else vcf).
VcfFormat vcf_format_from_name(const std::string& path);

// What goes into the header besides the tool's own lines.
struct Provenance {
    std::string tool;          // "somatic-snv"
    std::string version;       // "0.1.0"
    std::string command_line;  // as typed
    bool include = true;       // false with --no-version: no ##source/##commandline
};

class VcfWriter {
public:
    VcfWriter(std::string path, VcfFormat format, bool write_index = true);
    ~VcfWriter();
    VcfWriter(const VcfWriter&) = delete;
    VcfWriter& operator=(const VcfWriter&) = delete;

    // The header under construction; add lines before write_header().
    bcf_hdr_t* header() { return header_; }
    void add_line(const std::string& line);
    void add_contigs(const ContigDict& contigs, const std::string& assembly = {});
    void add_sample(const std::string& name);
    void add_provenance(const Provenance& provenance);
    void write_header();

    // Writes one record (translated with this writer's header). Throws an io
    // error when the write fails (full disk).
    void write(bcf1_t* record);

    // Flushes, writes the index, renames into place.
    void close();
    // Flushes and closes the file (and its index) under the temporary name,
    // without renaming it: a tool writing two outputs finishes both before
    // committing either, so that a failure of the second leaves neither.
    void finish();

private:
    std::string path_;
    VcfFormat format_;
    bool index_;
    AtomicOutput output_;
    std::string index_temp_;
    htsFile* file_ = nullptr;
    bcf_hdr_t* header_ = nullptr;
    bool header_written_ = false;
};

}  // namespace somatic
