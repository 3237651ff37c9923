#!/usr/bin/python3
"""False change-points from shallow het sites: a stress test of the
segmentation's BAF part on a simulated pair.

Runs `somatic-cnv run --tables` on SIM_DIR (het sites from the simulator's
germline.vcf.gz), then thins the tumour's allele counts at the het sites of
every other block of --block bp to --depth reads (each read kept with
probability depth / site depth), which changes no copy number but makes
the BAF of those blocks far noisier; then `segment` and `fit` on the
thinned table, scored by bench/cnv/score.py against SIM_DIR's truth. One
line per binary, so a change can be compared with its parent:

    bench/cnv/shallow_hets.py SIM_DIR OUT_DIR [--binary B ...] [--depth 8] [--block 250000] [--seed 1]
"""
import argparse
import os
import random
import subprocess

here = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def thin(path_in, path_out, depth, block, seed):
    rng = random.Random(seed)
    with open(path_in) as f, open(path_out, "w") as out:
        for line in f:
            if line.startswith("#"):
                out.write(line)
                continue
            c, s, e, tr, ta, nr, na, baf = line.rstrip("\n").split("\t")
            tr, ta = int(tr), int(ta)
            if (int(s) // block) % 2 == 1 and tr + ta > depth:
                keep = depth / (tr + ta)
                tr = sum(rng.random() < keep for _ in range(tr))
                ta = sum(rng.random() < keep for _ in range(ta))
                baf = "%.4f" % (ta / (tr + ta)) if tr + ta else "NA"
            out.write("\t".join([c, s, e, str(tr), str(ta), nr, na, baf]) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sim_dir")
    ap.add_argument("out")
    ap.add_argument("--binary", action="append")
    ap.add_argument("--depth", type=int, default=8)
    ap.add_argument("--block", type=int, default=250000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    binaries = a.binary or [os.path.join(here, "build", "tools", "somatic-cnv", "somatic-cnv")]
    os.makedirs(a.out, exist_ok=True)
    d, t = a.sim_dir, os.path.join(a.out, "t")
    subprocess.run([binaries[0], "run", "--tumour", d + "/tumour.bam", "--normal", d + "/normal.bam", "--reference",
                    d + "/ref.fa", "--snp-sites", d + "/germline.vcf.gz", "--threads", "2", "--tables", t, "-o",
                    os.path.join(a.out, "full.bed")], check=True, stderr=subprocess.DEVNULL)
    thin(t + ".baf.tsv", t + ".thin.baf.tsv", a.depth, a.block, a.seed)
    score = os.path.join(here, "bench", "cnv", "score.py")
    print("binary\tsegments\t" + subprocess.run([score, "--header", os.path.join(a.out, "full.bed"), d],
                                                 capture_output=True, text=True).stdout.splitlines()[0])
    for i, b in enumerate(binaries):
        seg, bed = os.path.join(a.out, "%d.segments.tsv" % i), os.path.join(a.out, "%d.bed" % i)
        subprocess.run([b, "segment", t + ".ratios.tsv", "--baf", t + ".thin.baf.tsv", "-o", seg], check=True,
                       stderr=subprocess.DEVNULL)
        subprocess.run([b, "fit", seg, "-o", bed], check=True, stderr=subprocess.DEVNULL)
        n = sum(1 for l in open(seg) if not l.startswith("#"))
        line = subprocess.run([score, bed, d], capture_output=True, text=True).stdout.strip()
        print("%s\t%d\t%s" % (b, n, line))


if __name__ == "__main__":
    main()
