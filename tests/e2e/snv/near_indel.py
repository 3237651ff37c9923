"""Substitutions next to indels: reads that end a few bases past a deletion
are aligned with mismatches instead of the gap (as aligners do), which
looks like SNVs in the tumour alone. The NearIndel filter must keep these
from PASS, and still pass a true SNV next to a true indel.

Planted in a random 20 kb reference (0-based starts), tumour 150x, normal
60x, every read of both samples with a deletion within 20 bases of its end
aligned without the gap (indel_reads.misaligned):
  5000   somatic 4 bp deletion, tumour fraction 0.5
  9000   germline 2 bp deletion, heterozygous in both samples
  14000  somatic 3 bp deletion, fraction 0.4, and at 14010 a somatic SNV,
         fraction 0.4, on other fragments (independently drawn)
Expected: the two somatic deletions and the SNV at 14010 PASS; no other
PASS SNV; the misaligned SNVs do not make the true events Clustered.
With the filter turned off (--max-near-indel-fraction 2, and Clustered
too), the misaligned reads do give PASS SNVs: the test would see the
defect.
"""
import os
import sys
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import binary, check, finish, read_vcf, run, scratch
from generated_reads import BASES
from indel_reads import write_indel_bam

out = scratch()
rng = np.random.default_rng(23)
reference = rng.choice(BASES, size=20000)
# The SNV's alt differs from the reference there and from the base a read
# misaligned over the 3 bp deletion shows there (reference[14013]).
alt = next(b for b in "ACGT" if b not in (reference[14010], reference[14013]))
seq = "".join(reference)
with open(f"{out}/ref.fa", "w") as f:
    f.write(">chr1\n" + "\n".join(seq[i:i + 60] for i in range(0, len(seq), 60)) + "\n")
run(["samtools", "faidx", f"{out}/ref.fa"])

somatic = [(5000, 4, "", 0.5), (14000, 3, "", 0.4), (14010, 1, alt, 0.4)]
germline = [(9000, 2, "", 0.5)]
write_indel_bam(f"{out}/tumour.bam", "tumour", reference, somatic + germline, 150, 1, misalign_within=20)
write_indel_bam(f"{out}/normal.bam", "normal", reference, germline, 60, 2, misalign_within=20)


def call(name, extra=()):
    path = f"{out}/{name}.vcf"
    run([binary("somatic-snv"), "--tumour", f"{out}/tumour.bam", "--normal", f"{out}/normal.bam",
         "--reference", f"{out}/ref.fa", "--no-version", "-o", path] + list(extra))
    return read_vcf(path)[0]


def passing_snvs(records):
    return sorted(r["pos"] for r in records
                  if r["filter"] == "PASS" and len(r["ref"]) == 1 and len(r["alt"]) == 1)


records = call("calls")
snvs = passing_snvs(records)
check(snvs == [14011], f"the only PASS SNV is the planted one at POS 14011 ({snvs})")
indels = sorted(r["pos"] for r in records if r["filter"] == "PASS" and "INDEL" in r["info"])
check(indels == [5000, 14000], f"the two somatic deletions PASS (POS 5000, 14000: {indels})")
near = [r for r in records if "NearIndel" in r["filter"].split(";")]
check(near and all(4900 <= r["pos"] <= 5100 or 8900 <= r["pos"] <= 9100 or 13900 <= r["pos"] <= 14100
                   for r in near), f"NearIndel marks SNVs next to the deletions only ({len(near)})")

# Without NearIndel the misaligned reads are SNVs, and so many that only
# Clustered would stop them (real data has fewer per indel: Clustered let
# them through on the simulated 5 Mb pair).
unfiltered = passing_snvs(call("unfiltered", ["--max-near-indel-fraction", "2", "--max-cluster-events", "1000"]))
check(len(unfiltered) > 1, f"without NearIndel the misaligned reads give PASS SNVs ({unfiltered})")
finish()
