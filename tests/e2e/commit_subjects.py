"""Commit subjects read as a history in `git log --oneline`: every commit
since the rule was set has a subject of at most 72 characters, the detail
going to the body. Skipped outside a git checkout (a release tarball, even
one unpacked inside a checkout) and in a shallow clone that lacks the commit
the rule starts after."""
import os
import subprocess
import sys

# The last commit before the rule; its subject and those before it are left as they are.
RULE_STARTS_AFTER = "e41d41b"
source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


def git(*args):
    return subprocess.run(["git", "-C", source] + list(args), capture_output=True, text=True)


# The source must be its own work tree's top: meson dist unpacks the tarball
# inside the build directory of a checkout, whose history is not the tarball's.
top = git("rev-parse", "--show-toplevel")
if top.returncode != 0 or os.path.realpath(top.stdout.strip()) != os.path.realpath(source):
    print("not a git checkout (a release tarball?): skipped")
    sys.exit(77)
if git("cat-file", "-e", RULE_STARTS_AFTER + "^{commit}").returncode != 0:
    print(f"commit {RULE_STARTS_AFTER} is not in this clone (shallow?): skipped")
    sys.exit(77)
log = git("log", "--format=%h %s", f"{RULE_STARTS_AFTER}..HEAD")
long_ones = [line for line in log.stdout.splitlines() if len(line.split(" ", 1)[1]) > 72]
for line in long_ones:
    print("subject over 72 characters:", line)
print(f"{len(log.stdout.splitlines())} commits checked, {len(long_ones)} with a subject over 72 characters")
sys.exit(1 if long_ones else 0)
