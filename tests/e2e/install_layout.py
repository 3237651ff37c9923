"""`meson install` puts everything a user of the toolkit needs under the
prefix: every tool, libsomatic with its headers and pkg-config file, and every
manual page of man/. Installs the built tree into a scratch DESTDIR."""
import glob
import os
import re
import shutil
import subprocess
import sys
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import FAILURES, check, finish, run, scratch

build = os.environ["SOMATIC_BUILD_DIR"]
source = os.environ["SOMATIC_SOURCE_DIR"]
version = os.environ["SOMATIC_VERSION"]
meson = shutil.which("meson")
if not meson:
    print("meson is not on PATH: skipped")
    sys.exit(77)
dest = scratch()
r = run([meson, "install", "-C", build, "--no-rebuild", "--quiet", "--destdir", dest], check=False)
check(r.returncode == 0, f"meson install --destdir runs ({r.stderr.strip()[-500:]})")
files = [os.path.relpath(p, dest) for p in glob.glob(f"{dest}/**", recursive=True) if not os.path.isdir(p)]


def installed(pattern):
    return [f for f in files if re.search(pattern, f)]


for tool in ("somatic-snv", "somatic-cnv", "somatic-sig", "somatic-scatter"):
    found = installed(rf"/bin/{tool}$")
    check(len(found) == 1 and os.access(os.path.join(dest, found[0]), os.X_OK), f"{tool} is installed in bin/")
for page in sorted(os.listdir(os.path.join(source, "man"))):
    if re.fullmatch(r".+\.[1-9]", page):
        check(installed(rf"/man/man{page[-1]}/{re.escape(page)}$"), f"man page {page} is installed")
check(installed(r"/lib[^/]*/([^/]+/)?libsomatic\.so"), "libsomatic is installed")
for header in ("core/interval.hpp", "io/reference.hpp", "parallel/region_engine.hpp", "parallel/shard_plan.hpp"):
    check(installed(rf"/include/libsomatic/{re.escape(header)}$"), f"header libsomatic/{header} is installed")
pc = installed(r"/pkgconfig/libsomatic\.pc$")
check(len(pc) == 1 and f"Version: {version}\n" in open(os.path.join(dest, pc[0])).read(),
      f"libsomatic.pc is installed, at version {version}")
# The installed tools run against the installed library, and a program
# builds against the installed headers through the pkg-config file alone.
libdir = os.path.dirname(os.path.join(dest, installed(r"/libsomatic\.so$")[0]))
env = dict(os.environ, LD_LIBRARY_PATH=libdir)
tool = os.path.join(dest, installed(r"/bin/somatic-snv$")[0])
r = run([tool, "--version"], check=False, env=env)
check(r.returncode == 0 and r.stdout == f"somatic-snv {version}\n", "the installed somatic-snv runs with the installed library")
if shutil.which("pkg-config") and shutil.which("c++"):
    example = os.path.join(dest, "example.cpp")
    with open(example, "w") as f:
        f.write('#include "libsomatic/core/interval.hpp"\n#include "libsomatic/core/contigs.hpp"\n#include <cstdio>\n'
                'int main() {\n  somatic::ContigDict d({{"chr1", 1000}});\n'
                '  std::printf("%lld\\n", (long long)somatic::parse_region("chr1:11-20", d).beg);\n}\n')
    pc_env = dict(env, PKG_CONFIG_PATH=os.path.dirname(os.path.join(dest, pc[0])), PKG_CONFIG_SYSROOT_DIR=dest)
    flags = run(["pkg-config", "--cflags", "--libs", "libsomatic"], check=False, env=pc_env).stdout.split()
    r = run(["c++", "-std=c++20", example, "-o", os.path.join(dest, "example")] + flags, check=False, env=pc_env)
    out = run([os.path.join(dest, "example")], check=False, env=env).stdout if r.returncode == 0 else r.stderr
    # chr1:11-20 is 1-based inclusive: 0-based start 10.
    check(out == "10\n", f"a program builds and links against the installed headers and library ({out.strip()[-300:]})")
print("\n".join(sorted(f for f in files if "/include/" not in f)))
if not FAILURES:
    shutil.rmtree(dest, ignore_errors=True)
finish()
