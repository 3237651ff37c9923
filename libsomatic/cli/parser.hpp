// The one command-line parser of every tool and every subcommand. Each
// answers -h/--help (usage, the option groups, one footer pointing to the
// manual) and --version ("<tool> <version>") the same way, so
// `somatic-snv --version` and `somatic-cnv segment --version` print the same
// kind of line.
//
//   cli::Parser parser("somatic-cnv", "Usage: somatic-cnv segment [options] ratios.tsv");
//   parser.add(inputs).add(segment_options(...)).positional(files, 1);
//   if (!parser.parse(argc, argv)) return 0;  // help or version answered
//
// Defaults come from the options structs: `cli::value(&o.min_mapq)` is
// po::value with the field's current value as its default, doubles printed
// as they would be typed (1e-8, 0.1), not as lexical_cast spells them.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <type_traits>
#include <vector>

namespace somatic::cli {

namespace po = boost::program_options;

// "somatic-cnv 0.1.0": what --version prints (without the newline).
std::string version_line(const std::string& tool);

// The last line of every help: where the options are explained.
std::string help_footer(const std::string& tool);

// A default as a person would type it: the shortest text that reads back as
// the same double ("1e-8", "0.1", "250000").
std::string format_default(double value);

// po::value bound to `field` with the field's current value as the default
// shown in --help (=X) and applied when the option is absent.
template <class T>
po::typed_value<T>* value(T* field) {
    if constexpr (std::is_floating_point_v<T>) {
        return po::value(field)->default_value(*field, format_default(static_cast<double>(*field)));
    } else {
        return po::value(field)->default_value(*field);
    }
}

class Parser {
public:
    // `tool` names the program ("somatic-cnv", also for its subcommands);
    // `usage` is the help's first block (description and usage lines).
    Parser(std::string tool, std::string usage);

    // An option group, shown in --help in the order added.
    Parser& add(const po::options_description& group);
    // Positional arguments into `into`, at most `max` of them (-1: any number).
    Parser& positional(std::vector<std::string>& into, int max = -1);

    // Parses argv (argv[0] is the program or subcommand name). On --help or
    // --version prints the answer to standard output and returns false;
    // otherwise stores into the bound variables (po::notify) and returns true.
    // Throws po::error for an unknown option or a bad value.
    bool parse(int argc, char** argv);
    bool parse(int argc, char** argv, po::variables_map& vm);

    // The text --help prints.
    std::string help() const;

private:
    std::string tool_, usage_;
    po::options_description visible_;
    po::options_description hidden_;
    po::positional_options_description positional_;
};

}  // namespace somatic::cli
