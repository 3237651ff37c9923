// Typed errors of libsomatic.
//
// The library never prints and never exits: it throws one of these, and the
// tool's single catch site turns it into one line on stderr and an exit code.
// Every error carries the file it is about, the locus when there is one, and
// a hint that tells the user what to do.
#pragma once

#include <stdexcept>
#include <string>

namespace somatic {

enum class ErrorKind {
    usage,        // the command line is wrong: exit 2
    input,        // a file is missing, malformed, inconsistent: exit 1
    io,           // reading or writing failed (disk full, closed pipe): exit 1
    internal,     // a bug: exit 1
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string file, std::string what, std::string locus = {},
          std::string hint = {});

    ErrorKind kind() const noexcept { return kind_; }
    const std::string& file() const noexcept { return file_; }
    const std::string& problem() const noexcept { return problem_; }
    const std::string& locus() const noexcept { return locus_; }
    const std::string& hint() const noexcept { return hint_; }

    // "<file>: <problem> at <locus> (<hint>)", the parts that are empty left out.
    std::string describe() const;

private:
    ErrorKind kind_;
    std::string file_;
    std::string problem_;
    std::string locus_;
    std::string hint_;
};

// Shorthands for the common kinds, so that call sites read as a sentence.
Error usage_error(std::string what, std::string hint = {});
Error input_error(std::string file, std::string what, std::string locus = {}, std::string hint = {});
Error io_error(std::string file, std::string what, std::string hint = {});

// "standard input"/"standard output" for "-", the path otherwise.
std::string display_name(const std::string& path, bool is_output = false);

}  // namespace somatic
