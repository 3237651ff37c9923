#!/usr/bin/env bash
# Regenerates the bad-input fixtures from testdata/pair2 (and a few text
# tables written here). Each file is one mistake a user makes;
# tests/e2e/bad_input/cases.py names the tool, the arguments, the exit code
# and the message each must produce. Needs samtools, bcftools, bgzip, tabix.
# The output is the same on every run.
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
# The reference's path (UR) is left out of its header: it would name a
# directory of the machine that made it; the MD5 (M5) stays.
samtools view -C -T "$pair"/ref.fa -o mini_tumour.cram mini_tumour.bam
samtools view -H mini_tumour.cram | sed 's/\tUR:[^\t]*//' > header.sam
samtools reheader --no-PG -i header.sam mini_tumour.cram
rm header.sam
samtools index mini_tumour.cram

# Regions: an empty BED file and an unsorted one.
: > empty.bed
printf 'chr1\t3000\t3500\nchr1\t100\t200\n' > unsorted.bed


# Cut in the middle of a CRAM container (the EOF container is missing).
size=$(stat -c %s mini_tumour.cram)
head -c $((size * 6 / 10)) mini_tumour.cram > truncated.cram
cp mini_tumour.cram.crai truncated.cram.crai

# Files that are not what their name says: empty, or text.
: > empty.bam
: > empty.fa
: > empty.vcf.gz
printf 'this is not an alignment file\n' > not_a_bam.bam

# Regions past the end of chr1 (60,000 bp) and of zero length.
printf 'chr1\t59000\t70000\n' > past_end.bed
printf 'chr1\t100\t100\n' > zero_length.bed

# Sites: the germline SNPs of the mini region, bgzipped and indexed; then
# the same cut mid-block, as BCF cut mid-block, unsorted, and malformed.
bcftools view --no-version -r chr1:1-4000 -Oz -o sites.vcf.gz "$pair"/germline.vcf.gz
tabix -f -p vcf sites.vcf.gz
bcftools view --no-version -Ob -o sites.bcf sites.vcf.gz
bcftools index -f sites.bcf
# The same sites named without the 'chr' prefix (a b37 resource for chr data).
bcftools view --no-version sites.vcf.gz | sed 's/^chr1\t/1\t/; s/ID=chr1,/ID=1,/' | bgzip > chr_prefix.vcf.gz
tabix -f -p vcf chr_prefix.vcf.gz
size=$(stat -c %s sites.vcf.gz)
head -c $((size / 2)) sites.vcf.gz > truncated.vcf.gz
cp sites.vcf.gz.tbi truncated.vcf.gz.tbi
size=$(stat -c %s sites.bcf)
head -c $((size / 2)) sites.bcf > truncated.bcf
cp sites.bcf.csi truncated.bcf.csi
bcftools view --no-version -H sites.vcf.gz > body.txt
{ bcftools view --no-version -h sites.vcf.gz; sed -n '2p' body.txt; sed -n '1p' body.txt; sed -n '3,$p' body.txt; } > unsorted.vcf
# A record of five columns; a POS that is not a number; a REF that is not
# the reference's base (the first record's REF replaced by another base).
{ bcftools view --no-version -h sites.vcf.gz; sed -n '1p' body.txt | cut -f1-5; sed -n '2,$p' body.txt; } > missing_columns.vcf
{ bcftools view --no-version -h sites.vcf.gz; sed -n '1p' body.txt | awk -F'\t' 'BEGIN{OFS="\t"} {$2="12x4"; print}'; sed -n '2,$p' body.txt; } > non_numeric_pos.vcf
{ bcftools view --no-version -h sites.vcf.gz; sed -n '1p' body.txt | awk -F'\t' 'BEGIN{OFS="\t"; swap["A"]="C"; swap["C"]="G"; swap["G"]="T"; swap["T"]="A"} {r=swap[$4]; if (r==$5) r=swap[r]; $4=r; print}'; sed -n '2,$p' body.txt; } > ref_mismatch.vcf
rm body.txt
# A VCF whose index is older than the data cannot be committed (a checkout
# sets every file's time); the test makes it.

# Tables of somatic-sig and somatic-cnv with impossible values.
sigs=../sig/signatures.tsv
awk -F'\t' 'BEGIN{OFS="\t"} NR==10{$2="NaN"} {print}' "$sigs" > nan.signatures.tsv
awk -F'\t' 'BEGIN{OFS="\t"} NR==1{print "MutationType", "S1"; next} {print $1, 5}' "$sigs" | sed 's/^A\[C>A\]A\t/A[C>U]A\t/' > wrong_channel.catalogue.tsv
awk -F'\t' 'BEGIN{OFS="\t"} NR==1{print "MutationType", "S1"; next} {print $1, 5}' "$sigs" | sed '3,4d' > missing_channels.catalogue.tsv
awk -F'\t' 'BEGIN{OFS="\t"} NR==1{print "MutationType", "S1"; next} NR==5{print $1, "Inf"; next} {print $1, 5}' "$sigs" > inf.catalogue.tsv
awk -F'\t' 'BEGIN{OFS="\t"} NR==1{print "MutationType", "S1"; next} NR==5{print $1, -3; next} {print $1, 5}' "$sigs" > negative.catalogue.tsv

# A germline-hets VCF (tumour and normal allele depths, as somatic-snv
# --germline-hets writes) whose first two records are swapped.
{
  bcftools view --no-version -h sites.vcf.gz | sed '$d'
  printf '##normal_sample=NORMAL\n##tumor_sample=TUMOUR\n'
  printf '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Fragments supporting each allele">\n'
  printf '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOUR\n'
  bcftools view --no-version -H sites.vcf.gz | awk -F'\t' 'BEGIN{OFS="\t"} {print $1,$2,$3,$4,$5,".",".",".","GT:AD","0/1:10,10","0/1:8,12"}' > body.txt
  sed -n '2p' body.txt; sed -n '1p' body.txt; sed -n '3,$p' body.txt
} > unsorted.hets.vcf
rm body.txt
