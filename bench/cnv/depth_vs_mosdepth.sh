#!/bin/sh
# Reads per 1 kb bin: `somatic-cnv bins` against mosdepth (Debian package
# `mosdepth`) on the same BAM, bins and threads, same filters (MAPQ >= 20;
# duplicates, secondary, supplementary, QC-fail and unmapped reads skipped).
#
# The BAM is testdata/pair1/tumour.bam merged with itself COPIES times
# (default 30: ~1,800x over 200 kb, ~2.4 M reads), built once under
# bench/out/. Usage: bench/cnv/depth_vs_mosdepth.sh [COPIES] [somatic-cnv binary]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
copies=${1:-30}
cnv=${2:-$here/build/tools/somatic-cnv/somatic-cnv}
out=$here/bench/out/cnv
mkdir -p "$out"
bam=$out/tumour_x$copies.bam
ref=$here/testdata/pair1/ref.fa
if [ ! -s "$bam.bai" ]; then
    inputs=""
    i=0
    while [ $i -lt "$copies" ]; do inputs="$inputs $here/testdata/pair1/tumour.bam"; i=$((i + 1)); done
    # -c -p keep one @RG/@PG; the copies keep their flags (duplicates stay marked).
    samtools merge -f -c -p -o "$bam" $inputs
    samtools index "$bam"
fi
echo "BAM: $bam ($(samtools idxstats "$bam" | awk '{n += $3} END {print n}') mapped reads)"
for t in 1 2; do
    start=$(date +%s.%N)
    "$cnv" bins -f "$ref" --bin-size 1000 --threads $t "$bam" -o "$out/bins.tsv"
    mid=$(date +%s.%N)
    # -n: no per-base output; -x: no CIGAR walk for the per-base depth (fast mode);
    # -F 1796 = unmapped, secondary, QC-fail, duplicate; supplementary is 2048.
    mosdepth -n -x --by 1000 -Q 20 -F 3844 -t $t "$out/mosdepth" "$bam"
    end=$(date +%s.%N)
    echo "threads $t: somatic-cnv bins $(echo "$mid - $start" | bc) s, mosdepth $(echo "$end - $mid" | bc) s"
done
