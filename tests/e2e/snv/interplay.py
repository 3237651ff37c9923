"""Substitutions and indels together: an MNV right before a deletion
(the deletion's padding base is the MNV's last base), and an SNV inside
another deletion's span on other fragments. Each is its own PASS record,
in position order, and bcftools norm changes nothing.

A random 16 kb reference (0-based starts). The tumour is two sets of reads
merged, so that no fragment carries both the SNV and the deletion around it:
  set 1 (50x): 2-base substitution at 6000-6001 (fraction 0.6), 3 bp
               deletion of 6002-6004 (0.6), 8 bp deletion of 10000-10007 (0.6)
  set 2 (50x): the same MNV and 3 bp deletion (0.6), SNV at 10004 (0.6)
so each is at about 0.3 of the tumour, except the MNV and the 3 bp deletion
at 0.6 (drawn independently: some fragments carry both). Normal 50x, none.
Expected records (VCF POS 1-based): MNV POS 6001, deletion POS 6002 (REF
from 6001), deletion POS 10000 (REF from 9999), SNV POS 10005.
"""
import os
import sys
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import binary, check, finish, read_vcf, run, scratch  # noqa: E402
from generated_reads import BASES  # noqa: E402
from indel_reads import write_indel_bam  # noqa: E402

out = scratch()
rng = np.random.default_rng(31)
reference = rng.choice(BASES, size=16000)
# No deletion can shift left: the base before each differs from its last
# deleted base.
while reference[6001] == reference[6004]:
    reference[6004] = rng.choice(BASES)
while reference[9999] == reference[10007]:
    reference[10007] = rng.choice(BASES)
seq = "".join(reference)
with open(f"{out}/ref.fa", "w") as f:
    f.write(">chr1\n" + "\n".join(seq[i:i + 60] for i in range(0, len(seq), 60)) + "\n")
run(["samtools", "faidx", f"{out}/ref.fa"])
other = lambda b: next(x for x in "ACGT" if x != b)
mnv = other(seq[6000]) + other(seq[6001])
snv = other(seq[10004])

shared = [(6000, 2, mnv, 0.6), (6002, 3, "", 0.6)]
write_indel_bam(f"{out}/t1.bam", "tumour", reference, shared + [(10000, 8, "", 0.6)], 50, 1)
write_indel_bam(f"{out}/t2.bam", "tumour", reference, shared + [(10004, 1, snv, 0.6)], 50, 2)
run(["samtools", "merge", "-f", "-o", f"{out}/tumour.bam", f"{out}/t1.bam", f"{out}/t2.bam"])
run(["samtools", "index", f"{out}/tumour.bam"])
write_indel_bam(f"{out}/normal.bam", "normal", reference, [], 50, 3)

vcf = f"{out}/calls.vcf"
run([binary("somatic-snv"), "--tumour", f"{out}/tumour.bam", "--normal", f"{out}/normal.bam",
     "--reference", f"{out}/ref.fa", "--no-version", "-o", vcf])
records, _ = read_vcf(vcf)
passing = [(r["pos"], r["ref"], r["alt"]) for r in records if r["filter"] == "PASS"]
expected = [(6001, seq[6000:6002], mnv), (6002, seq[6001:6005], seq[6001]),
            (10000, seq[9999:10008], seq[9999]), (10005, seq[10004], snv)]
check(passing == expected, f"PASS records are the MNV, both deletions and the SNV, in order ({passing})")
mnv_record = [r for r in records if r["pos"] == 6001 and len(r["ref"]) == 2]
check(len(mnv_record) == 1 and "MNV" in mnv_record[0]["info"], "the doublet is one MNV record")
positions = [r["pos"] for r in records]
check(positions == sorted(positions), "records are in position order")
normed = run(["bcftools", "norm", "-f", f"{out}/ref.fa", "--check-ref", "e", vcf]).stdout
body = lambda text: [l for l in text.splitlines() if not l.startswith("#")]
check(body(normed) == body(open(vcf).read()), "bcftools norm -f ref --check-ref e changes no record")
finish()
