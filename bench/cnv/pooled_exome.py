#!/usr/bin/python3
"""Exome-like copy number with a pooled reference against the matched normal.

Usage: bench/cnv/pooled_exome.py SIM_DIR OUT [--binary B] [--spacing 5000]
       [--normals 5] [--fraction 0.7] [--threads 2]

SIM_DIR is a pair from sim/simulate (truth.cn.bed, ref.fa, tumour.bam,
normal.bam, germline.vcf.gz); it is only read. Targets of 150-300 bp are
placed one per --spacing bp (at a random offset in each window, seed 1), and
both BAMs are cut to the targets padded by 100 bp (samtools view -L), as an
exome's reads would be. The pool is the cut normal subsampled --normals
times (samtools view -s SEED.FRACTION, a seed each): one person sequenced
once, so the pool is optimistic (its normals share this normal's own depth
profile and some of its reads); real pools are other people, with their own
germline copy-number variants and capture batches.

Runs, all with --targets and the same options:
  matched  --normal with --snp-sites (depth and het sites from the normal)
  matched, depth alone  the same with --no-baf: like for like with pooled
  pooled   --pooled-reference, no normal (depth alone: no het sites)
  both     --pooled-reference and --normal with --snp-sites (the pool for
           depth, the normal for het sites: CNVkit's arrangement)
Each is scored against truth.cn.bed: the share of targets whose called total
copy number (at the target's middle) is the truth's, and the breakpoint
recall and precision of bench_lib.cnv (events of at least 50 kb, matched
within two target spacings), with purity and ploidy. Prints a Markdown
table."""
import argparse
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from bench_lib.cnv import read_called_segments, read_truth_segments, score_breakpoints  # noqa: E402


def sh(args):
    subprocess.run(args, check=True)


def make_targets(fai, spacing, path):
    rng = random.Random(1)
    rows = []
    for line in open(fai):
        name, length = line.split("\t")[:2]
        for w in range(0, int(length) - spacing, spacing):
            size = rng.randint(150, 300)
            start = w + rng.randint(200, spacing - size - 200)
            rows.append((name, start, start + size))
    with open(path, "w") as f:
        for r in rows:
            f.write("%s\t%d\t%d\n" % r)
    return rows


def cut(bam, bed, out):
    if not os.path.exists(out + ".bai"):
        sh(["samtools", "view", "-b", "-L", bed, "-o", out, bam])
        sh(["samtools", "index", out])
    return out


def header(path):
    out = {}
    for line in open(path):
        if line.startswith("##") and "=" in line:
            k, v = line[2:].rstrip("\n").split("=", 1)
            out.setdefault(k, v)
    return out


def target_accuracy(targets, truth, calls):
    def cn_at(segments, chrom, pos):
        for s in segments:
            if s[0] == chrom and s[1] <= pos < s[2]:
                return s[3]
        return None
    right = sum(1 for c, b, e in targets if cn_at(calls, c, (b + e) // 2) == cn_at(truth, c, (b + e) // 2))
    return right / len(targets)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sim_dir")
    ap.add_argument("out")
    ap.add_argument("--binary", default="build/tools/somatic-cnv/somatic-cnv")
    ap.add_argument("--spacing", type=int, default=5000)
    ap.add_argument("--normals", type=int, default=5)
    ap.add_argument("--fraction", type=float, default=0.7)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    sim = a.sim_dir
    ref = os.path.join(sim, "ref.fa")
    targets_bed = os.path.join(a.out, "targets.bed")
    targets = make_targets(ref + ".fai", a.spacing, targets_bed)
    padded = os.path.join(a.out, "targets.padded.bed")
    with open(padded, "w") as f:
        for c, b, e in targets:
            f.write("%s\t%d\t%d\n" % (c, max(0, b - 100), e + 100))
    tumour = cut(os.path.join(sim, "tumour.bam"), padded, os.path.join(a.out, "tumour.bam"))
    normal = cut(os.path.join(sim, "normal.bam"), padded, os.path.join(a.out, "normal.bam"))
    pool_bams = []
    for seed in range(1, a.normals + 1):
        out = os.path.join(a.out, "pool%d.bam" % seed)
        if not os.path.exists(out + ".bai"):
            sh(["samtools", "view", "-b", "-s", "%d%s" % (seed, ("%.3f" % a.fraction)[1:]), "-o", out, normal])
            sh(["samtools", "index", out])
        pool_bams.append(out)
    common = ["-f", ref, "--targets", targets_bed, "--threads", str(a.threads), "--no-version"]
    pool = os.path.join(a.out, "pool.tsv")
    t0 = time.time()
    sh([a.binary, "reference", "-o", pool] + common + pool_bams)
    build_s = time.time() - t0
    rows = [l.split("\t") for l in open(pool) if not l.startswith("#")]
    usable = sum(r[8].strip() == "1" for r in rows)

    runs = {
        "matched": ["--normal", normal, "--snp-sites", os.path.join(sim, "germline.vcf.gz")],
        "matched, depth alone": ["--normal", normal, "--no-baf"],
        "pooled": ["--pooled-reference", pool],
        "both": ["--pooled-reference", pool, "--normal", normal, "--snp-sites", os.path.join(sim, "germline.vcf.gz")],
    }
    truth = read_truth_segments(os.path.join(sim, "truth.cn.bed"))
    print("pool: %d normals (%s of the cut normal each), %d of %d targets usable, built in %.1f s"
          % (a.normals, a.fraction, usable, len(rows), build_s))
    print()
    print("| run | targets with the right total CN | breakpoints found | called (true) | purity | ploidy |")
    print("|---|---|---|---|---|---|")
    for name, extra in runs.items():
        bed = os.path.join(a.out, name.replace(", ", "_").replace(" ", "_") + ".bed")
        sh([a.binary, "run", "--tumour", tumour, "-o", bed] + common + extra)
        calls = read_called_segments(bed)
        bp = score_breakpoints(truth, calls, 2 * a.spacing)
        h = header(bed)
        print("| %s | %.3f | %d/%d | %d (%d) | %s | %s |" % (
            name, target_accuracy(targets, truth, calls), bp["found"], bp["truth_breakpoints"],
            bp["called_breakpoints"], bp["called_true"], h.get("purity", "NA"), h.get("ploidy", "NA")))


if __name__ == "__main__":
    main()
