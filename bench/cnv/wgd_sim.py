#!/usr/bin/python3
"""Doubled and undoubled genomes: does the fit choose the right ploidy?

Usage: bench/cnv/wgd_sim.py OUT [--binary B ...] [--snv-binary B ...] [--pairs N]
                            [--seed-base S] [--reference 20.fa.gz] [--depth T,N] [--snv-rate R]
                            [--threads T] [--sim-dir DIR ...] [--cnv-args "ARGS"]

Makes N pairs with sim/simulate, seeds S, S+1, ... (cached in OUT/pairs;
every second one whole-genome doubled with --wgd, which doubles every copy
number of a random layout and then changes some after the doubling (odd
states, LOH), with SNVs before and after the doubling; every pair with one
subclonal copy-number change, its cell fraction 0.3 to 0.6; purity from 0.3 to 0.9;
3 Mb pieces of GRCh37 chr20, --aligner truth, tumour/normal depth 40x/20x by
default, SNVs at --snv-rate 1e-4 so that their allele fractions can
testify; or the pairs given with --sim-dir, made by sim/simulate), runs
`somatic-cnv run` on each with each --binary (an old build beside a new
one), and with each --snv-binary given somatic-snv's calls of the pair
(--somatic-vcf; somatic-snv from this checkout's build), ARGS appended to
every run, and prints
per pair and binary the truth, the chosen solution and bench/cnv/score.py's
figures, then per binary: the share of pairs with the right ploidy (called
genome doubling equal to the truth's and called ploidy within 0.5 of the
true one), the median and largest purity error, and the mean share of bases
with the right total copy number.

Cost: about 70 s of simulation per pair on one core (cached), then a few
seconds per run. The reference is Debian's vt-examples chr20
(/usr/share/doc/vt/examples/ref/20.fa.gz) unless --reference says otherwise.
"""
import argparse
import os
import statistics
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
sys.path.insert(0, os.path.dirname(here))
from bench_lib import cnv as cnv_scores  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("out")
ap.add_argument("--binary", action="append", default=[])
ap.add_argument("--snv-binary", action="append", default=[])
ap.add_argument("--snv-rate", default="1e-4")
ap.add_argument("--cnv-args", default="")
ap.add_argument("--pairs", type=int, default=8)
ap.add_argument("--seed-base", type=int, default=200, help="seed of the first pair [200]")
ap.add_argument("--reference", default="/usr/share/doc/vt/examples/ref/20.fa.gz")
ap.add_argument("--depth", default="40,20")
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--sim-dir", action="append", help="an existing sim/simulate output directory (repeatable)")
args = ap.parse_args()
default_binary = os.path.join(repo, "build", "tools", "somatic-cnv", "somatic-cnv")
runs = [(b, False) for b in args.binary] + [(b, True) for b in args.snv_binary]
if not runs:
    runs = [(default_binary, False), (default_binary, True)]
somatic_snv = os.path.join(repo, "build", "tools", "somatic-snv", "somatic-snv")
tumour_depth, normal_depth = args.depth.split(",")
if not args.sim_dir and not os.path.exists(args.reference):
    print(f"{args.reference} is absent (Debian package vt): skipped")
    sys.exit(0)

pairs_dir = os.path.join(args.out, "pairs")
os.makedirs(pairs_dir, exist_ok=True)
pairs = [(os.path.basename(os.path.normpath(d)), d) for d in args.sim_dir or []]
for i in range(0 if args.sim_dir else args.pairs):
    doubled = i % 2 == 1
    purity = round(0.3 + 0.6 * i / max(1, args.pairs - 1), 2)
    # 3 Mb pieces of chr20 clear of its centromere gap (26-30 Mb).
    beg = [10, 14, 18, 22, 31, 35, 39, 43, 47, 51, 55, 59][i % 12] * 1_000_000
    name = f"{'d' if doubled else 'u'}{i + 1}-p{purity:.2f}"
    d = os.path.join(pairs_dir, name)
    if not os.path.exists(os.path.join(d, "truth.purity_ploidy.tsv")):
        cmd = [os.path.join(repo, "sim", "simulate"), "--reference", args.reference,
               "--regions", f"20:{beg + 1}-{beg + 3_000_000}", "--seed", str(args.seed_base + i), "--purity", str(purity),
               "--subclonal-cn", "1", "--subclone-ccf", str([0.3, 0.4, 0.5, 0.6][i // 2 % 4]),
               "--tumour-depth", tumour_depth, "--normal-depth", normal_depth, "--aligner", "truth",
               "--snv-rate", args.snv_rate, "--threads", str(args.threads), "--out", d + ".tmp"] + (["--wgd"] if doubled else [])
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.rename(d + ".tmp", d)
    pairs.append((name, d))

print("| pair | binary | truth purity, ploidy, WGD | called purity, ploidy, doubled | right ploidy | total CN right |")
print("|---|---|---|---|---|---|")
summary = {k: [] for k in range(len(runs))}
for name, d in pairs:
    truth = cnv_scores.read_purity_ploidy(os.path.join(d, "truth.purity_ploidy.tsv"))
    truth_wgd = open(os.path.join(d, "truth.purity_ploidy.tsv")).read().split("\n")[1].split("\t")[2] == "true"
    truth_segments = cnv_scores.read_truth_segments(os.path.join(d, "truth.cn.bed"))
    vcf = os.path.join(d, "somatic_snv.vcf.gz")
    if any(snvs for _, snvs in runs) and not os.path.exists(vcf):
        subprocess.run([somatic_snv, "-T", f"{d}/tumour.bam", "-N", f"{d}/normal.bam", "-f", f"{d}/ref.fa",
                        "-t", str(args.threads), "-o", vcf], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    for k, (b, snvs) in enumerate(runs):
        prefix = os.path.join(args.out, f"{name}.{k}")
        subprocess.run([b, "run", "--tumour", f"{d}/tumour.bam", "--normal", f"{d}/normal.bam", "-f", f"{d}/ref.fa",
                        "--snp-sites", f"{d}/germline.vcf.gz", "--threads", str(args.threads),
                        "--summary", prefix + ".summary.tsv", "-o", prefix + ".bed"] +
                       (["--somatic-vcf", vcf] if snvs else []) + args.cnv_args.split(),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        called = cnv_scores.read_purity_ploidy(prefix + ".summary.tsv")
        err = cnv_scores.purity_ploidy_error(truth, called)
        doubled = called.get("genome_doubled", 0) == 1
        right = doubled == truth_wgd and abs(err["ploidy_error"]) <= 0.5
        total = cnv_scores.score_states(truth_segments, cnv_scores.read_called_segments(prefix + ".bed"))["total_cn_right"]
        summary[k].append((right, abs(err["purity_error"]), total))
        print(f"| {name} | {k} | {truth['purity']:.2f}, {truth['ploidy']:.2f}, {int(truth_wgd)} | "
              f"{called['purity']:.2f}, {err['ploidy']:.2f}, {int(doubled)} | {'yes' if right else 'no'} | {total:.3f} |")
print()
print("| binary | right ploidy | purity error median / max | mean total CN right |")
print("|---|---|---|---|")
for k, (b, snvs) in enumerate(runs):
    rows = summary[k]
    print(f"| {k}: {b}{' --somatic-vcf' if snvs else ''} | {sum(r[0] for r in rows)}/{len(rows)} | "
          f"{statistics.median(r[1] for r in rows):.3f} / {max(r[1] for r in rows):.3f} | "
          f"{statistics.mean(r[2] for r in rows):.3f} |")
