#!/usr/bin/python3
"""MSI calls on simulated stable and unstable tumours, purity 0.2 to 0.8.

Usage: bench/msi/sim_purity.py OUT [--binary B] [--sites N] [--slipped F]
                               [--depths T/N,T/N] [--purities P,P,...]
                               [--seed S] [--threads T] [--call-args "ARGS"]

One reference of random sequence with N planted microsatellites (300;
half homopolymers of 10-20, the rest 2-4 base motifs, as
tests/e2e/msi/msi_reads.py plants them); one normal per depth pair; for
each tumour depth and purity a stable tumour (stutter only, 1% of reads a
unit off, as in the normal) and an unstable one, in which a share F (0.3)
of the sites slipped on one allele (-1 unit 60%, -2 30%, +1 10%), so that
purity/2 of a slipped site's reads carry the shift. Runs `somatic-msi
call` with its defaults on each and prints per case the sites tested,
unstable, percent unstable, the call, and how many unstable sites are true
slipped ones; then the lowest purity at which each unstable tumour is still
called MSI-H.

The BAMs are kept in OUT and reused by the next run (another --call-args).
Cost: the BAMs take most of it, about 3 minutes on one core for the
default 2 depths x 6 purities; each call is under a second.
"""
import argparse
import os
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
sys.path.insert(0, os.path.join(repo, "tests", "e2e", "msi"))
from msi_reads import plant_reference, slipped_sites, write_msi_bam  # noqa: E402
import subprocess  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("out")
ap.add_argument("--binary", default=os.path.join(repo, "build", "tools", "somatic-msi", "somatic-msi"))
ap.add_argument("--sites", type=int, default=300)
ap.add_argument("--slipped", type=float, default=0.3)
ap.add_argument("--depths", default="30/30,80/40", help="tumour/normal depth pairs")
ap.add_argument("--purities", default="0.2,0.3,0.4,0.5,0.6,0.8")
ap.add_argument("--seed", type=int, default=18)
ap.add_argument("--threads", type=int, default=2)
ap.add_argument("--call-args", default="", help="appended to every somatic-msi call (e.g. \"--fdr 0.2\")")
a = ap.parse_args()
os.makedirs(a.out, exist_ok=True)

rng = np.random.default_rng(a.seed)
ref = os.path.join(a.out, "ref.fa")
reference, planted = plant_reference(ref, rng, a.sites)
shifts = slipped_sites(rng, a.sites, a.slipped)
sites = os.path.join(a.out, "sites.bed")
subprocess.run([a.binary, "scan", "--reference", ref, "-o", sites], check=True, capture_output=True)
planted_at = {(b, e): i for i, (b, e, _, _) in enumerate(planted)}


def bam(name, depth, seed, **kw):
    path = os.path.join(a.out, name + ".bam")
    if not os.path.exists(path + ".bai"):
        write_msi_bam(path, name, reference, planted, depth, seed, **kw)
    return path


def call(tumour, normal):
    out = tumour[:-4] + ".msi.tsv"
    r = subprocess.run([a.binary, "call", "--tumour", tumour, "--normal", normal, "--reference", ref, "--sites", sites,
                        "-o", out, "--summary", "-", "--threads", str(a.threads)] + a.call_args.split(), capture_output=True, text=True)
    if r.returncode != 0:
        return None, 0
    lines = r.stdout.splitlines()
    summary = dict(zip(lines[0].split("\t"), lines[1].split("\t")))
    true_unstable = 0
    for line in open(out):
        c = line.rstrip("\n").split("\t")
        if c[-1] == "unstable" and planted_at.get((int(c[1]), int(c[2]))) in shifts:
            true_unstable += 1
    return summary, true_unstable


print(f"{a.sites} planted sites, {len(shifts)} slipped in the unstable tumours; somatic-msi call {a.call_args or '(defaults)'}")
print("depth_t/n\tpurity\ttumour\tsites_tested\tsites_unstable\ttrue_unstable\tpercent_unstable\tmsi_status")
lowest = {}
for k, pair in enumerate(a.depths.split(",")):
    td, nd = (int(x) for x in pair.split("/"))
    normal = bam(f"normal_{nd}x", nd, 1000 + k)
    for j, purity in enumerate(float(p) for p in a.purities.split(",")):
        for kind in ("stable", "unstable"):
            seed = 10 * (100 * k + j) + (kind == "unstable")
            tumour = bam(f"{kind}_{td}x_p{purity}", td, seed, purity=purity,
                         shifts=shifts if kind == "unstable" else None)
            s, true_unstable = call(tumour, normal)
            if s is None:
                print(f"{td}/{nd}\t{purity}\t{kind}\tcall failed")
                continue
            print(f"{td}/{nd}\t{purity}\t{kind}\t{s['sites_tested']}\t{s['sites_unstable']}\t{true_unstable}\t"
                  f"{s['percent_unstable']}\t{s['msi_status']}", flush=True)
            if kind == "unstable" and s["msi_status"] == "MSI-H":
                lowest[pair] = min(lowest.get(pair, 1.0), purity)
for pair in a.depths.split(","):
    print(f"{pair}: unstable tumour called MSI-H down to purity {lowest.get(pair, 'none')}")
