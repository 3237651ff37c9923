#!/usr/bin/env bash
# Makes the release tarball of VERSION and fills the Bioconda recipe from it.
#
#   scripts/release.sh VERSION [--no-tests]
#
# VERSION must already be the version of meson.build's project() (the one
# place it is set), of the top entry of NEWS.md and of CITATION.cff, and the
# checkout must be clean. The script then
#
#   1. makes somatic-VERSION.tar.xz with `meson dist`, which unpacks it, builds
#      it and runs the whole test suite from the tarball alone (--no-tests
#      skips that check);
#   2. writes the version and the tarball's sha256 into
#      packaging/bioconda/meta.yaml (scripts/recipe.py set-release);
#   3. runs scripts/check-recipe.sh on that tarball: the recipe's build.sh
#      and test commands, with Debian's packages standing in for conda's;
#   4. copies the tarball to the top directory and prints what is left to do
#      by hand: tag vVERSION (the commit the tarball is made from), commit
#      the recipe, publish the tarball.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
python=/usr/bin/python3
[ -x "$python" ] || python=python3

fail() { echo "release: $*" >&2; exit 1; }
[ $# -ge 1 ] || fail "usage: scripts/release.sh VERSION [--no-tests]"
version=$1
dist_tests=()
[ "${2:-}" != "--no-tests" ] || dist_tests=(--no-tests)

meson_version=$(awk -F"'" '/^ *version *:/ { print $2; exit }' meson.build)
[ "$version" = "$meson_version" ] || fail "meson.build's project() says version $meson_version, not $version (set it there first)"
news_version=$(awk '/^## / { print $2; exit }' NEWS.md)
[ "$version" = "$news_version" ] || fail "NEWS.md's top entry is $news_version, not $version"
cff_version=$(sed -n 's/^version: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' CITATION.cff)
[ "$version" = "$cff_version" ] || fail "CITATION.cff says version $cff_version, not $version"
[ -z "$(git status --porcelain --untracked-files=no)" ] || fail "the checkout has uncommitted changes"
if git rev-parse -q --verify "refs/tags/v$version" >/dev/null &&
   [ "$(git rev-parse "v$version^{commit}")" != "$(git rev-parse HEAD)" ]; then
  fail "tag v$version exists and is not HEAD"
fi

build=$(mktemp -d "${TMPDIR:-/tmp}/somatic-release.XXXXXX")
trap 'rm -rf "$build"' EXIT
echo "release: meson dist of $(git rev-parse --short HEAD) as somatic-$version" >&2
meson setup "$build" "$repo" >&2
meson dist -C "$build" --formats xztar "${dist_tests[@]}" >&2
tarball=$build/meson-dist/somatic-$version.tar.xz
[ -f "$tarball" ] || fail "meson dist made no $(basename "$tarball")"
sha=$(sha256sum "$tarball" | cut -d' ' -f1)

"$python" scripts/recipe.py set-release packaging/bioconda/meta.yaml "$version" "$sha"
echo "release: packaging/bioconda/meta.yaml: version $version, sha256 $sha" >&2
scripts/check-recipe.sh "$tarball"
cp "$tarball" "$repo/"

cat <<EOF
somatic-$version.tar.xz  sha256 $sha

Left to do (the tag first: it marks the commit the tarball was made from):
  git tag -a v$version -m "somatic $version" $(git rev-parse --short HEAD)
  git commit -m "bioconda: the recipe of release $version" packaging/bioconda/meta.yaml
  publish somatic-$version.tar.xz as the release's asset (the recipe's url),
  then submit packaging/bioconda/ to bioconda-recipes.
EOF
