#!/usr/bin/env bash
# Checks that the build is reproducible: two builds of one commit, from two
# clones at different paths with their build directories placed differently
# (one inside its source, one beside it), installed under the same prefix,
# give byte-identical files: the tools, libsomatic, its headers, its
# pkg-config file and the man pages.
#
#   scripts/check-reproducible.sh [COMMIT]      (default: HEAD)
#
# Prints every file that differs (with the first differing bytes and the
# strings only one build holds) and any installed file that names either
# build's directory. ccache is bypassed, so that each build compiles for
# itself. Two builds without tests: several minutes on two cores, which is
# why this is a script and not part of the test suite (tests/e2e/
# build_paths.py, which is, checks the built binaries for build paths).
# SOMATIC_KEEP_SCRATCH=1 keeps the builds. Exit 0 when identical.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
commit=$(git -C "$repo" rev-parse "${1:-HEAD}^{commit}")
jobs=${CPU_COUNT:-$(nproc)}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/somatic-repro.XXXXXX")
if [ -z "${SOMATIC_KEEP_SCRATCH:-}" ]; then
  trap 'rm -rf "$scratch"' EXIT
else
  echo "check-reproducible: keeping $scratch" >&2
fi
export CCACHE_DISABLE=1

# build NAME SOURCE BUILD: clone the commit to SOURCE, build in BUILD,
# install into $scratch/NAME-install.
build() {
  local name=$1 src=$2 bld=$3
  git clone --quiet --no-checkout "$repo" "$src"
  git -C "$src" checkout --quiet --detach "$commit"
  echo "check-reproducible: build $name: source $src, build directory $bld" >&2
  meson setup "$bld" "$src" --prefix=/usr/local --libdir=lib --buildtype=release -Dtests=false \
    >"$scratch/$name.log" 2>&1 &&
    ninja -C "$bld" -j "$jobs" >>"$scratch/$name.log" 2>&1 &&
    DESTDIR="$scratch/$name-install" meson install -C "$bld" --no-rebuild --quiet >>"$scratch/$name.log" 2>&1 ||
    { tail -n 30 "$scratch/$name.log" >&2; echo "check-reproducible: build $name failed" >&2; exit 1; }
}
build a "$scratch/a/somatic" "$scratch/a/somatic/build"
build b "$scratch/elsewhere/deeper/somatic-copy" "$scratch/b-build"

cd "$scratch"
status=0
list() { (cd "$1" && find . -type f -o -type l | LC_ALL=C sort); }
if ! diff <(list a-install) <(list b-install) >/dev/null; then
  echo "check-reproducible: the two installs hold different files:" >&2
  diff <(list a-install) <(list b-install) >&2 || true
  status=1
fi
compared=0
while IFS= read -r f; do
  [ -f "b-install/$f" ] || continue
  compared=$((compared + 1))
  if [ -L "a-install/$f" ]; then
    [ "$(readlink "a-install/$f")" = "$(readlink "b-install/$f")" ] ||
      { echo "DIFFERS (symlink target): $f" >&2; status=1; }
    continue
  fi
  if ! cmp -s "a-install/$f" "b-install/$f"; then
    status=1
    echo "DIFFERS: $f" >&2
    cmp "a-install/$f" "b-install/$f" 2>&1 | head -n 1 >&2 || true
    diff <(strings -n 8 "a-install/$f" | sort -u) <(strings -n 8 "b-install/$f" | sort -u) | head -n 20 >&2 || true
  fi
done < <(list a-install)
# No installed file may name where it was built.
if grep -rlF -e "$scratch/a" -e "$scratch/elsewhere" -e "$scratch/b-build" a-install b-install >&2; then
  echo "check-reproducible: the files above name a build's directory" >&2
  status=1
fi
if [ $status -eq 0 ]; then
  echo "check-reproducible: $compared installed files of $(git -C "$repo" rev-parse --short "$commit") are byte-identical across the two builds"
else
  echo "check-reproducible: the builds differ" >&2
fi
exit $status
