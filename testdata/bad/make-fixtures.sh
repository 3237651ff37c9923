#!/usr/bin/env bash
# Regenerates the bad-input fixtures of somatic-snv from testdata/pair2.
# Each file is one mistake a user makes; tests/e2e/snv/bad_input.py names
# the message each must produce. Needs samtools.
set -euo pipefail
cd "$(dirname "$0")"
pair=../pair2
region=chr1:1-4000

samtools view -b -o mini_tumour.bam "$pair"/tumour.bam "$region"
samtools view -b -o mini_normal.bam "$pair"/normal.bam "$region"
samtools index mini_tumour.bam
samtools index mini_normal.bam

# Cut in the middle of a BGZF block: the end-of-file marker is missing.
size=$(stat -c %s mini_tumour.bam)
head -c $((size * 6 / 10)) mini_tumour.bam > truncated.bam
cp mini_tumour.bam.bai truncated.bam.bai

# An alignment file without its index.
cp mini_tumour.bam unindexed.bam

# No SM tag in the read group; two samples in one file.
samtools view -H mini_tumour.bam | sed 's/\tSM:TUMOUR//' > header.sam
samtools reheader header.sam mini_tumour.bam > no_sample.bam
samtools index no_sample.bam
samtools view -H mini_tumour.bam | awk '{print} /^@RG/{gsub("ID:tumour","ID:other"); gsub("SM:TUMOUR","SM:OTHER"); print}' > header.sam
samtools reheader header.sam mini_tumour.bam > two_samples.bam
samtools index two_samples.bam
rm header.sam

# References that do not match the alignments: contig named without "chr";
# contig of another length.
sed 's/^>chr1/>1/' "$pair"/ref.fa > chr_prefix.fa
samtools faidx chr_prefix.fa
awk 'NR==1{print; next} {print}' "$pair"/ref.fa | head -n 900 > other_length.fa
samtools faidx other_length.fa

# A CRAM, which needs its reference to be decoded.
samtools view -C -T "$pair"/ref.fa -o mini_tumour.cram mini_tumour.bam
samtools index mini_tumour.cram

# Regions: an empty BED file and an unsorted one.
: > empty.bed
printf 'chr1\t3000\t3500\nchr1\t100\t200\n' > unsorted.bed
