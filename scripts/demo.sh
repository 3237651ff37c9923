#!/usr/bin/env bash
# The toolkit's main job on the bundled tumour/normal pair: somatic SNVs,
# then their checks against the simulated truth. Results go to demo-output/.
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
  -o "$out"/somatic.vcf.gz

pass=$(bcftools view -H -f PASS "$out"/somatic.vcf.gz | wc -l)
true_pass=$(bcftools isec -n=2 -c none -f PASS "$out"/somatic.vcf.gz "$data"/truth.snv.vcf.gz | wc -l)
truth=$(bcftools view -H "$data"/truth.snv.vcf.gz | wc -l)
hets=$(bcftools view -H "$out"/germline_hets.vcf.gz | wc -l)
echo "somatic SNVs: $pass PASS, $true_pass of them in the truth set of $truth" \
     "(precision $(awk -v a="$true_pass" -v b="$pass" 'BEGIN{printf "%.3f", b ? a/b : 0}')," \
     "recall $(awk -v a="$true_pass" -v b="$truth" 'BEGIN{printf "%.3f", a/b}'))"
echo "germline heterozygous sites for allele fractions: $hets"
echo "outputs in $out/"
