#!/usr/bin/env python3
"""Prints the version a build carries: meson.build's project version, and
when the source is a git checkout, what `git describe` says of it.

    scripts/version.py SOURCE_DIR PROJECT_VERSION

  0.1.0                      a release tarball (no git), or a clean checkout
                             of the tag v0.1.0
  0.1.0+v0.1.0-3-g1a2b3c4d5e6f   three commits after the tag
  0.1.0+1a2b3c4d5e6f-dirty   no release tag yet, uncommitted changes

One token, so that `somatic-snv --version | sed 's/^somatic-snv //'` and a
VCF's ##source line keep one field. It holds no path, date or user: two
builds of one commit carry the same string wherever they are built.

meson.build runs this through vcs_tag at every build, so a new commit
changes the version without a new `meson setup`."""
import os
import subprocess
import sys

source, version = sys.argv[1], sys.argv[2]


def git(*args):
    r = subprocess.run(["git", "-C", source] + list(args), capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


# The source must be the top of its own work tree: a tarball unpacked inside
# some other checkout (meson dist unpacks into the build directory) is not
# that checkout's commit.
top = git("rev-parse", "--show-toplevel")
if top is None or os.path.realpath(top) != os.path.realpath(source):
    print(version)
    sys.exit(0)
describe = git("describe", "--tags", "--always", "--dirty", "--abbrev=12", "--match", "v[0-9]*")
print(version if describe in (None, "v" + version) else f"{version}+{describe}")
