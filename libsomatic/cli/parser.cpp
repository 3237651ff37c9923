#include "libsomatic/cli/parser.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "libsomatic/core/error.hpp"
#include "somatic_version.h"

namespace somatic::cli {

std::string version_line(const std::string& tool) { return tool + " " + SOMATIC_VERSION; }

std::string help_footer(const std::string& tool) {
    return "See 'man " + tool + "' for what each option does.";
}

std::string format_default(double value) {
    char text[40];
    if (value == std::trunc(value) && std::fabs(value) < 1e15) {
        std::snprintf(text, sizeof text, "%.0f", value);
        return text;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, value);
        if (std::strtod(text, nullptr) == value) break;
    }
    // "1e-08" -> "1e-8", "1e+06" -> "1e6": the exponent as one would type it.
    std::string s = text;
    const size_t e = s.find('e');
    if (e == std::string::npos) return s;
    std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
    std::string sign;
    if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) {
        if (exponent[0] == '-') sign = "-";
        exponent.erase(0, 1);
    }
    while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
    return mantissa + "e" + sign + exponent;
}

Parser::Parser(std::string tool, std::string usage) : tool_(std::move(tool)), usage_(std::move(usage)) {}

Parser& Parser::add(const po::options_description& group) {
    visible_.add(group);
    return *this;
}

Parser& Parser::positional(std::vector<std::string>& into, int max) {
    hidden_.add_options()("input", po::value(&into)->composing(), "inputs");
    positional_.add("input", max);
    return *this;
}

namespace {
po::options_description information_options() {
    po::options_description d("Information");
    d.add_options()("help,h", "show this help")("version", "show the version");
    return d;
}

void answer(const std::string& text) {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) throw io_error("-", "cannot write to standard output", {});
}
}  // namespace

std::string Parser::help() const {
    po::options_description shown;
    shown.add(visible_).add(information_options());
    std::ostringstream out;
    std::string usage = usage_;
    while (!usage.empty() && usage.back() == '\n') usage.pop_back();
    out << usage << "\n\n" << shown << "\n" << help_footer(tool_) << "\n";
    // Each caption-less level of nested groups adds a blank line: one is enough.
    std::string text = out.str(), squeezed;
    for (const char c : text) {
        if (c == '\n' && squeezed.size() >= 2 && squeezed[squeezed.size() - 1] == '\n' &&
            squeezed[squeezed.size() - 2] == '\n') {
            continue;
        }
        squeezed += c;
    }
    return squeezed;
}

bool Parser::parse(int argc, char** argv) {
    po::variables_map vm;
    return parse(argc, argv, vm);
}

bool Parser::parse(int argc, char** argv, po::variables_map& vm) {
    po::options_description everything;
    everything.add(visible_).add(information_options()).add(hidden_);
    // No abbreviations: with Boost's guessing, a renamed option's old name
    // (--min-normal-depth for --min-normal-depth-ratio) would still be taken
    // as a prefix of the new one, silently, and a script would never learn.
    const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(argc, argv).options(everything).positional(positional_).style(style).run(),
              vm);
    if (vm.count("help")) {
        answer(help());
        return false;
    }
    if (vm.count("version")) {
        answer(version_line(tool_) + "\n");
        return false;
    }
    po::notify(vm);
    return true;
}

}  // namespace somatic::cli
