// Output files that appear under their final name only when complete.
//
// A pipeline that sees `calls.vcf.gz` assumes it is finished. So every output
// is written to a temporary name beside the final one and renamed at commit();
// an exception, a full disk, SIGINT or SIGTERM leaves no file under the final
// name (the signal handler removes the temporary files that are still open).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace somatic {

class AtomicOutput {
public:
    // `final_path` "-" means standard output: nothing to rename.
    // `companions` are extra files written beside it under derived names
    // (an index: "calls.vcf.gz.tbi"), renamed together.
    explicit AtomicOutput(std::string final_path);
    ~AtomicOutput();  // removes the temporary files unless committed
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    bool is_stdout() const { return final_path_ == "-"; }
    bool is_direct() const { return direct_; }
    const std::string& final_path() const { return final_path_; }
    // Where to write now: the temporary name, or "-".
    const std::string& write_path() const { return temp_path_; }

    // Registers a companion file (for example an index) whose final name is
    // `final_companion`; returns the temporary name to write it under.
    std::string add_companion(const std::string& final_companion);

    // Renames the companions, then the main file (so that an index is never
    // older than its data file on disk). Throws an io error on failure.
    void commit();

private:
    std::string final_path_;
    std::string temp_path_;
    std::vector<std::pair<std::string, std::string>> companions_;  // temp, final
    bool committed_ = false;
    bool direct_ = false;  // a device or pipe, written in place
};

// Installs SIGINT/SIGTERM/SIGHUP handlers that remove every uncommitted
// temporary output and then die of the same signal. Called once by each tool.
void install_cleanup_signal_handlers();

// A run that writes several files: no two of `outputs` (name, path; an
// empty path is an output not asked for) may name the same file, "-"
// included (two tables on one standard output would be mixed). Written
// together they would share one temporary name and interleave; written in
// turn, the last would silently replace the others. Devices (/dev/null) may
// be shared. Throws a usage error naming both (the options of a tool, the fields of a
// library struct).
void check_distinct_outputs(const std::vector<std::pair<std::string, std::string>>& outputs);

}  // namespace somatic
