"""somatic-snv on a 1000x panel: true somatic SNVs at VAF 0.01-0.05.

Panels are sequenced at 500-2000x, where the allele-fraction grid must
reach a few per cent and the filters' tests get very powerful: a Fisher
test of strand or orientation balance on 1000 reads rejects at a small
imbalance. The reads are written here by a seeded generator (the simulator
spends its time on a genome's worth of fragments; a panel is a few targets):
a random 40 kb reference, six 300 bp targets, capture fragments of 300 +- 30
bp starting anywhere from 300 bp before a target to its end (2 x 100 bp
reads, no overlap between mates), so every target position has ~1000x in
both samples, reads 1 forward in half of the fragments (strands and F1R2/F2R1
balanced by construction), Q30 bases with substitutions at 1e-3 (what Q30
says). Each target holds three somatic SNVs, 110 bp apart (the Clustered
window is 100 bp), at VAFs cycling 0.01..0.05, and one germline het at 50%
in both samples. A fragment carries the alt in both its reads.

The last of the six targets is a high-yield one, at 3.5 x the depth of the
others (a panel's targets differ several-fold in yield): its sites are
above 3 x the panel-wide typical depth, the HighDepth threshold.

Checks, with their reasons:
- ##normal_typical_depth is the panel's depth (~1000x: the other five
  targets hold most of the bases), and no call is HighDepth, not even on
  the high-yield target: with --targets each call is judged by its own
  target's depth, and no target holds a collapsed repeat.
- Every true SNV at VAF >= 0.02 PASSes (recall bar 100%): at 1000x that is
  ~20 alt reads (at least ~10 for a low draw) against a normal with none
  but errors (1e-3 / 3 per alt base: 0.3 reads expected); the evidence is
  decisive, so any miss is a filter or a grid failing at depth, not chance.
  VAF 0.01 (~10 reads) is reported, not required: on a panel's few
  thousand sites the estimated somatic prior stays near its pseudo-count
  (1 SNV per 1e6 sites, somatic_prior.cpp; ~1.8e-5 here), so 8-10 reads
  give QSS ~20-60 and some fall under LowQSS.
- No true SNV at any VAF is filtered StrandBias, OrientationBias or
  ReadEnd: they are balanced by construction; a Fisher test firing on
  them at 1000x would be a bug (the failure prints the Phred values).
- No false PASS: every PASS call is a true SNV (the germline hets and the
  errors are not).
With SOMATIC_TEST_SMALL=1 (the sanitizer stage) two targets, not six, at
the same depth.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import binary, check, finish, read_vcf, run, scratch
from generated_reads import write_capture_bam

SMALL = os.environ.get("SOMATIC_TEST_SMALL") == "1"
DEPTH = 1000
TARGET = 300
VAFS = (0.01, 0.02, 0.03, 0.04, 0.05)
CONTIG_LENGTH = 40000

out = scratch()
rng = np.random.default_rng(20261205)
BASES = np.array(list("ACGT"))
reference = rng.choice(BASES, size=CONTIG_LENGTH, p=[0.29, 0.21, 0.21, 0.29])
with open(f"{out}/ref.fa", "w") as f:
    f.write(">chr1\n")
    seq = "".join(reference)
    for i in range(0, len(seq), 60):
        f.write(seq[i:i + 60] + "\n")
run(["samtools", "faidx", f"{out}/ref.fa"])

# Targets 0-based half-open, 5 kb apart; three SNVs and one germline het each.
targets = [(3000 + 5000 * i, 3000 + 5000 * i + TARGET) for i in range(2 if SMALL else 6)]
HIGH_YIELD = 3.5
yields = [1.0] * len(targets)
if not SMALL:
    yields[-1] = HIGH_YIELD
somatic, germline = {}, {}
for i, (b, e) in enumerate(targets):
    for j, offset in enumerate((40, 150, 260)):
        somatic[b + offset] = VAFS[(3 * i + j) % len(VAFS)]
    germline[b + 95] = 0.5


def alt_of(pos):
    ref = reference[pos]
    return "ACGT"[("ACGT".index(ref) + 1 + pos % 3) % 4]


def write_bam(path, sample, variants, seed):
    """Capture fragments over every target at DEPTH x its yield."""
    write_capture_bam(path, sample, reference, targets, [DEPTH * y for y in yields], variants, alt_of, seed)


write_bam(f"{out}/tumour.bam", "tumour", {**somatic, **germline}, 1)
write_bam(f"{out}/normal.bam", "normal", germline, 2)
with open(f"{out}/targets.bed", "w") as f:
    for b, e in targets:
        f.write(f"chr1\t{b}\t{e}\n")

run([binary("somatic-snv"), "--tumour", f"{out}/tumour.bam", "--normal", f"{out}/normal.bam",
     "--reference", f"{out}/ref.fa", "--targets", f"{out}/targets.bed", "--threads", "2",
     "-o", f"{out}/calls.vcf"])
calls, header = read_vcf(f"{out}/calls.vcf")
by_pos = {c["pos"] - 1: c for c in calls}

typical = float(next((h.split("=")[1] for h in header if h.startswith("##normal_typical_depth=")), "nan"))
check(0.85 * DEPTH <= typical <= 1.2 * DEPTH, f"##normal_typical_depth ({typical}) is the panel's ~{DEPTH}x")
high = [(c["pos"], c["filter"]) for c in calls if "HighDepth" in c["filter"]]
check(not high, f"no call is HighDepth, on the high-yield target neither ({len(high)}: {high[:5]})")
if not SMALL:
    b, e = targets[-1]
    deep = [int(c["samples"][0]["DP"]) for c in calls if b <= c["pos"] - 1 < e]
    check(deep and min(deep) > 3 * typical,
          f"the high-yield target's calls are above 3 x ##normal_typical_depth (normal DP {deep}), "
          f"so a panel-wide yardstick would have filtered them")


def describe(p):
    """A true SNV's record: FILTER, the tumour's counts and the filters' Phred values."""
    c = by_pos.get(p)
    if not c:
        return f"{p + 1} VAF {somatic[p]}: no record"
    t = c["samples"][1]  # NORMAL, TUMOUR
    return (f"{p + 1} VAF {somatic[p]}: {c['filter']} AD {t['AD']} SB {t['SB']} F1R2 {t['F1R2']} F2R1 {t['F2R1']} "
            + " ".join(f"{k}={c['info'][k]}" for k in ("QSS", "SBQ", "OBQ", "ENDQ") if k in c["info"]))


for vaf in VAFS:
    sites = [p for p, v in somatic.items() if v == vaf]
    passed = [p for p in sites if by_pos.get(p, {}).get("filter") == "PASS" and by_pos[p]["alt"] == alt_of(p)]
    print(f"VAF {vaf}: {len(passed)}/{len(sites)} PASS; " + "; ".join(describe(p) for p in sites))
    if vaf >= 0.02:
        check(len(passed) == len(sites), f"every true SNV at VAF {vaf} PASSes "
                                         f"({len(passed)}/{len(sites)}; {[describe(p) for p in sites if p not in passed]})")

artefact_filters = ("StrandBias", "OrientationBias", "ReadEnd")
fired = [describe(p) for p in somatic if p in by_pos and any(f in by_pos[p]["filter"] for f in artefact_filters)]
check(not fired, f"no true SNV is filtered StrandBias, OrientationBias or ReadEnd ({fired})")
false_pass = [(c["pos"], c["ref"], c["alt"], c["info"].get("QSS"), c["samples"][0].get("AD"))
              for c in calls if c["filter"] == "PASS" and (c["pos"] - 1 not in somatic or c["alt"] != alt_of(c["pos"] - 1))]
check(not false_pass, f"no false PASS call ({false_pass[:5]})")
check(all(by_pos.get(p, {}).get("filter") != "PASS" for p in germline), "no germline het PASSes")
finish()
