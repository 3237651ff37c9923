#include "libsomatic/io/vcf_writer.hpp"

#include <htslib/hts.h>
#include <htslib/vcf.h>

#include <cerrno>
#include <cstring>

#include "libsomatic/core/error.hpp"

namespace somatic {

VcfFormat parse_vcf_format(const std::string& code) {
    if (code == "v") return VcfFormat::vcf;
    if (code == "z") return VcfFormat::vcf_gz;
    if (code == "b") return VcfFormat::bcf;
    if (code == "u") return VcfFormat::bcf_uncompressed;
    throw usage_error("unknown output type '" + code + "'", "use v (VCF), z (bgzipped VCF), b (BCF) or u (uncompressed BCF)");
}

VcfFormat vcf_format_from_name(const std::string& path) {
    auto ends_with = [&](const char* s) { return path.size() >= std::strlen(s) && path.ends_with(s); };
    if (ends_with(".vcf.gz") || ends_with(".vcf.bgz")) return VcfFormat::vcf_gz;
    if (ends_with(".bcf")) return VcfFormat::bcf;
    return VcfFormat::vcf;
}

namespace {
const char* mode_of(VcfFormat f) {
    switch (f) {
        case VcfFormat::vcf: return "w";
        case VcfFormat::vcf_gz: return "wz";
        case VcfFormat::bcf: return "wb";
        case VcfFormat::bcf_uncompressed: return "wbu";
    }
    return "w";
}

std::string write_failure(const std::string&) {
    return std::string("cannot write: ") + (errno ? std::strerror(errno) : "write failed");
}

// htslib logs its own line about a failed write; the error thrown says it
// once. (The level is global: set for the call, then restored.)
class QuietHtslib {
public:
    QuietHtslib() : level_(hts_get_log_level()) { hts_set_log_level(HTS_LOG_OFF); }
    ~QuietHtslib() { hts_set_log_level(level_); }
    QuietHtslib(const QuietHtslib&) = delete;
    QuietHtslib& operator=(const QuietHtslib&) = delete;

private:
    htsLogLevel level_;
};

// What to do depends on why the write failed: a closed standard output is
// not a full disk.
std::string write_hint() {
    if (errno == EBADF) return "is the output closed?";
    if (errno == ENOSPC || errno == EDQUOT || errno == 0) return "is the disk full?";
    return "check the disk and the file system";
}
}  // namespace

VcfWriter::VcfWriter(std::string path, VcfFormat format, bool write_index)
    : path_(std::move(path)), format_(format), output_(path_) {
    index_ = write_index && !output_.is_stdout() && !output_.is_direct() &&
             (format_ == VcfFormat::vcf_gz || format_ == VcfFormat::bcf);
    {
        const QuietHtslib quiet;
        file_ = hts_open(output_.write_path().c_str(), mode_of(format_));
    }
    if (!file_) throw io_error(display_name(path_, true), write_failure(path_), "check the directory exists and is writable");
    header_ = bcf_hdr_init("w");
    if (!header_) throw std::bad_alloc();
}

VcfWriter::~VcfWriter() {
    if (header_) bcf_hdr_destroy(header_);
    if (file_) hts_close(file_);
    // output_'s destructor removes the temporary files unless close() committed.
}

void VcfWriter::add_line(const std::string& line) {
    if (bcf_hdr_append(header_, line.c_str()) != 0) {
        throw Error(ErrorKind::internal, {}, "invalid VCF header line: " + line);
    }
}

void VcfWriter::add_contigs(const ContigDict& contigs, const std::string& assembly) {
    for (const auto& c : contigs.contigs()) {
        std::string line = "##contig=<ID=" + c.name + ",length=" + std::to_string(c.length);
        if (!assembly.empty()) line += ",assembly=" + assembly;
        add_line(line + ">");
    }
}

void VcfWriter::add_sample(const std::string& name) {
    if (bcf_hdr_add_sample(header_, name.c_str()) != 0) {
        throw usage_error("cannot add sample '" + name + "' to the VCF header", "sample names must differ");
    }
}

void VcfWriter::add_provenance(const Provenance& p) {
    if (!p.include) return;
    add_line("##source=" + p.tool + " " + p.version);
    add_line("##" + p.tool + "Version=" + p.version);
    add_line("##" + p.tool + "Command=" + p.command_line);
}

void VcfWriter::write_header() {
    if (bcf_hdr_sync(header_) != 0) throw Error(ErrorKind::internal, {}, "cannot finalise the VCF header");
    errno = 0;
    const QuietHtslib quiet;
    if (bcf_hdr_write(file_, header_) != 0) throw io_error(display_name(path_, true), write_failure(path_), write_hint());
    if (index_) {
        const bool is_bcf = format_ == VcfFormat::bcf;
        index_temp_ = output_.add_companion(path_ + (is_bcf ? ".csi" : ".tbi"));
        if (bcf_idx_init(file_, header_, is_bcf ? 14 : 0, index_temp_.c_str()) != 0) {
            throw io_error(display_name(path_, true), "cannot start the index");
        }
    }
    header_written_ = true;
}

void VcfWriter::write(bcf1_t* record) {
    const QuietHtslib quiet;
    errno = 0;
    if (bcf_write(file_, header_, record) != 0) {
        throw io_error(display_name(path_, true), write_failure(path_), write_hint());
    }
}

void VcfWriter::close() {
    finish();
    output_.commit();
}

void VcfWriter::finish() {
    if (!file_) return;
    if (!header_written_) write_header();
    const QuietHtslib quiet;
    errno = 0;
    // Saving the index flushes the data first: a failure there is most often
    // the data's (a full disk), so it is reported by its errno, once.
    const bool index_failed = index_ && bcf_idx_save(file_) != 0;
    const int saved = errno;
    const int ret = hts_close(file_);
    file_ = nullptr;
    if (index_failed || ret != 0) {
        if (index_failed) errno = saved;
        throw io_error(display_name(path_, true), write_failure(path_), write_hint());
    }
}

}  // namespace somatic
