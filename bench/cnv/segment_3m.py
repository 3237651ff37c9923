#!/usr/bin/python3
"""Segmentation speed and accuracy on a synthetic 3-million-bin genome:
24 contigs of 125,000 bins (1 kb bins over 3 Gb), ~150 copy-number events of
10 to 20,000 bins at log2 levels -1, -0.58, 0.32, 0.58, 1, Gaussian noise of
sd 0.3, and a BAF value on every 5th bin (mirrored 0.5 +- 0.06, or 0.5 +- 0.3
inside half of the events). Times `somatic-cnv segment --threads 1` and
reports how many true change-points it finds within 5 bins.

Usage: bench/cnv/segment_3m.py [somatic-cnv binary]   (needs python3-numpy)
"""
import os
import subprocess
import sys
import time

import numpy as np

here = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "build", "tools", "somatic-cnv", "somatic-cnv")
out = os.path.join(here, "bench", "out", "cnv")
os.makedirs(out, exist_ok=True)
table = os.path.join(out, "log2_3m.tsv")

rng = np.random.default_rng(2024)
contigs, per = 24, 125_000
truth = []  # (contig, start bin, end bin)
if not os.path.exists(table):
    with open(table, "w") as f:
        f.write("chrom\tstart\tend\tlog2\tbaf\n")
        for c in range(contigs):
            level = np.zeros(per)
            imbalance = np.zeros(per)
            for _ in range(6):
                length = int(rng.integers(10, 20_000))
                start = int(rng.integers(0, per - length))
                level[start:start + length] = rng.choice([-1, -0.58, 0.32, 0.58, 1.0])
                imbalance[start:start + length] = 0.3 if rng.random() < 0.5 else 0.0
            x = level + rng.normal(0, 0.3, per)
            phase = rng.choice([-1, 1], per)
            baf = np.clip(0.5 + phase * imbalance + rng.normal(0, 0.06, per), 0, 1)
            name = "chr%d" % (c + 1)
            starts = np.arange(per) * 1000
            lines = ["%s\t%d\t%d\t%.4f\t%s" % (name, s, s + 1000, v, ("%.4f" % b) if i % 5 == 0 else "NA")
                     for i, (s, v, b) in enumerate(zip(starts, x, baf))]
            f.write("\n".join(lines) + "\n")
            np.save(os.path.join(out, "truth_%d.npy" % c), np.stack([level, imbalance]))

breaks = []
for c in range(contigs):
    level, imbalance = np.load(os.path.join(out, "truth_%d.npy" % c))
    change = np.nonzero((np.diff(level) != 0) | (np.diff(imbalance) != 0))[0] + 1
    breaks += [("chr%d" % (c + 1), int(b)) for b in change]

for extra, label in (([], "log2 + BAF"), (["--no-baf"], "log2 only")):
    start = time.time()
    p = subprocess.run([binary, "segment", table, "--threads", "1"] + extra, capture_output=True, text=True, check=True)
    elapsed = time.time() - start
    found = {}
    for line in p.stdout.splitlines():
        if line.startswith("#"):
            continue
        c, s = line.split("\t")[:2]
        found.setdefault(c, []).append(int(s) // 1000)
    hit = sum(1 for c, b in breaks if any(abs(b - s) <= 5 for s in found.get(c, [])))
    n_segments = sum(len(v) for v in found.values())
    print("%s: %.2f s for 3,000,000 bins (%d segments; %d of %d true change-points within 5 bins)"
          % (label, elapsed, n_segments, hit, len(breaks)))
