"""somatic-snv on a pair whose reads lie only in windows of the contigs (an
exome, a panel, a slice cut out of a genome), and with --targets.

The windows are cut out of pair1 with samtools: every read overlapping them,
nothing else. HighDepth must judge a site by the depth where the normal has
reads, not by the contig's mean (which an 8 kb window of a 120 kb contig puts
at a fifteenth of the real depth, so every call was HighDepth). Inside the
windows, away from their edges (reads and the Clustered window reach 300 bp
past a site at most), the calls must be those of the whole-genome run, FILTER
included. The somatic prior is fixed at the whole run's estimate in both
runs: the prior is the share of somatic sites in the data, and a slice is
another data set; the depth yardstick is what is tested here.
"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, read_vcf, run, scratch

pair = os.path.join(TESTDATA, "pair1")
out = scratch()
# 1-based inclusive, as samtools takes them.
windows = [("chr1", 20001, 28000), ("chr1", 70001, 78000), ("chr2", 30001, 38000)]
margin = 300
for sample in ("tumour", "normal"):
    run(["samtools", "view", "-b", "-o", f"{out}/{sample}.bam", f"{pair}/{sample}.bam"] +
        [f"{c}:{b}-{e}" for c, b, e in windows])
    run(["samtools", "index", f"{out}/{sample}.bam"])

fixed = ["--somatic-prior", "1e-4"]
snv = binary("somatic-snv")


stderr_of = {}  # output path -> the run's standard error


def call(tumour, normal, path, extra=()):
    result = run([snv, "--tumour", tumour, "--normal", normal, "--reference", f"{pair}/ref.fa", "--threads", "2",
                  "-o", path] + fixed + list(extra))
    stderr_of[path] = result.stderr
    return read_vcf(path)


def inside(c, windows, margin):
    return any(c["chrom"] == w[0] and w[1] + margin <= c["pos"] <= w[2] - margin for w in windows)


def key(c):
    return (c["chrom"], c["pos"], c["ref"], c["alt"], c["filter"])


def typical_depth(header):
    return float(next((h.split("=")[1] for h in header if h.startswith("##normal_typical_depth=")), "nan"))


whole, whole_header = call(f"{pair}/tumour.bam", f"{pair}/normal.bam", f"{out}/whole.vcf")
sliced, sliced_header = call(f"{out}/tumour.bam", f"{out}/normal.bam", f"{out}/sliced.vcf")
want = sorted(key(c) for c in whole if inside(c, windows, margin))
got = sorted(key(c) for c in sliced if inside(c, windows, margin))
check(len(want) >= 15 and sum(k[4] == "PASS" for k in want) >= 10,
      f"the windows hold calls to compare ({len(want)}, {sum(k[4] == 'PASS' for k in want)} PASS)")
check(got == want, f"inside the windows, the slice's calls are the whole run's, FILTER included "
                   f"(only whole: {sorted(set(want) - set(got))[:5]}, only slice: {sorted(set(got) - set(want))[:5]})")
check(not all("HighDepth" in c["filter"] for c in sliced), "not every call of the slice is HighDepth")
check(not any("HighDepth" in c["filter"] for c in sliced if inside(c, windows, margin)),
      "no call inside the windows is HighDepth (pair1 simulates no collapsed repeat there)")
# Three 8 kb windows of 240 kb of sequence hold reads: a targeted shape,
# and the slice's run says to give --targets; the whole genome's does not.
hint = "for an exome or a panel give --targets"
check(hint in stderr_of[f"{out}/sliced.vcf"], f"the slice's run suggests --targets: {stderr_of[f'{out}/sliced.vcf']!r}")
check(hint not in stderr_of[f"{out}/whole.vcf"], "the whole genome's run does not")
w, s = typical_depth(whole_header), typical_depth(sliced_header)
check(abs(w - s) <= 0.1 * w, f"##normal_typical_depth of the slice ({s}) is the whole genome's ({w}) within 10%")

# Every shard of a scattered run judges by the same value: the sample is the
# whole genome's, whatever -r says.
_, shard_header = call(f"{out}/tumour.bam", f"{out}/normal.bam", f"{out}/shard.vcf", ["-r", "chr2"])
check(typical_depth(shard_header) == s, "a shard (-r chr2) has the same ##normal_typical_depth as the whole slice")

# One 4 kb window: under 10,000 covered positions in the sample, so the
# depth is measured over the whole genome instead (for panels and slices the
# evenly spaced sample of a large genome misses); the same figure.
for sample in ("tumour", "normal"):
    run(["samtools", "view", "-b", "-o", f"{out}/small_{sample}.bam", f"{pair}/{sample}.bam", "chr1:50001-54000"])
    run(["samtools", "index", f"{out}/small_{sample}.bam"])
_, small_header = call(f"{out}/small_tumour.bam", f"{out}/small_normal.bam", f"{out}/small.vcf")
check(abs(typical_depth(small_header) - w) <= 0.15 * w,
      f"a single 4 kb window's typical depth ({typical_depth(small_header)}) is the genome's ({w}) within 15%")

# --targets: the windows as a BED (0-based half-open) with no padding call
# only inside them; with the default padding, 100 bp around them too.
with open(f"{out}/targets.bed", "w") as f:
    for c, b, e in windows:
        f.write(f"{c}\t{b - 1}\t{e}\n")
targeted, targeted_header = call(f"{pair}/tumour.bam", f"{pair}/normal.bam", f"{out}/targeted.vcf",
                                 ["--targets", f"{out}/targets.bed", "--target-padding", "0"])
check(all(inside(c, windows, 0) for c in targeted), "with --targets, every call is inside a target")
check(sorted(key(c) for c in targeted if inside(c, windows, margin)) == want,
      "with --targets, the calls inside the targets are the whole run's")
check(abs(typical_depth(targeted_header) - w) <= 0.1 * w, "with --targets, the typical depth is the targets'")
padded, _ = call(f"{pair}/tumour.bam", f"{pair}/normal.bam", f"{out}/padded.vcf",
                 ["--targets", f"{out}/targets.bed"])
check(all(inside(c, windows, -100) for c in padded), "with the default padding, every call is within 100 bp")
finish()
