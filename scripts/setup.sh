#!/usr/bin/env bash
# Installs what the toolkit needs from Debian's packages (when missing) and
# builds it into build/. Sourced by demo.sh and test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Build: compiler, meson, and the libraries the code stands on.
# Tests and demo: samtools/bcftools/tabix, python3 with numpy for the
# end-to-end checks and pysam for the artefact injector
# (sim/inject_artefacts, used by tests/e2e/snv/artefacts.py), ART and bwa
# for the simulator's own test.
# Sanitizers and fuzzers (scripts/test.sh): clang, and libclang-rt-14-dev for
# its sanitizer and libFuzzer runtimes (-fsanitize=fuzzer).
packages=(
  g++ meson ninja-build pkg-config cmake
  libhts-dev libtbb-dev libeigen3-dev libboost-program-options-dev doctest-dev
  samtools bcftools tabix python3 python3-numpy python3-pysam snakemake
  art-nextgen-simulation-tools bwa
  clang libclang-rt-14-dev
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
