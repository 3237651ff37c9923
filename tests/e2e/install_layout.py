"""`meson install` puts everything a user of the toolkit needs under the
prefix: every tool, libsomatic with its public headers and pkg-config file,
and every manual page of man/. Installs the built tree into a scratch DESTDIR.

The headers are a deliberate set (libsomatic/meson.build): every header of
libsomatic/ is either public or private; the public ones are installed, and
only they; none of the private ones (the tools' cli/ layer, test oracles,
one layer's own helpers) is; and every libsomatic header that a public one
includes is public too, so that the installed set compiles on its own."""
import glob
import os
import re
import shutil
import subprocess
import sys
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import FAILURES, built_version, check, finish, run, scratch

build = os.environ["SOMATIC_BUILD_DIR"]
source = os.environ["SOMATIC_SOURCE_DIR"]
version = os.environ["SOMATIC_VERSION"]  # the library's and the .pc's
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


for tool in ("somatic-snv", "somatic-pon", "somatic-cnv", "somatic-sig", "somatic-scatter", "somatic-msi", "somatic-report"):
    found = installed(rf"/bin/{tool}$")
    check(len(found) == 1 and os.access(os.path.join(dest, found[0]), os.X_OK), f"{tool} is installed in bin/")
for page in sorted(os.listdir(os.path.join(source, "man"))):
    if re.fullmatch(r".+\.[1-9]", page):
        found = installed(rf"/man/man{page[-1]}/{re.escape(page)}$")
        check(found, f"man page {page} is installed")
        # The header names the release meson.build sets; the footer the licence.
        text = open(os.path.join(dest, found[0])).read() if found else ""
        check(re.match(rf'\.TH \S+ \d "\d{{4}}" "somatic {re.escape(version)}"', text) is not None,
              f"installed man page {page} names somatic {version} ({text.splitlines()[:1]})")
        check("\n.SH COPYRIGHT\n" in text and "MIT licence" in text, f"man page {page} states the MIT licence")
check(installed(r"/lib[^/]*/([^/]+/)?libsomatic\.so"), "libsomatic is installed")

# Headers: the public set, exactly; none of the private set.
public = set(os.environ["SOMATIC_PUBLIC_HEADERS"].split())
private = set(os.environ["SOMATIC_PRIVATE_HEADERS"].split())
headers = {m.group(1) for f in files if (m := re.search(r"/include/libsomatic/(.+\.hpp)$", f))}
in_source = {os.path.relpath(p, os.path.join(source, "libsomatic"))
             for p in glob.glob(os.path.join(source, "libsomatic", "**", "*.hpp"), recursive=True)}
check(not public & private, f"no header is both public and private: {sorted(public & private)}")
check(in_source == public | private,
      f"every header of libsomatic/ is listed as public or private in its meson.build: "
      f"unlisted {sorted(in_source - public - private)}, listed but absent {sorted((public | private) - in_source)}")
check(headers == public, f"the public headers are installed, and only they: missing {sorted(public - headers)}, "
      f"extra {sorted(headers - public)}")
check(not headers & private, f"no private header is installed: {sorted(headers & private)}")
# What a program linking libsomatic needs is public; the tools' front-end
# layer (no model includes it) and test oracles are not.
for layer in ("core", "io", "pileup", "parallel", "stats", "snv", "cnv", "sig"):
    check(any(h.startswith(layer + "/") for h in headers), f"the {layer}/ layer has installed headers")
for header in ("core/interval.hpp", "io/reference.hpp", "parallel/region_engine.hpp", "parallel/shard_plan.hpp",
               "pileup/pileup.hpp", "snv/caller.hpp", "cnv/segment.hpp", "cnv/pipeline.hpp", "sig/fit.hpp",
               "snv/pipeline.hpp", "parallel/shard_files.hpp"):
    check(header in headers, f"header libsomatic/{header} is installed")
for header in sorted(h for h in in_source if h.startswith("cli/") or "oracle" in h):
    check(header in private and header not in headers, f"private header libsomatic/{header} is not installed")
for header in sorted(headers):
    text = open(os.path.join(dest, installed(rf"/include/libsomatic/{re.escape(header)}$")[0])).read()
    check("optimal_partition_exhaustive" not in text, f"libsomatic/{header} declares no test oracle")
    for inc in re.findall(r'#include\s+"libsomatic/([^"]+)"', text):
        check(inc in headers, f"libsomatic/{header} includes libsomatic/{inc}, which is not installed")
pc = installed(r"/pkgconfig/libsomatic\.pc$")
pc_text = open(os.path.join(dest, pc[0])).read() if len(pc) == 1 else ""
check(f"Version: {version}\n" in pc_text, f"libsomatic.pc is installed, at version {version}")
check("\nlicense=MIT\n" in pc_text, "libsomatic.pc names the MIT licence (variable license)")
# The installed tools run against the installed library, and a program
# builds against the installed headers through the pkg-config file alone.
libdir = os.path.dirname(os.path.join(dest, installed(r"/libsomatic\.so$")[0]))
env = dict(os.environ, LD_LIBRARY_PATH=libdir)
tool = os.path.join(dest, installed(r"/bin/somatic-snv$")[0])
r = run([tool, "--version"], check=False, env=env)
check(r.returncode == 0 and r.stdout == f"somatic-snv {built_version()}\n", "the installed somatic-snv runs with the installed library")
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
