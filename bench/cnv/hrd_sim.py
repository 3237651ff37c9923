#!/usr/bin/python3
"""HRD score of simulated HR-deficient and HR-proficient genomes.

Usage: bench/cnv/hrd_sim.py OUT [--binary B] [--genomes N] [--seed S]
                            [--reads] [--read-depth T,N] [--threads T]

1. Segment level: N genomes of each class on the GRCh38 chromosome lengths
   (22 autosomes and chrX, female), laid out by sim/simulate's
   `--cn-layout hrd` and `hrp` (sim/simulate_lib/hrd_layout.py; the
   proficient genomes with arm-level events at the built-in GRCh38
   centromeres), purity
   drawn from 0.3 to 0.9. Each layout becomes a segments table as
   `somatic-cnv segment` writes it (50 kb bins with log2 noise sd 0.2, a
   het site per 1.5 kb at 40x with BAF noise sd 0.1, the mirrored BAF a
   folded normal's mean), which `somatic-cnv fit -f` scores. The reference
   given is an index of the GRCh38 lengths alone, so the built-in
   centromeres are the ones matched by name and length, as in a real run.
   Printed: per class, the LOH, TAI, LST and sum (median and range), the
   share of bases called with the true allelic state, and the separation:
   the lowest deficient sum against the highest proficient one, and the
   share of each class at or above 42 (Telli 2016's cut-off; these are
   whole human genomes, so it applies).
2. With --reads, end to end through reads: one genome of each class made by
   sim/simulate on three synthetic 50 Mb contigs (`--cn-layout`,
   --aligner truth, 4x/4x by default), `somatic-cnv run` with 100 kb bins,
   het sites from 4 normal reads (at the default 10 a 4x normal has almost
   none, and LOH at total copy number 2 cannot be seen) and a centromere
   BED at 23-26 Mb of each contig. Three 50 Mb contigs are about
   a twentieth of a genome: a deficient score there is some tens of times
   smaller than a whole genome's would be and 42 does not apply; the
   comparison is between the two classes on the same contigs.

Cost: segment level about a second per genome (N=20: under a minute);
--reads about 10 minutes per genome on one core, most of it simulation.
"""
import argparse
import math
import os
import statistics
import subprocess
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
sys.path.insert(0, os.path.join(repo, "sim"))
from simulate_lib.hrd_layout import hrd_layout  # noqa: E402

# GRCh38 primary chromosome lengths (NCBI assembly report).
GRCH38 = [248956422, 242193529, 198295559, 190214555, 181538259, 170805979, 159345973, 145138636, 138394717,
          133797422, 135086622, 133275309, 114364328, 107043718, 101991189, 90338345, 83257441, 80373285,
          58617616, 64444167, 46709983, 50818468, 156040895]
NAMES = ["chr%d" % i for i in range(1, 23)] + ["chrX"]


def grch38_centromeres():
    """(beg, end) per NAMES from the library's built-in table (centromere_table.cpp)."""
    spans = {}
    with open(os.path.join(repo, "libsomatic", "cnv", "centromere_table.cpp")) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 5 and fields[0] == "GRCh38":
                spans["chr" + fields[1]] = (int(fields[3]), int(fields[4]))
    return [spans[n] for n in NAMES]

BIN, SITE, DEPTH, LOG2_SD, BAF_SD = 50_000, 1_500, 40.0, 0.2, 0.1

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("out")
ap.add_argument("--binary", default=os.path.join(repo, "build", "tools", "somatic-cnv", "somatic-cnv"))
ap.add_argument("--genomes", type=int, default=20, help="per class [20]")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--reads", action="store_true", help="also one genome of each class through reads")
ap.add_argument("--read-depth", default="4,4", help="tumour,normal depth for --reads [4,4]")
ap.add_argument("--threads", type=int, default=1)
args = ap.parse_args()
os.makedirs(args.out, exist_ok=True)


def folded_mean(d, s):
    """E|X| for X ~ N(d, s^2): a het site's mean |BAF - 0.5| at true offset d."""
    return s * math.sqrt(2 / math.pi) * math.exp(-d * d / (2 * s * s)) + d * math.erf(d / (s * math.sqrt(2)))


def pieces_of(events, lengths, offsets):
    """Per contig, [(beg, end, major, minor)] covering it, 1+1 between events."""
    out = []
    for ci, length in enumerate(lengths):
        pos, rows = 0, []
        for s, e, a, b, _ in events:
            if not offsets[ci] <= s < offsets[ci] + length:
                continue
            s, e = s - offsets[ci], e - offsets[ci]
            if s > pos:
                rows.append((pos, s, 1, 1))
            rows.append((s, e, max(a, b), min(a, b)))
            pos = e
        if pos < length:
            rows.append((pos, length, 1, 1))
        out.append(rows)
    return out


def segments_table(pieces, purity, rng, names=NAMES):
    """A segments table of `pieces` at `purity`, noise as `somatic-cnv segment` would see it."""
    length = sum(e - b for rows in pieces for b, e, _, _ in rows)
    ploidy = sum((e - b) * (ma + mi) for rows in pieces for b, e, ma, mi in rows) / length
    norm = purity * ploidy + 2 * (1 - purity)
    lines = ["##somatic-cnv segments", "##log2_sd=%g" % LOG2_SD, "##baf_sd=%g" % BAF_SD, "##penalty=10",
             "##sex=female", "#chrom\tstart\tend\tn_bins\tlog2\tn_het\tmirrored_baf\thet_depth"]
    for name, rows in zip(names, pieces):
        for b, e, major, minor in rows:
            total = major + minor
            depth = purity * total + 2 * (1 - purity)
            n_bins, n_het = max(1, (e - b) // BIN), max(1, (e - b) // SITE)
            log2 = math.log2(max(depth, 1e-3) / norm) + rng.normal(0, LOG2_SD / math.sqrt(n_bins))
            d = abs((purity * minor + (1 - purity)) / depth - 0.5)
            mirrored = folded_mean(d, BAF_SD) + rng.normal(0, BAF_SD / math.sqrt(n_het))
            lines.append("%s\t%d\t%d\t%d\t%.5f\t%d\t%.5f\t%.1f" % (name, b, e, n_bins, log2, n_het, mirrored,
                                                                DEPTH * depth / 2))
    return "\n".join(lines) + "\n"


def read_summary(path):
    with open(path) as f:
        header, row = f.read().splitlines()[:2]
    return dict(zip(header.split("\t"), row.split("\t")))


def allelic_agreement(calls_bed, pieces):
    """Share of autosomal bases whose called (major, minor) is the truth's."""
    truth = dict(zip(NAMES, pieces))
    agree = total = 0
    for line in calls_bed.splitlines():
        if line.startswith("#"):
            continue
        f = line.split("\t")
        if f[0] == "chrX":
            continue
        b, e = int(f[1]), int(f[2])
        for tb, te, ma, mi in truth[f[0]]:
            overlap = min(e, te) - max(b, tb)
            if overlap > 0:
                total += overlap
                agree += overlap if (f[6], f[7]) == (str(ma), str(mi)) else 0
    return agree / total if total else float("nan")


def segment_level():
    fai = os.path.join(args.out, "grch38_lengths.fa")
    open(fai, "w").close()
    with open(fai + ".fai", "w") as f:
        f.write("".join("%s\t%d\t0\t60\t61\n" % (n, length) for n, length in zip(NAMES, GRCH38)))
    offsets = np.concatenate([[0], np.cumsum(GRCH38)])
    centromeres = grch38_centromeres()
    results = {"deficient": [], "proficient": []}
    for cls in results:
        for i in range(args.genomes):
            rng = np.random.default_rng([args.seed, i, cls == "deficient"])
            purity = float(rng.uniform(0.3, 0.9))
            pieces = pieces_of(hrd_layout(rng, GRCH38, offsets, cls == "deficient", centromeres), GRCH38, offsets)
            seg = os.path.join(args.out, "%s_%02d.segments.tsv" % (cls, i))
            summary = seg.replace(".segments.tsv", ".summary.tsv")
            with open(seg, "w") as f:
                f.write(segments_table(pieces, purity, rng))
            p = subprocess.run([args.binary, "fit", seg, "-f", fai, "--summary", summary, "--no-version"],
                               capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit("fit failed on %s:\n%s" % (seg, p.stderr))
            s = read_summary(summary)
            row = {k: s[k] for k in ("hrd_loh", "hrd_tai", "hrd_lst", "hrd_sum", "fraction_genome_altered",
                                     "purity", "genome_doubled")}
            row["true_purity"] = purity
            row["agreement"] = allelic_agreement(p.stdout, pieces)
            results[cls].append(row)
            print("%-10s %2d purity %.2f (true %.2f)  LOH %3s TAI %3s LST %3s sum %3s  altered %s  "
                  "allelic states right %.3f  doubled %s" % (cls, i, float(s["purity"]), purity, s["hrd_loh"],
                                                             s["hrd_tai"],
                                                s["hrd_lst"], s["hrd_sum"], s["fraction_genome_altered"],
                                                row["agreement"], s["genome_doubled"]))
    print("\nsegment level, %d genomes per class (GRCh38 lengths, built-in centromeres):" % args.genomes)
    for cls, rows in results.items():
        line = []
        for k in ("hrd_loh", "hrd_tai", "hrd_lst", "hrd_sum"):
            v = [int(r[k]) for r in rows]
            line.append("%s %g [%d-%d]" % (k[4:].upper(), statistics.median(v), min(v), max(v)))
        agree = statistics.median(r["agreement"] for r in rows)
        high = sum(int(r["hrd_sum"]) >= 42 for r in rows)
        print("  %-10s %s; allelic states right (median) %.3f; sum >= 42: %d/%d"
              % (cls, ", ".join(line), agree, high, len(rows)))
    low_def = min(int(r["hrd_sum"]) for r in results["deficient"])
    high_pro = max(int(r["hrd_sum"]) for r in results["proficient"])
    print("  separation: lowest deficient sum %d, highest proficient sum %d (%s)"
          % (low_def, high_pro, "separated" if low_def > high_pro else "overlap"))


def through_reads():
    contig = 50_000_000
    depth_t, depth_n = args.read_depth.split(",")
    cen = os.path.join(args.out, "synthetic_centromeres.bed")
    with open(cen, "w") as f:
        f.write("".join("chr%d\t23000000\t26000000\n" % i for i in (1, 2, 3)))
    print("\nthrough reads: three synthetic %d Mb contigs, tumour/normal depth %sx/%sx, centromeres 23-26 Mb"
          % (contig // 1_000_000, depth_t, depth_n))
    for layout in ("hrd", "hrp"):
        sim = os.path.join(args.out, "reads_" + layout)
        if not os.path.exists(os.path.join(sim, "tumour.bam")):
            subprocess.run([sys.executable, os.path.join(repo, "sim", "simulate"), "--synthetic",
                            ",".join([str(contig)] * 3), "--out", sim, "--seed", str(args.seed), "--cn-layout", layout,
                            "--tumour-depth", depth_t, "--normal-depth", depth_n, "--aligner", "truth",
                            "--snv-rate", "1e-7", "--purity", "0.7", "--threads", str(args.threads)],
                           check=True, stdout=subprocess.DEVNULL)
        summary = os.path.join(args.out, "reads_%s.summary.tsv" % layout)
        p = subprocess.run([args.binary, "--tumour", os.path.join(sim, "tumour.bam"), "--normal",
                            os.path.join(sim, "normal.bam"), "--snp-sites", os.path.join(sim, "germline.vcf.gz"),
                            "-f", os.path.join(sim, "ref.fa"), "--bin-size", "100000", "--het-min-depth", "4",
                            "--centromeres", cen,
                            "--summary", summary, "--threads", str(args.threads), "--no-version"],
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("somatic-cnv failed on %s:\n%s" % (sim, p.stderr))
        s = read_summary(summary)
        truth_rows = []
        with open(os.path.join(sim, "truth.cn.bed")) as f:
            for line in f:
                if not line.startswith("#"):
                    c, b, e, _, ma, mi = line.split("\t")[:6]
                    truth_rows.append((c, int(b), int(e), int(ma), int(mi)))
        names = ("chr1", "chr2", "chr3")
        pieces = [[(b, e, ma, mi) for c, b, e, ma, mi in truth_rows if c == n] for n in names]
        agree = tot = 0
        for line in p.stdout.splitlines():
            if line.startswith("#"):
                continue
            f = line.split("\t")
            if f[0] not in names:
                continue
            for tb, te, ma, mi in pieces[names.index(f[0])]:
                ov = min(int(f[2]), te) - max(int(f[1]), tb)
                if ov > 0:
                    tot += ov
                    agree += ov if (f[6], f[7]) == (str(ma), str(mi)) else 0
        # The score of the true states: their segments table, near noiseless, through `fit`.
        truth_seg = os.path.join(args.out, "reads_%s.truth_segments.tsv" % layout)
        with open(truth_seg, "w") as f:
            f.write(segments_table(pieces, 0.7, np.random.default_rng(args.seed), names))
        subprocess.run([args.binary, "fit", truth_seg, "--centromeres", cen, "--summary", truth_seg + ".summary",
                        "--no-version"], check=True, capture_output=True)
        t = read_summary(truth_seg + ".summary")
        print("  %s truth: LOH %s TAI %s LST %s sum %s  altered %s" % (layout, t["hrd_loh"], t["hrd_tai"],
                                                                      t["hrd_lst"], t["hrd_sum"],
                                                                      t["fraction_genome_altered"]))
        print("  %s calls: purity %s (true 0.70)  LOH %s TAI %s LST %s sum %s  altered %s  allelic states right %.3f"
              % (layout, s["purity"], s["hrd_loh"], s["hrd_tai"], s["hrd_lst"], s["hrd_sum"],
                 s["fraction_genome_altered"], agree / tot if tot else float("nan")))


segment_level()
if args.reads:
    through_reads()
