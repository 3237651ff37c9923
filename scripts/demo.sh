#!/usr/bin/env bash
# The toolkit's main job on the bundled tumour/normal pair: somatic SNVs
# (checked against the simulated truth), copy number with the HRD score,
# microsatellite instability, mutational signatures, and the report of it
# all (demo-output/report.html) with its biomarkers: TMB, MSI and HRD.
# Results go to demo-output/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh

bin=build/tools
data=testdata/pair1
out=demo-output
mkdir -p "$out"

echo "== somatic-snv: tumour/normal SNV calling" >&2
"$bin"/somatic-snv/somatic-snv --tumour "$data"/tumour.bam --normal "$data"/normal.bam \
  --reference "$data"/ref.fa --threads 2 --germline-hets "$out"/germline_hets.vcf.gz \
  --callable "$out"/callable.bed -o "$out"/somatic.vcf.gz

pass=$(bcftools view -H -f PASS "$out"/somatic.vcf.gz | wc -l)
true_pass=$(bcftools isec -n=2 -c none -f PASS "$out"/somatic.vcf.gz "$data"/truth.snv.vcf.gz 2>/dev/null | wc -l)
truth=$(bcftools view -H "$data"/truth.snv.vcf.gz | wc -l)
hets=$(bcftools view -H "$out"/germline_hets.vcf.gz | wc -l)
echo "somatic SNVs: $pass PASS, $true_pass of them in the truth set of $truth" \
     "(precision $(awk -v a="$true_pass" -v b="$pass" 'BEGIN{printf "%.3f", b ? a/b : 0}')," \
     "recall $(awk -v a="$true_pass" -v b="$truth" 'BEGIN{printf "%.3f", a/b}'))"
echo "germline heterozygous sites for allele fractions: $hets"

echo "== somatic-cnv: copy number, purity and ploidy (allele fractions from somatic-snv's het sites)" >&2
"$bin"/somatic-cnv/somatic-cnv run --tumour "$data"/tumour.bam --normal "$data"/normal.bam \
  --reference "$data"/ref.fa --germline-hets "$out"/germline_hets.vcf.gz --somatic-vcf "$out"/somatic.vcf.gz --threads 2 \
  --summary "$out"/purity_ploidy.tsv --seg "$out"/segments.seg --plot "$out"/genome.svg > "$out"/segments.bed
echo "purity and ploidy: $(cut -f1,2 "$out"/purity_ploidy.tsv | tail -n 1 | tr '\t' ' ')" \
     "(truth: $(cut -f1,2 "$data"/truth.purity_ploidy.tsv | tail -n 1 | tr '\t' ' '))"
grep -v '^##' "$out"/segments.bed | cut -f1-8,10 | column -t

echo "== somatic-msi: microsatellite instability (the reference's microsatellites, tumour against normal)" >&2
"$bin"/somatic-msi/somatic-msi scan --reference "$data"/ref.fa -o "$out"/msi_sites.bed
"$bin"/somatic-msi/somatic-msi call --tumour "$data"/tumour.bam --normal "$data"/normal.bam \
  --reference "$data"/ref.fa --sites "$out"/msi_sites.bed --threads 2 -o "$out"/msi_sites.tsv \
  --summary "$out"/msi.tsv 2>/dev/null
echo "microsatellites: $(wc -l < "$out"/msi_sites.bed) in the reference," \
     "$(cut -f1 "$out"/msi.tsv | tail -n 1) with the depth to test (the simulated tumour has no slippage)"

echo "== somatic-sig: SBS96 catalogue and signature exposures of the PASS calls" >&2
"$bin"/somatic-sig/somatic-sig catalogue --reference "$data"/ref.fa "$out"/somatic.vcf.gz > "$out"/catalogue.tsv
"$bin"/somatic-sig/somatic-sig fit --signatures testdata/signatures/cosmic_v3.2_subset.tsv \
  --bootstrap 100 --seed 1 --plot "$out"/signatures.svg "$out"/catalogue.tsv > "$out"/exposures.tsv
echo "signature exposures (truth: $(tail -n +2 "$data"/truth.exposures.tsv | awk '{printf "%s %s  ", $1, $2}')):"
column -t "$out"/exposures.tsv

echo "== somatic-report: the report of the pair (consequences from bcftools csq) and its biomarkers" >&2
# testdata/pair1/genes.gff3 holds four made-up genes (testdata/README.md);
# -p a: a somatic VCF's genotypes are unphased, take them as they are.
bcftools csq -p a -f "$data"/ref.fa -g "$data"/genes.gff3 -O z -o "$out"/annotated.vcf.gz "$out"/somatic.vcf.gz 2>/dev/null
"$bin"/somatic-report/somatic-report --snv "$out"/annotated.vcf.gz --callable "$out"/callable.bed \
  --cnv "$out"/segments.bed --cnv-summary "$out"/purity_ploidy.tsv --signatures "$out"/exposures.tsv \
  --catalogue "$out"/catalogue.tsv --msi "$out"/msi.tsv --annotation "$data"/genes.gff3 \
  -o "$out"/report.html --json "$out"/report.json 2>&1 | sed 's/^somatic-report: //'
# (TAI and LST, and so the HRD sum, need centromeres: this pair's made-up
# contigs have none, and the report says so rather than showing 0.)
echo "report: $out/report.html (facts as JSON: $out/report.json)"
echo "outputs in $out/"
