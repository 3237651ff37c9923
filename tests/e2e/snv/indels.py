"""Somatic indels: reads with known indels at known fractions (aligned with
the CIGARs an aligner would give, some placed right of their leftmost
position), called and checked against what was planted.

Planted in a random 30 kb reference (0-based starts; VCF POS is the padding
base, one before, 1-based, so POS = start):
  homopolymer  A x 10 at 3000, somatic deletion of one A (CIGAR at the run's
               right end), tumour fraction 0.3: POS 3000 REF GA ALT G?, RU=A
               RC=10 IC=9 (the padding base is whatever precedes the run)
  10 bp        somatic deletion at 8000, fraction 0.25
  20 bp        somatic insertion before 13000, fraction 0.3
  STR          (CA) x 8 at 18000, somatic insertion of one CA, fraction 0.3:
               RU=CA RC=8 IC=9
  germline     3 bp deletion at 23000, heterozygous in both samples: not a
               PASS somatic call
  homopolymer  T x 12 at 26000, somatic insertion of one T, fraction 0.35
Tumour 60x, normal 40x. Also: 1 and 2 threads with small chunks give the
same bytes; bcftools norm --check-ref e changes nothing; the normal given
as both samples gives no PASS indel; --force-sites with an indel without
evidence reports it, and a symbolic allele is skipped.
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
rng = np.random.default_rng(17)
reference = rng.choice(BASES, size=30000)


def plant(start, tract):
    reference[start:start + len(tract)] = list(tract)
    # A base unlike the tract's on either side, so the tract is exactly this long.
    for p in (start - 1, start + len(tract)):
        while reference[p] in tract:
            reference[p] = rng.choice(BASES)


plant(3000, "A" * 10)
plant(18000, "CA" * 8)
plant(26000, "T" * 12)
inserted20 = "".join(rng.choice(BASES, size=20))
seq = "".join(reference)
with open(f"{out}/ref.fa", "w") as f:
    f.write(">chr1\n" + "\n".join(seq[i:i + 60] for i in range(0, len(seq), 60)) + "\n")
run(["samtools", "faidx", f"{out}/ref.fa"])

somatic = [(3009, 1, "", 0.3),            # the run's last A: the caller must left-align it
           (8000, 10, "", 0.25),
           (13000, 0, inserted20, 0.3),
           (18016, 0, "CA", 0.3),          # after the tract: left-aligned to its start
           (26012, 0, "T", 0.35)]
germline = [(23000, 3, "", 0.5)]
write_indel_bam(f"{out}/tumour.bam", "tumour", reference, somatic + germline, 60, 1)
write_indel_bam(f"{out}/normal.bam", "normal", reference, germline, 40, 2)

# The expected records, left-aligned and parsimonious, worked out by hand.
expected = {
    (3000, seq[2999] + "A", seq[2999]): ("A", 10, 9, 0.3),
    (8000, seq[7999:8010], seq[7999]): (seq[7999 + 1:8010], 1, 0, 0.25),
    (13000, seq[12999], seq[12999] + inserted20): (inserted20, 0, 1, 0.3),
    (18000, seq[17999], seq[17999] + "CA"): ("CA", 8, 9, 0.3),
    (26000, seq[25999], seq[25999] + "T"): ("T", 12, 13, 0.35),
}
germline_record = (23000, seq[22999:23003], seq[22999])


def call(name, tumour, normal, extra=()):
    path = f"{out}/{name}.vcf"
    run([binary("somatic-snv"), "--tumour", tumour, "--normal", normal, "--reference", f"{out}/ref.fa",
         "--no-version", "-o", path] + list(extra))
    return path


calls = call("calls", f"{out}/tumour.bam", f"{out}/normal.bam", ["--threads", "1", "--chunk-size", "4000"])
records, header = read_vcf(calls)
indels = {(r["pos"], r["ref"], r["alt"]): r for r in records if "INDEL" in r["info"]}
for key, (unit, rc, ic, vaf) in expected.items():
    r = indels.get(key)
    check(r is not None and r["filter"] == "PASS", f"somatic indel {key[0]} {key[1][:12]}>{key[2][:12]} is a PASS call")
    if r is None:
        continue
    check((r["info"].get("RU"), int(r["info"]["RC"]), int(r["info"]["IC"])) == (unit, rc, ic),
          f"indel at {key[0]}: RU/RC/IC {r['info'].get('RU')}/{r['info']['RC']}/{r['info']['IC']} are {unit}/{rc}/{ic}")
    tumour = r["samples"][1]
    ref_n, alt_n = (int(x) for x in tumour["AD"].split(","))
    depth = ref_n + alt_n
    # Fragments carry the indel with probability vaf: 4 binomial sd either side.
    sd = (vaf * (1 - vaf) / max(depth, 1)) ** 0.5
    check(depth >= 30 and abs(alt_n / depth - vaf) <= 4 * sd,
          f"indel at {key[0]}: tumour AD {ref_n},{alt_n} fits fraction {vaf}")
    normal_alt = int(r["samples"][0]["AD"].split(",")[1])
    check(normal_alt == 0, f"indel at {key[0]}: no normal fragment supports it (AD alt {normal_alt})")
g = indels.get(germline_record)
check(g is None or g["filter"] != "PASS", "the germline het deletion is not a PASS somatic call")
passing = [k for k, r in indels.items() if r["filter"] == "PASS"]
check(sorted(passing) == sorted(expected), f"PASS indels are exactly the planted somatic ones ({len(passing)})")
check(any(h.startswith("##indel_error_rates=") for h in header), "the header states the indel error rates")

# Sorted, and the same bytes at 2 threads.
positions = [r["pos"] for r in records]
check(positions == sorted(positions), "records are in position order")
two = call("calls2", f"{out}/tumour.bam", f"{out}/normal.bam", ["--threads", "2", "--chunk-size", "4000"])
check(open(two).read() == open(calls).read(), "2 threads give the same output as 1")

# Normalised: bcftools norm changes nothing.
normed = run(["bcftools", "norm", "-f", f"{out}/ref.fa", "--check-ref", "e", calls]).stdout
body = lambda text: [l for l in text.splitlines() if not l.startswith("#")]
check(body(normed) == body(open(calls).read()), "bcftools norm -f ref --check-ref e changes no record")

# The same reads as both samples: nothing somatic.
same = call("same", f"{out}/normal.bam", f"{out}/normal.bam")
same_pass = [r for r in read_vcf(same)[0] if "INDEL" in r["info"] and r["filter"] == "PASS"]
check(not same_pass, f"the normal as both samples gives no PASS indel ({len(same_pass)})")

# --force-sites: an indel no read carries is reported; a symbolic allele is skipped.
with open(f"{out}/force.vcf", "w") as f:
    f.write("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=30000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
    # Two copies of a base unlike the padding base: already left-aligned.
    extra = next(b for b in "ACGT" if b != seq[14999]) * 2
    f.write(f"chr1\t15000\t.\t{seq[14999]}\t{seq[14999]}{extra}\t.\t.\t.\n")
    f.write(f"chr1\t16000\t.\t{seq[15999]}\t<DEL>\t.\t.\t.\n")
run(["bgzip", "-f", f"{out}/force.vcf"])
run(["tabix", "-p", "vcf", f"{out}/force.vcf.gz"])
forced = call("forced", f"{out}/tumour.bam", f"{out}/normal.bam", ["--force-sites", f"{out}/force.vcf.gz"])
forced_records = read_vcf(forced)[0]
f = [r for r in forced_records if r["pos"] == 15000 and "INDEL" in r["info"]]
check(len(f) == 1 and "FORCED" in f[0]["info"] and f[0]["filter"] != "PASS",
      "a forced indel without evidence is reported, FORCED and not PASS")
check(not [r for r in forced_records if r["pos"] == 16000], "a forced symbolic allele is skipped")

# Unusual alignments: =/X for M, a spliced read (N), padding (P). They run,
# and the homopolymer deletion is still found (not necessarily PASS: the
# "spliced" reads' bases past the N are misplaced, which makes SNV
# candidates nearby, and Clustered).
import pysam
with pysam.AlignmentFile(f"{out}/tumour.bam") as src, \
        pysam.AlignmentFile(f"{out}/odd.bam", "wb", template=src) as dst:
    for k, read in enumerate(src):
        if 2900 <= read.reference_start < 3000 and read.cigarstring == "100M":
            read.cigarstring = ("100=", "40M100N60M", "50M1P50M", "30=1X69=")[k % 4]
        dst.write(read)
run(["samtools", "index", f"{out}/odd.bam"])
odd = run([binary("somatic-snv"), "--tumour", f"{out}/odd.bam", "--normal", f"{out}/normal.bam",
           "--reference", f"{out}/ref.fa", "-o", f"{out}/odd.vcf"], check=False)
check(odd.returncode == 0, f"reads with CIGAR =, X, N and P are taken ({odd.stderr.strip()[:200]})")
if odd.returncode == 0:
    hp = [r for r in read_vcf(f"{out}/odd.vcf")[0] if r["pos"] == 3000 and "INDEL" in r["info"]]
    check(len(hp) == 1 and int(hp[0]["info"]["QSS"]) >= 20, "the homopolymer deletion is still found")

# A reference with Ns next to the 20 bp insertion: no crash, and no indel
# record touching an N.
with_n = seq[:12990] + "N" * 9 + seq[12999:]
with open(f"{out}/ref_n.fa", "w") as f:
    f.write(">chr1\n" + "\n".join(with_n[i:i + 60] for i in range(0, len(with_n), 60)) + "\n")
run(["samtools", "faidx", f"{out}/ref_n.fa"])
n_run = run([binary("somatic-snv"), "--tumour", f"{out}/tumour.bam", "--normal", f"{out}/normal.bam",
             "--reference", f"{out}/ref_n.fa", "-o", f"{out}/n.vcf"], check=False)
check(n_run.returncode == 0, f"a reference N next to a candidate is not an error ({n_run.stderr.strip()[:200]})")
if n_run.returncode == 0:
    touching = [r for r in read_vcf(f"{out}/n.vcf")[0] if "INDEL" in r["info"] and "N" in r["ref"] + r["alt"]]
    check(not touching, "no indel record holds an N")
finish()
