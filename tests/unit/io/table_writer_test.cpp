#include "libsomatic/io/table_writer.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../test_files.hpp"
#include "libsomatic/core/error.hpp"

using namespace somatic;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("a table appears under its final name only when closed") {
    const fs::path dir = testing::scratch("writer");
    fs::create_directories(dir);
    const std::string path = (dir / "out.tsv").string();
    {
        TableWriter out(path);
        out.write("a\t1\n");
        out.write("");
        out.finish();
        CHECK_FALSE(fs::exists(path));
        out.close();
        CHECK(out.path() == path);
    }
    CHECK(slurp(path) == "a\t1\n");
    write_table(path, "b\n");
    CHECK(slurp(path) == "b\n");
}

TEST_CASE("an unclosed table leaves nothing behind") {
    const fs::path dir = testing::scratch("writer_unclosed");
    fs::create_directories(dir);
    { TableWriter out((dir / "out.tsv").string()); out.write("partial\n"); }
    CHECK(fs::is_empty(dir));
}

TEST_CASE("several tables take their names together") {
    const fs::path dir = testing::scratch("writers");
    fs::create_directories(dir);
    TableWriters outs;
    outs.add((dir / "a.tsv").string(), "a\n");
    outs.add((dir / "b.tsv").string()).write("b\n");
    CHECK_FALSE(fs::exists(dir / "a.tsv"));
    outs.close();
    CHECK(slurp(dir / "a.tsv") == "a\n");
    CHECK(slurp(dir / "b.tsv") == "b\n");
}

TEST_CASE("a table that cannot be created names the file") {
    const std::string path = testing::scratch("no_such_dir/out.tsv").string();
    try {
        TableWriter out(path);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::io);
        CHECK(std::string(e.what()).starts_with(path + ": cannot create the file: No such file or directory ("));
    }
}

TEST_CASE("a full disk is an error, not a short file") {
    if (!fs::exists("/dev/full")) return;
    TableWriter out("/dev/full");
    out.write(std::string(100, 'x'));
    CHECK_THROWS_AS(out.close(), Error);
}
