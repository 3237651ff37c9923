// One input of somatic-sig opened once and told apart by content: a VCF or
// BCF (plain, bgzipped, or on standard input) or a text table (a catalogue or
// a signature table, plain or gzipped). Standard input cannot be reopened, so
// the same open handle is then read as either kind.
#pragma once

#include <string>

struct htsFile;

namespace somatic::sig {

class InputFile {
public:
    // "-" is standard input. Throws an input error for a missing file, a
    // directory, an unreadable file or an empty one.
    explicit InputFile(std::string path);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    const std::string& path() const { return path_; }
    std::string name() const;  // the path, or "standard input"
    bool is_vcf() const { return is_vcf_; }
    bool is_bcf() const { return is_bcf_; }
    // The open file; a text table's lines are read from it by a
    // TableReader (io/table_reader).
    htsFile* hts() { return file_; }

private:
    std::string path_;
    htsFile* file_ = nullptr;
    bool is_vcf_ = false;
    bool is_bcf_ = false;
};

// The file name without its directory and without .vcf/.vcf.gz/.bcf/.tsv/.txt
// (and .gz): the sample name of last resort. "stdin" for "-".
std::string file_stem(const std::string& path);

}  // namespace somatic::sig
