#!/usr/bin/python3
"""somatic-cnv's stages on PureCN's real exome example, next to PureCN's own
answer (purity 0.65, ploidy 1.73, its file purecn.example.output_best_*).

PureCN ships the coverage of one tumour and one normal over 10,049 exome
targets (GATK-style: total and average coverage per target), each target's
GC fraction, and a MuTect VCF with both samples' allele depths. This turns
them into somatic-cnv's stage tables and runs ratio, segment and fit:

  bins   one per target (kind target, gc from example_intervals.txt); reads
         = total coverage / READ_LENGTH (the files hold base counts, the
         bins table fragment counts; only the normal's counting-noise
         estimate depends on the length)
  baf    the VCF's dbSNP sites (INFO DB) where the normal (second sample)
         is heterozygous: alt fraction 0.2-0.8 over at least 20 reads

Then it prints somatic-cnv's best purity and ploidy beside PureCN's, the
score somatic-cnv gives PureCN's solution (fit with --purity/--ploidy
fixed), and, at PureCN's purity and ploidy, how often the segments' total
copy numbers agree with PureCN's (its column C) over the bases PureCN calls.

Usage: bench/cnv/vs_purecn.py [--binary B] [--shared DIR] [--read-length 100] [--out DIR]
Skips cleanly when the PureCN data is absent.
"""
import argparse
import gzip
import os
import subprocess
import sys

here = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(here, "bench"))
from bench_lib import cnv as cnv_scores  # noqa: E402


def parse_target(t):
    chrom, span = t.split(":")
    beg, end = span.split("-")
    return chrom, int(beg) - 1, int(end)  # 1-based inclusive -> BED


def write_bins(coverage, gc, sample, read_length, path):
    with gzip.open(coverage, "rt") as f, open(path, "w") as o:
        o.write("##somatic-cnv bins table\n##sample=%s\n" % sample)
        o.write("#chrom\tstart\tend\tkind\tgc\tn_fraction\treads\n")
        next(f)
        for line in f:
            target, total = line.split()[:2]
            chrom, beg, end = parse_target(target)
            reads = int(round(float(total) / read_length))
            o.write("%s\t%d\t%d\ttarget\t%.4f\t0.0000\t%d\n" % (chrom, beg, end, gc[target], reads))


def write_baf(vcf, path):
    n = 0
    with gzip.open(vcf, "rt") as f, open(path, "w") as o:
        o.write("#chrom\tstart\tend\ttumour_ref\ttumour_alt\tnormal_ref\tnormal_alt\tbaf\n")
        for line in f:
            if line.startswith("#"):
                continue
            r = line.rstrip("\n").split("\t")
            if "DB" not in r[7].split(";") or len(r[3]) != 1 or len(r[4]) != 1:
                continue
            keys = r[8].split(":")
            tumour = dict(zip(keys, r[9].split(":")))
            normal = dict(zip(keys, r[10].split(":")))
            tr, ta = (int(x) for x in tumour["AD"].split(","))
            nr, na = (int(x) for x in normal["AD"].split(","))
            if nr + na < 20 or not 0.2 <= na / (nr + na) <= 0.8 or tr + ta == 0:
                continue
            pos = int(r[1])
            o.write("%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.4f\n" % (r[0], pos - 1, pos, tr, ta, nr, na, ta / (tr + ta)))
            n += 1
    return n


def run(cmd, stdout_path=None):
    with open(stdout_path, "w") if stdout_path else open(os.devnull, "w") as o:
        p = subprocess.run(cmd, stdout=o, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit("%s failed: %s" % (" ".join(cmd), p.stderr))
    return p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(here, "build", "tools", "somatic-cnv", "somatic-cnv"))
    ap.add_argument("--shared", default=os.environ.get("SOMATIC_SHARED_DATA", os.path.join(here, "..", "shared", "data")))
    ap.add_argument("--read-length", type=float, default=100)
    ap.add_argument("--out", default=os.path.join(here, "bench", "out", "cnv", "purecn"), help="for the tables")
    a = ap.parse_args()
    out = a.out
    base = os.path.join(a.shared, "copynumber", "purecn_extdata")
    need = ["example_tumor.txt.gz", "example_normal.txt.gz", "example_intervals.txt", "example_vcf.vcf.gz",
            "purecn.example.output_best_purity_ploidy.txt", "purecn.example.output_best_seg.tsv"]
    if not all(os.path.exists(os.path.join(base, f)) for f in need):
        print("%s is absent: the PureCN comparison is skipped" % base)
        return
    os.makedirs(out, exist_ok=True)
    gc = {}
    with open(os.path.join(base, "example_intervals.txt")) as f:
        names = f.readline().split("\t")
        for line in f:
            r = dict(zip(names, line.rstrip("\n").split("\t")))
            gc[r["Target"]] = float(r["gc_bias"])
    t_bins, n_bins = os.path.join(out, "tumour.bins.tsv"), os.path.join(out, "normal.bins.tsv")
    write_bins(os.path.join(base, "example_tumor.txt.gz"), gc, "TUMOUR", a.read_length, t_bins)
    write_bins(os.path.join(base, "example_normal.txt.gz"), gc, "NORMAL", a.read_length, n_bins)
    baf = os.path.join(out, "baf.tsv")
    hets = write_baf(os.path.join(base, "example_vcf.vcf.gz"), baf)
    ratios, segments = os.path.join(out, "ratios.tsv"), os.path.join(out, "segments.tsv")
    calls, summary = os.path.join(out, "calls.bed"), os.path.join(out, "summary.tsv")
    run([a.binary, "ratio", "--no-version", t_bins, n_bins], ratios)
    run([a.binary, "segment", "--no-version", ratios, "--baf", baf], segments)
    log = run([a.binary, "fit", "--no-version", segments, "--summary", summary], calls)

    truth = {}
    with open(os.path.join(base, "purecn.example.output_best_purity_ploidy.txt")) as f:
        for line in f:
            k, v = line.split()
            truth[k] = float(v)
    ours = cnv_scores.read_purity_ploidy(summary)
    fixed_calls, fixed_summary = os.path.join(out, "calls.purecn_fit.bed"), os.path.join(out, "summary.purecn_fit.tsv")
    run([a.binary, "fit", "--no-version", segments, "--purity", "%g" % truth["purity"], "--ploidy",
         "%g" % truth["ploidy"], "--summary", fixed_summary], fixed_calls)
    fixed = cnv_scores.read_purity_ploidy(fixed_summary)
    # PureCN's C is one integer per segment: the like-for-like comparison is
    # with our clonal calls (--no-subclonal); with mixtures, total_cn is the
    # state of most tumour cells.
    clonal_calls = os.path.join(out, "calls.purecn_fit.clonal.bed")
    run([a.binary, "fit", "--no-version", segments, "--purity", "%g" % truth["purity"], "--ploidy",
         "%g" % truth["ploidy"], "--no-subclonal"], clonal_calls)
    # PureCN's segments: chrom numbers without "chr", C = total copy number.
    theirs = []
    with open(os.path.join(base, "purecn.example.output_best_seg.tsv")) as f:
        names = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(names, line.rstrip("\n").split("\t")))
            if r["C"] not in ("", "NA"):
                theirs.append(("chr" + r["chrom"], int(float(r["loc.start"])), int(float(r["loc.end"])),
                               int(float(r["C"])), None, None))
    agreement = cnv_scores.score_states(theirs, cnv_scores.read_called_segments(clonal_calls))["total_cn_right"]
    mixed_agreement = cnv_scores.score_states(theirs, cnv_scores.read_called_segments(fixed_calls))["total_cn_right"]
    mixtures = [l.rstrip("\n").split("\t") for l in open(fixed_calls) if not l.startswith("#")]
    mixtures = [(int(c[2]) - int(c[1])) for c in mixtures if len(c) > 14 and c[13] != "NA"]
    theirs_bases = sum(e - b for _, b, e, *_ in theirs)
    n_segments = sum(1 for l in open(segments) if not l.startswith("#"))
    print("PureCN's exome example: %d targets, %d het sites, %d segments" % (len(gc), hets, n_segments))
    print("| solution | purity | ploidy (called) | genome doubled | somatic-cnv's score (lower is better) "
          "| misfit | events | prior | odd CN | odd allele |")
    print("|---|---|---|---|---|---|---|---|---|---|")

    def evidence(s):
        return " | ".join("%.3f" % s[k] if k in s else "" for k in ("misfit", "events", "prior", "odd_cn_fraction",
                                                                     "odd_allele_fraction"))
    print("| somatic-cnv's best | %.2f | %.2f | %d | %.4f | %s |" % (
        ours["purity"], ours["called_ploidy"], ours["genome_doubled"], ours["score"], evidence(ours)))
    print("| PureCN's best | %.2f | %.2f (%.2f) | %d | %.4f | %s |" % (
        truth["purity"], truth["ploidy"], fixed["called_ploidy"], fixed["genome_doubled"], fixed["score"],
        evidence(fixed)))
    print("At PureCN's purity and ploidy, somatic-cnv's total copy number equals PureCN's on %.1f%% of the %.0f Mb "
          "PureCN calls" % (100.0 * agreement, theirs_bases / 1e6))
    print("With subclonal mixtures, at PureCN's purity and ploidy %d segments (%.0f Mb) are mixtures of two states "
          "and the state of most tumour cells equals PureCN's total copy number on %.1f%%" % (
              len(mixtures), sum(mixtures) / 1e6, 100.0 * mixed_agreement))
    sys.stderr.write(log)


if __name__ == "__main__":
    main()
