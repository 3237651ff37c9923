// Writing text tables, the one way every tool does it: through
// core/atomic_output, so that a file appears under its final name only when
// complete, with every write checked so that a full disk or a closed pipe is
// an error rather than a short file. "-" is standard output.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "libsomatic/core/atomic_output.hpp"

namespace somatic {

class TableWriter {
public:
    // Creates the file under its temporary name (standard output: nothing to
    // create). Throws an io error when it cannot.
    explicit TableWriter(const std::string& path);
    ~TableWriter();  // an unclosed file is removed
    TableWriter(const TableWriter&) = delete;
    TableWriter& operator=(const TableWriter&) = delete;

    void write(std::string_view text);
    // Writes out what is buffered and closes the file, still under its
    // temporary name: the last step that can fail for want of space.
    void finish();
    // finish(), then the file takes its final name.
    void close();
    const std::string& path() const { return atomic_.final_path(); }

private:
    AtomicOutput atomic_;
    std::FILE* file_ = nullptr;
    bool owns_ = false;
    bool closed_ = false;
};

// Several files finished together: each is written under its temporary
// name, and only when every one is written do they take their final names,
// in the order they were added. A failure anywhere leaves none of them
// looking complete.
class TableWriters {
public:
    TableWriter& add(const std::string& path);
    void add(const std::string& path, std::string_view text) { add(path).write(text); }
    // finish() on each, then close() on each.
    void close();

private:
    std::vector<std::unique_ptr<TableWriter>> writers_;
};

// One finished table written whole: TableWriter, write, close.
void write_table(const std::string& path, std::string_view text);

}  // namespace somatic
