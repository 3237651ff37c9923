"""somatic-snv --callable: the callable territory, the denominator of
mutational burden (PASS SNVs per callable megabase).

A position is callable where both samples reach LowDepth's minimum depths
(10 tumour, 8 normal fragments by default) from reads that pass the read
filter. Checks on pair1, with their reasons:
- the territory is what samtools counts independently, position by position: `samtools
  depth -a -s -Q 20 -q 13` (mapping quality 20 and base quality 13 as our
  defaults, overlapping mates once, duplicates and secondary alignments left
  out) at tumour >= 10 and normal >= 8, within 0.1%;
- every PASS call lies inside it, and every LowDepth record outside (the
  filter and the territory are one rule);
- runs are sorted, disjoint and not touching (a run cut by a chunk boundary
  is one line), the same bytes at 1 kb chunks on 3 threads;
- with -r, the territory stays inside the region;
- --callable naming the same file as -o is a usage error.
"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, read_vcf, run, scratch

pair = os.path.join(TESTDATA, "pair1")
out = scratch()
snv = [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
       "--reference", f"{pair}/ref.fa"]


def read_bed(path):
    return [(c, int(b), int(e)) for c, b, e in (line.split() for line in open(path))]


run(snv + ["--callable", f"{out}/callable.bed", "-o", f"{out}/calls.vcf", "--min-report-qss", "0"])
bed = read_bed(f"{out}/callable.bed")
size = sum(e - b for _, b, e in bed)

depth = run(["samtools", "depth", "-a", "-s", "-Q", "20", "-q", "13", f"{pair}/tumour.bam", f"{pair}/normal.bam"])
theirs = {(c, int(p)) for c, p, t, n in (line.split("\t") for line in depth.stdout.splitlines())
          if int(t) >= 10 and int(n) >= 8}
ours = {(c, p + 1) for c, b, e in bed for p in range(b, e)}
differ = len(ours ^ theirs)
check(len(theirs) > 100000 and differ <= 0.001 * len(theirs),
      f"the territory ({size} bases) is samtools depth's ({len(theirs)}), position by position, but for "
      f"{differ} (at most 0.1%)")

order = {c: i for i, c in enumerate(line.split("\t")[0] for line in open(f"{pair}/ref.fa.fai"))}
keys = [(order[c], b, e) for c, b, e in bed]
check(keys == sorted(keys) and all(a[0] != b[0] or a[2] < b[1] for a, b in zip(keys, keys[1:])),
      "runs are sorted, disjoint and not touching")


def inside(chrom, pos):  # 1-based
    return any(c == chrom and b < pos <= e for c, b, e in bed)


calls, _ = read_vcf(f"{out}/calls.vcf")
passing = [c for c in calls if c["filter"] == "PASS"]
low = [c for c in calls if "LowDepth" in c["filter"]]
check(passing and all(inside(c["chrom"], c["pos"]) for c in passing),
      f"every PASS call ({len(passing)}) is inside the territory")
check(low and not any(inside(c["chrom"], c["pos"]) for c in low),
      f"every LowDepth record ({len(low)}) is outside it")

run(snv + ["--callable", f"{out}/small.bed", "-o", f"{out}/small.vcf", "--chunk-size", "1000", "--threads", "3"])
check(open(f"{out}/small.bed").read() == open(f"{out}/callable.bed").read(),
      "1 kb chunks on 3 threads write the same bytes")

run(snv + ["--callable", f"{out}/region.bed", "-o", f"{out}/region.vcf", "-r", "chr1:20001-60000"])
region = read_bed(f"{out}/region.bed")
check(region and all(c == "chr1" and b >= 20000 and e <= 60000 for c, b, e in region),
      f"with -r the territory stays inside the region ({region[:1]} ... {region[-1:]})")
check(region == [(c, max(b, 20000), min(e, 60000)) for c, b, e in bed if c == "chr1" and b < 60000 and e > 20000],
      "and is the whole run's territory cut to it")

same = run(snv + ["--callable", f"{out}/x.vcf", "-o", f"{out}/x.vcf"], check=False)
check(same.returncode == 2 and "--callable" in same.stderr, f"--callable and -o the same file: exit 2: {same.stderr!r}")
finish()
