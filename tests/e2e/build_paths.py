"""The built tools and libsomatic name neither the source nor the build
directory: a build carries no path of the machine it was made on, the part
of reproducible builds that a test can check cheaply (meson.build maps both
directories to "."; scripts/check-reproducible.sh compares two whole builds
byte for byte)."""
import glob
import os
import sys
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import binary, check, finish

build = os.path.realpath(os.environ["SOMATIC_BUILD_DIR"])
source = os.path.realpath(os.environ["SOMATIC_SOURCE_DIR"])
tools = os.environ["SOMATIC_TOOLS"].split()
files = [binary(t) for t in tools]
files += [p for p in glob.glob(os.path.join(build, "libsomatic", "libsomatic.so*"))
          if os.path.isfile(p) and not os.path.islink(p)]
check(len(tools) >= 5 and len(files) == len(tools) + 1, f"the tools and libsomatic are built ({files})")
for path in files:
    data = open(path, "rb").read()
    for name, directory in (("source", source), ("build", build)):
        at = data.find(directory.encode())
        check(at < 0, f"{os.path.relpath(path, build)} does not name the {name} directory"
              + ("" if at < 0 else f" (at byte {at}: {data[at:at + 120]!r})"))
finish()
