"""somatic-snv on reads with the CIGAR operations a DNA aligner seldom
writes, and on a reference with N near a candidate: each is read as the SAM
specification says, never a crash.

A 4 kb random genome; single-end 100 bp reads (Q30, no errors, strands
alternating), 60 in the tumour and 40 in the normal at each feature; half
the tumour's reads carry the planted alt bases. The expected AD and DP are
the generator's own counts.
- N (a spliced RNA read): 40M..300N..60M reads with an SNV in each exon. N
  skips reference like D but holds no base: the second exon's bases must
  land 300 bp on (read as M, every one of them would be a mismatch).
- =/X: sequence match and mismatch are matches; the SNV sits under an X.
- P (padding): moves neither read nor reference.
- H (hard clip): holds no bases, alone (5H95M) or outside a soft clip
  (5H3S92M).
- A reference run of N: no call where the reference is N, whatever the
  reads say there; a doublet right after the run is still one MNV record.
"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "snv"))
import numpy as np  # noqa: E402
import pysam  # noqa: E402
from e2e_lib import binary, check, finish, read_vcf, run, scratch  # noqa: E402
from generated_reads import write_sorted  # noqa: E402

out = scratch()
rng = np.random.default_rng(23)
LENGTH = 4000
reference = list(rng.choice(list("ACGT"), size=LENGTH))
N_RUN = (3000, 3010)
for p in range(*N_RUN):
    reference[p] = "N"
ref_path = f"{out}/ref.fa"
with open(ref_path, "w") as f:
    seq = "".join(reference)
    f.write(">chr1\n" + "\n".join(seq[i:i + 60] for i in range(0, len(seq), 60)) + "\n")
pysam.faidx(ref_path)


def alt_of(p):
    return "ACGT"[("ACGT".index(reference[p]) + 1) % 4]


def header(sample):
    return {"HD": {"VN": "1.6", "SO": "coordinate"}, "SQ": [{"SN": "chr1", "LN": LENGTH}],
            "RG": [{"ID": sample, "SM": sample.upper()}]}


def read(name, start, seq, cigar, sample, reverse):
    r = pysam.AlignedSegment()
    r.query_name = name
    r.query_sequence = seq
    r.flag = 16 if reverse else 0
    r.reference_id = 0
    r.reference_start = start
    r.mapping_quality = 60
    r.cigarstring = cigar
    r.query_qualities = pysam.qualitystring_to_array("?" * len(seq))
    r.set_tag("RG", sample)
    return r


def plain(start, length=100, alts=None):
    """Reference bases (N read as A) over [start, start + length), with alts."""
    bases = [reference[p] if reference[p] != "N" else "A" for p in range(start, start + length)]
    for p, b in (alts or {}).items():
        if start <= p < start + length:
            bases[p - start] = b
    return "".join(bases)


tumour, normal = [], []
planted = {}  # 0-based position -> (alt reads, reads covering), the tumour's


def plant(positions, covering, carried):
    for p in positions:
        alt, depth = planted.get(p, (0, 0))
        planted[p] = (alt + carried, depth + covering)


def add_normal(beg, end):
    for k, s in enumerate(np.linspace(beg, end - 100, 40).astype(int)):
        normal.append(read(f"n{beg}_{k}", int(s), plain(int(s)), "100M", "normal", k % 2 == 1))


# N: exon 1 ends at 520, the intron is [520, 820); SNVs at 500 and 850.
EXON_SNVS = (500, 850)
for k in range(60):
    s = 430 + k % 50  # 430..479: every read covers 500 and reaches 820 + (100 - (520 - s))
    first = 520 - s
    carry = k % 2 == 0
    alts = {p: alt_of(p) for p in EXON_SNVS} if carry else {}
    seq = plain(s, first, alts) + plain(820, 100 - first, alts)
    tumour.append(read(f"spliced{k}", s, seq, f"{first}M300N{100 - first}M", "tumour", k % 4 >= 2))
    plant([500], 1, carry)
    if 820 + 100 - first > 850:
        plant([850], 1, carry)
add_normal(400, 950)

# =/X: the SNV at 1500 under an X, the rest '='.
for k in range(60):
    s = 1420 + k
    carry = k % 2 == 0
    off = 1500 - s
    cigar = f"{off}=1X{99 - off}=" if carry else "100="
    tumour.append(read(f"eqx{k}", s, plain(s, 100, {1500: alt_of(1500)} if carry else {}), cigar, "tumour",
                       k % 4 >= 2))
    plant([1500], 1, carry)
add_normal(1400, 1600)

# P: padding between two matches; the SNV at 2000.
for k in range(60):
    s = 1920 + k
    carry = k % 2 == 0
    cut = 30 + k % 40
    tumour.append(read(f"pad{k}", s, plain(s, 100, {2000: alt_of(2000)} if carry else {}), f"{cut}M2P{100 - cut}M",
                       "tumour", k % 4 >= 2))
    plant([2000], 1, carry)
add_normal(1900, 2100)

# H: hard clips, alone and outside a soft clip; the SNV at 2500.
for k in range(60):
    s = 2420 + k
    carry = k % 2 == 0
    alts = {2500: alt_of(2500)} if carry else {}
    if k % 3 == 0:
        seq, cigar = plain(s, 95, alts), "5H95M"
    else:
        # Three soft-clipped bases before s (not the reference's: clipped).
        seq, cigar = "GGG" + plain(s, 92, alts), "5H3S92M"
    tumour.append(read(f"hard{k}", s, seq, cigar, "tumour", k % 4 >= 2))
    plant([2500], 1, carry)
add_normal(2400, 2600)

# N in the reference at [3000, 3010): the reads say T there in the tumour
# (A in the normal); a doublet at 3010-3011 right after it.
DOUBLET = (3010, 3011)
for k in range(60):
    s = 2940 + k
    carry = k % 2 == 0
    alts = {p: "T" for p in range(*N_RUN)}
    if carry:
        alts.update({p: alt_of(p) for p in DOUBLET})
    tumour.append(read(f"refn{k}", s, plain(s, 100, alts), "100M", "tumour", k % 4 >= 2))
    plant(DOUBLET, 1, carry)
add_normal(2900, 3100)

write_sorted(f"{out}/tumour.bam", header("tumour"), tumour)
write_sorted(f"{out}/normal.bam", header("normal"), normal)

result = run([binary("somatic-snv"), "--tumour", f"{out}/tumour.bam", "--normal", f"{out}/normal.bam",
              "--reference", ref_path, "--no-version", "-o", f"{out}/calls.vcf"], check=False)
check(result.returncode == 0 and " error: " not in result.stderr,
      f"somatic-snv runs on N, =/X, P and H reads and a reference with N (exit {result.returncode}: "
      f"{result.stderr.strip()!r})")
if result.returncode != 0:
    finish()
records, _ = read_vcf(f"{out}/calls.vcf")
by_pos = {r["pos"]: r for r in records}


def expect_snv(label, p):
    r = by_pos.get(p + 1)
    alt, depth = planted[p]
    got = r and [int(x) for x in r["samples"][1]["AD"].split(",")] + [int(r["samples"][1]["DP"])]
    check(r is not None and r["ref"] == reference[p] and r["alt"] == alt_of(p) and got == [depth - alt, alt, depth],
          f"{label}: the SNV at {p + 1} with tumour AD {depth - alt},{alt} and DP {depth} (got {got})")


expect_snv("N (spliced read), first exon", 500)
expect_snv("N (spliced read), second exon", 850)
expect_snv("=/X", 1500)
expect_snv("P", 2000)
expect_snv("H, alone and outside a soft clip", 2500)
# A base's distance to its read's end counts from the aligned part: past a
# soft clip even when a hard clip stands outside it.
ends = []
for k in range(0, 60, 2):  # the alt reads
    off = 2500 - (2420 + k)
    ends.append(min(off, 94 - off) if k % 3 == 0 else min(off, 91 - off))
hard = by_pos.get(2501)
check(hard is not None and float(hard["info"].get("ENDDIST", "nan")) == float(np.median(ends)),
      f"H: ENDDIST is the alt bases' median distance to the aligned part's ends ({np.median(ends)}; got "
      f"{hard and hard['info'].get('ENDDIST')})")
doublet = by_pos.get(DOUBLET[0] + 1)
check(doublet is not None and "MNV" in doublet["info"] and doublet["ref"] == "".join(reference[p] for p in DOUBLET),
      f"a doublet right after a reference N run is one MNV record ({doublet and (doublet['ref'], doublet['alt'])})")
check(not any("N" in r["ref"] for r in records), "no record where the reference is N")
want = {501, 851, 1501, 2001, 2501, DOUBLET[0] + 1}
check(set(by_pos) == want, f"no other record: the intron, the clips and the padding add none "
                           f"(extra: {sorted(set(by_pos) - want)}, missing: {sorted(want - set(by_pos))})")
finish()
