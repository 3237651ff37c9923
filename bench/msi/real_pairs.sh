#!/bin/sh
# somatic-msi on real reads, as a new user would run it: scan GRCh37
# chromosome 20 (Debian's vt-examples) for the sites count and the time,
# then scan each real pair's reference and call the pair.
#
# Usage: bench/msi/real_pairs.sh [OUT]   (default: a temporary directory)
#
# The pairs are the slices under ../shared/data/somatic_bam/vardict_pairs
# next to the repository (or $SOMATIC_SHARED_DATA/somatic_bam/vardict_pairs):
# tumour/normal BAMs of small regions with an N-padded reference each. They
# are cell lines and tumours that are not known to be MSI-high, so MSS is the
# expected call; the slices hold few microsatellites, so the call is also
# run with --min-depth 5 to show what the sites say. Skips what is absent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$(dirname "$here")")
msi=${SOMATIC_MSI:-$repo/build/tools/somatic-msi/somatic-msi}
shared=${SOMATIC_SHARED_DATA:-$repo/../shared/data}
out=${1:-$(mktemp -d)}
mkdir -p "$out"

chr20=/usr/share/doc/vt/examples/ref/20.fa.gz
if [ -f "$chr20" ]; then
    start=$(date +%s.%N)
    "$msi" scan -f "$chr20" -t 2 -o "$out/chr20.sites.bed"
    end=$(date +%s.%N)
    echo "GRCh37 chr20: $(wc -l < "$out/chr20.sites.bed") sites in $(echo "$end - $start" | bc) s (2 threads)"
    cut -f 4 "$out/chr20.sites.bed" | awk '{n[length($1)]++} END {for (k in n) printf "  unit %d bp: %d\n", k, n[k]}' | sort
else
    echo "skip: $chr20 is absent (apt-get install vt-examples)"
fi

pairs=$shared/somatic_bam/vardict_pairs
[ -d "$pairs" ] || { echo "skip: $pairs is absent"; exit 0; }
for dir in "$pairs"/*/; do
    dir=${dir%/}
    name=$(basename "$dir")
    ref=$(ls "$dir"/*.fa.gz 2>/dev/null | head -1)
    set -- $(ls "$dir"/*.bam)
    [ -n "$ref" ] && [ $# -eq 2 ] || { echo "$name: skip (not one reference and two BAMs)"; continue; }
    # The tumour is the BAM whose name says so, else the first.
    tumour=$1 normal=$2
    case "$(basename "$2")" in *[Tt]umo*|*_C_*|*.18.*) tumour=$2 normal=$1 ;; esac
    case "$(basename "$1")" in *[Nn]ormal*|*_BL_*|*.19.*) tumour=$2 normal=$1 ;; esac
    "$msi" scan -f "$ref" -o "$out/$name.sites.bed" 2>/dev/null
    echo "$name: tumour $(basename "$tumour"), normal $(basename "$normal"), $(wc -l < "$out/$name.sites.bed") sites on the reference"
    for depth in 20 5; do
        if "$msi" call --tumour "$tumour" --normal "$normal" -f "$ref" --sites "$out/$name.sites.bed" \
            --min-depth $depth -o "$out/$name.d$depth.tsv" --summary "$out/$name.d$depth.summary.tsv" 2> "$out/$name.d$depth.log"; then
            echo "  --min-depth $depth: $(tail -1 "$out/$name.d$depth.summary.tsv" | tr '\t' ' ')  (sites_tested sites_unstable percent status threshold)"
        else
            echo "  --min-depth $depth: $(cat "$out/$name.d$depth.log")"
        fi
    done
done
