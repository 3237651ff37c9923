#!/usr/bin/env bash
# Proves the Bioconda recipe (packaging/bioconda/) on a release tarball, the
# way conda-build would use it, with Debian's packages standing in for
# conda's:
#
#   1. makes the tarball with `meson dist` from this checkout's HEAD (or takes
#      the one given), as a release would;
#   2. unpacks it into a fresh temporary directory (SRC_DIR) and runs the
#      recipe's build.sh there, with PREFIX (a fresh, empty prefix),
#      SRC_DIR and CPU_COUNT set as conda-build sets them;
#   3. runs every `test: commands:` entry of meta.yaml (rendered as
#      conda-build renders it: scripts/recipe.py) in an empty directory, with
#      PREFIX/bin first on PATH and SHLIB_EXT=.so;
#   4. checks that each installed tool runs and reports the tarball's version.
#
#   scripts/check-recipe.sh [somatic-VERSION.tar.xz]
#
# Every requirement of the recipe must have a Debian stand-in
# (scripts/recipe.py, STAND_INS) that is installed. conda-build rewrites
# the installed programs' RPATH to find $PREFIX/lib; this script sets
# LD_LIBRARY_PATH instead. When conda-build is on PATH, `conda build` then
# builds the recipe itself from the same tarball (SOMATIC_TARBALL).
#
# It builds the toolkit once without its tests: a few minutes on two cores.
# SOMATIC_KEEP_SCRATCH=1 keeps the temporary directory. Exit 0 when every
# step passed, 1 otherwise.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
recipe_dir=$repo/packaging/bioconda
recipe_py=$repo/scripts/recipe.py
python=/usr/bin/python3
[ -x "$python" ] || python=python3

say() { echo "check-recipe: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/somatic-recipe.XXXXXX")
if [ -z "${SOMATIC_KEEP_SCRATCH:-}" ]; then
  trap 'rm -rf "$scratch"' EXIT
else
  say "keeping $scratch"
fi

# The stand-ins: every requirement has one, and it is installed.
stand_ins=$("$python" "$recipe_py" stand-ins "$recipe_dir/meta.yaml") || fail "the recipe's requirements"
missing=()
for p in $stand_ins; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] || fail "Debian packages standing in for the recipe's requirements are missing: ${missing[*]} (sudo apt-get install ${missing[*]})"
say "requirements stand in as: $(echo $stand_ins)"

# 1. The tarball.
if [ $# -ge 1 ]; then
  tarball=$(realpath "$1")
else
  say "making the release tarball from $(git -C "$repo" rev-parse --short HEAD) (meson dist --no-tests)"
  meson setup "$scratch/dist-build" "$repo" -Dtests=false >"$scratch/dist.log" 2>&1 ||
    { cat "$scratch/dist.log" >&2; fail "meson setup for meson dist"; }
  meson dist -C "$scratch/dist-build" --no-tests --formats xztar >>"$scratch/dist.log" 2>&1 ||
    { cat "$scratch/dist.log" >&2; fail "meson dist"; }
  tarball=$(ls "$scratch"/dist-build/meson-dist/somatic-*.tar.xz)
fi
# The tarball's one top directory, somatic-VERSION/, names the version.
name=$(tar -tJf "$tarball" | awk -F/ 'NR == 1 { print $1 }')
[[ $name == somatic-* ]] || fail "$tarball does not hold one directory somatic-VERSION/"
version=${name#somatic-}
recipe_version=$("$python" "$recipe_py" show "$recipe_dir/meta.yaml" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["package"]["version"])')
[ "$version" = "$recipe_version" ] || fail "the tarball is version $version, the recipe $recipe_version"
say "tarball $(basename "$tarball") ($name/), sha256 $(sha256sum "$tarball" | cut -d' ' -f1)"

# 2. build.sh in the unpacked tarball, into an empty prefix. conda-build copies
# the recipe's build.sh into the unpacked source and runs it there with bash -e.
mkdir -p "$scratch/source" "$scratch/prefix"
tar -xJf "$tarball" -C "$scratch/source"
export SRC_DIR=$scratch/source/$name PREFIX=$scratch/prefix CPU_COUNT=${CPU_COUNT:-$(nproc)}
export PKG_NAME=somatic PKG_VERSION=$version SHLIB_EXT=.so
[ -f "$SRC_DIR/LICENSE" ] || fail "the tarball has no LICENSE (the recipe's license_file)"
cp "$recipe_dir/build.sh" "$SRC_DIR/conda_build.sh"
say "running build.sh in $name/ (PREFIX empty, CPU_COUNT=$CPU_COUNT)"
(cd "$SRC_DIR" && bash -e conda_build.sh) >"$scratch/build.log" 2>&1 ||
  { tail -n 40 "$scratch/build.log" >&2; fail "build.sh"; }

# 3. The recipe's test commands, one shell each, in an empty directory.
export PATH=$PREFIX/bin:$PATH LD_LIBRARY_PATH=$PREFIX/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
mkdir "$scratch/test"
n=0
failed=0
while IFS= read -r -d '' command; do
  n=$((n + 1))
  if (cd "$scratch/test" && bash -e -c "$command") >"$scratch/test.log" 2>&1; then
    say "test ok: $command"
  else
    say "test FAILED: $command"
    sed 's/^/    /' "$scratch/test.log" >&2
    failed=$((failed + 1))
  fi
done < <("$python" "$recipe_py" test-commands "$recipe_dir/meta.yaml")
[ "$n" -gt 0 ] || fail "the recipe has no test commands"
[ "$failed" -eq 0 ] || fail "$failed of the recipe's $n test commands"

# 4. The installed tools run from the prefix, at the tarball's version (no git
# inside a tarball: the plain version).
tools=0
for exe in "$PREFIX"/bin/*; do
  tool=$(basename "$exe")
  out=$("$exe" --version) || fail "$tool --version"
  [ "$out" = "$tool $version" ] || fail "$tool --version says '$out', not '$tool $version'"
  tools=$((tools + 1))
done
for tool in somatic-snv somatic-pon somatic-cnv somatic-sig somatic-scatter somatic-msi; do
  [ -x "$PREFIX/bin/$tool" ] || fail "$tool is not installed in PREFIX/bin"
done
say "the $tools installed tools run and report version $version"

if command -v conda-build >/dev/null 2>&1; then
  say "conda-build found: conda build on the same tarball"
  SOMATIC_TARBALL=$tarball conda build --output-folder "$scratch/conda-out" "$recipe_dir" ||
    fail "conda build"
fi
say "passed: build.sh and $n test commands of the recipe on $(basename "$tarball")"
