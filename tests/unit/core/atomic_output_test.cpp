#include "libsomatic/core/atomic_output.hpp"
#include "libsomatic/core/error.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "../test_files.hpp"

using namespace somatic;
namespace fs = std::filesystem;

namespace {
fs::path scratch_dir() {
    fs::path d = testing::scratch("atomic");
    fs::create_directories(d);
    return d;
}
}  // namespace

TEST_CASE("the final name appears only at commit, with its companion") {
    const fs::path dir = scratch_dir();
    const std::string final_path = (dir / "out.vcf.gz").string();
    {
        AtomicOutput out(final_path);
        CHECK(out.write_path() != final_path);
        std::ofstream(out.write_path()) << "data";
        const std::string index = out.add_companion(final_path + ".tbi");
        std::ofstream(index) << "index";
        CHECK_FALSE(fs::exists(final_path));
        out.commit();
    }
    CHECK(fs::exists(final_path));
    CHECK(fs::exists(final_path + ".tbi"));
    fs::remove_all(dir);
}

TEST_CASE("an output that is never committed leaves nothing behind") {
    const fs::path dir = scratch_dir();
    const std::string final_path = (dir / "out.bed").string();
    std::string temp;
    {
        AtomicOutput out(final_path);
        temp = out.write_path();
        std::ofstream(temp) << "half a file";
    }
    CHECK_FALSE(fs::exists(final_path));
    CHECK_FALSE(fs::exists(temp));
    CHECK(fs::is_empty(dir));
    fs::remove_all(dir);
}

TEST_CASE("standard output needs no renaming") {
    AtomicOutput out("-");
    CHECK(out.is_stdout());
    CHECK(out.write_path() == "-");
    out.commit();
}

TEST_CASE("a symbolic link or a device is written in place, never replaced") {
    const fs::path dir = scratch_dir();
    const fs::path target = dir / "target.txt";
    std::ofstream(target) << "old";
    fs::create_symlink(target, dir / "link.txt");
    {
        AtomicOutput out((dir / "link.txt").string());
        CHECK(out.is_direct());
        std::ofstream(out.write_path()) << "new";
        out.commit();
    }
    CHECK(fs::is_symlink(dir / "link.txt"));
    std::ifstream in(target);
    std::string text;
    in >> text;
    CHECK(text == "new");
    AtomicOutput device("/dev/null");
    CHECK(device.is_direct());
    CHECK(device.write_path() == "/dev/null");
    fs::remove_all(dir);
}

TEST_CASE("an output path that is a directory is refused before anything is written") {
    const fs::path dir = scratch_dir() / "a_directory";
    fs::create_directories(dir);
    CHECK_THROWS_AS(AtomicOutput(dir.string()), Error);
    CHECK(fs::is_empty(dir));
}
