#!/usr/bin/env bash
# Installs what building and running the toolkit need from Debian's packages
# (when missing) and builds it into build/. Run by demo.sh and test.sh;
# safe to run again.
#
#   scripts/setup.sh [PACKAGE...]
#
# Extra Debian packages named as arguments are installed in the same apt-get
# run: scripts/test.sh passes what testing needs (the simulator's ART and bwa,
# numpy, pysam, Snakemake, clang and its sanitizer runtimes), which neither
# the build nor the demo uses.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Build: compiler, meson, and the libraries the code stands on (doctest's
# header too: the build defines the unit tests; nlohmann-json for
# somatic-report's JSON).
# Demo (scripts/demo.sh): bcftools to count and compare the calls, and
# bsdextrautils for column(1).
packages=(
  g++ meson ninja-build pkg-config
  libhts-dev libtbb-dev libeigen3-dev libboost-program-options-dev doctest-dev nlohmann-json3-dev
  bcftools bsdextrautils
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

buildtype=${SOMATIC_BUILDTYPE:-release}
if [ ! -f build/build.ninja ]; then
  meson setup build --buildtype="$buildtype" >&2
fi
ninja -C build >&2
