#!/bin/bash
# Bioconda build script: the meson build, installed into $PREFIX. Tests and
# benchmarks need the repository's test data and run in its CI, not here.
set -euo pipefail

meson setup build-conda \
    --prefix="${PREFIX}" \
    --libdir=lib \
    --buildtype=release \
    -Dtests=false
ninja -C build-conda -j "${CPU_COUNT:-1}"
meson install -C build-conda
