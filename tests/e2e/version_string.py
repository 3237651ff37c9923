"""scripts/version.py, the version every build carries, in each case a
source can be in: a tarball (no git), a checkout with no release tag, a clean
checkout of the release tag, commits after it, uncommitted changes, and a
tarball unpacked inside some other checkout (as meson dist does). The
expected strings are built from the commits' own hashes, as `git describe`
defines them, not from the script's output. Then the build itself: the
version it carries is what the script says of this source (meson runs it
through vcs_tag). Skipped when git is absent."""
import os
import shutil
import subprocess
import sys
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import built_version, check, finish, run, scratch

if not shutil.which("git"):
    print("git is not installed: skipped")
    sys.exit(77)
source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
script = os.path.join(source, "scripts", "version.py")
env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
           GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_NOSYSTEM="1", HOME=scratch())


def version(src):
    return run([sys.executable, script, src, "1.2.3"], env=env).stdout


def git(repo, *args):
    return run(["git", "-C", repo] + list(args), env=env).stdout.strip()


def commit(repo, text):
    with open(os.path.join(repo, "f"), "w") as f:
        f.write(text)
    git(repo, "add", "f")
    git(repo, "commit", "-q", "-m", text)
    return git(repo, "rev-parse", "HEAD")


tarball = scratch()
check(version(tarball) == "1.2.3\n", f"no git: the plain version ({version(tarball)!r})")

repo = scratch()
git(repo, "init", "-q")
first = commit(repo, "one")
check(version(repo) == f"1.2.3+{first[:12]}\n", f"no tag: the version and the commit ({version(repo)!r})")

git(repo, "tag", "-a", "-m", "release", "v1.2.3")
check(version(repo) == "1.2.3\n", f"a clean checkout of tag v1.2.3 is the release ({version(repo)!r})")

second = commit(repo, "two")
third = commit(repo, "three")
check(version(repo) == f"1.2.3+v1.2.3-2-g{third[:12]}\n",
      f"two commits after the tag: their count and hash ({version(repo)!r})")

with open(os.path.join(repo, "f"), "w") as f:
    f.write("changed")
check(version(repo) == f"1.2.3+v1.2.3-2-g{third[:12]}-dirty\n",
      f"uncommitted changes are marked ({version(repo)!r})")

inner = os.path.join(repo, "build", "unpacked")
os.makedirs(inner)
check(version(inner) == "1.2.3\n",
      f"a tarball unpacked inside a checkout is not that checkout ({version(inner)!r})")

# The build carries what the script says of this source (a checkout or not).
expected = run([sys.executable, script, source, os.environ["SOMATIC_VERSION"]]).stdout.strip()
check(built_version() == expected, f"the build carries the source's version {expected!r} ({built_version()!r}; "
      "a build made before the last commit or edit says an older one: rebuild)")
finish()
