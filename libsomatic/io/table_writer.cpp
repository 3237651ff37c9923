#include "libsomatic/io/table_writer.hpp"

#include <cerrno>
#include <cstring>

#include "libsomatic/core/error.hpp"

namespace somatic {

TableWriter::TableWriter(const std::string& path) : atomic_(path) {
    if (atomic_.is_stdout()) {
        file_ = stdout;
        return;
    }
    file_ = std::fopen(atomic_.write_path().c_str(), "w");
    if (!file_) {
        throw io_error(path, std::string("cannot create the file: ") + std::strerror(errno),
                       "check the directory exists and is writable");
    }
    owns_ = true;
}

TableWriter::~TableWriter() {
    if (owns_ && file_) std::fclose(file_);
}

void TableWriter::write(std::string_view text) {
    if (text.empty()) return;
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
        throw io_error(display_name(path(), true), std::string("write failed: ") + std::strerror(errno),
                       "is the disk full?");
    }
}

void TableWriter::finish() {
    if (!file_) return;
    const bool failed = std::fflush(file_) != 0 || std::ferror(file_);
    if (owns_) {
        const bool close_failed = std::fclose(file_) != 0;
        file_ = nullptr;
        if (failed || close_failed) {
            throw io_error(path(), std::string("write failed: ") + std::strerror(errno), "is the disk full?");
        }
    } else {
        file_ = nullptr;
        if (failed) throw io_error("standard output", "write failed", "is the disk full or the pipe closed?");
    }
}

void TableWriter::close() {
    if (closed_) return;
    finish();
    atomic_.commit();
    closed_ = true;
}

TableWriter& TableWriters::add(const std::string& path) {
    writers_.push_back(std::make_unique<TableWriter>(path));
    return *writers_.back();
}

void TableWriters::close() {
    for (auto& w : writers_) w->finish();
    for (auto& w : writers_) w->close();
}

void write_table(const std::string& path, std::string_view text) {
    TableWriter out(path);
    out.write(text);
    out.close();
}

}  // namespace somatic
