#!/usr/bin/python3
"""Segmentation next to DNAcopy's CBS (and CNVkit's `segment`) on the same
log2 ratios, in the same run.

1. Speed: the synthetic 3,000,000-bin genome of segment_3m.py (run that
   first; its table is bench/out/cnv/log2_3m.tsv). somatic-cnv segments all
   of it; CBS (DNAcopy's segment() with its defaults) and CNVkit's `segment
   -m cbs` (which calls DNAcopy) segment the first CONTIGS contigs of it, and
   somatic-cnv the same subset, so the ratio on the subset is like for like.
   CBS works one chromosome at a time, so its whole-genome time is the subset
   time scaled by 24 / CONTIGS (stated as such). Times are CPU seconds of the
   child process (user + system), and wall seconds; "alone" rows time the
   segmentation without reading the table: CPU seconds inside R for CBS, the
   wall seconds somatic-cnv logs for its segment() (at least its CPU time).
2. Coriell array CGH (DNAcopy's example data, in SHARED/copynumber/
   dnacopy_coriell, skipped when absent): somatic-cnv's segment boundaries
   next to DNAcopy's own CBS segmentation of the same probes, counted in
   probes.

3. Exome (CNVkit's example p2-20_1.cnr in SHARED/copynumber/cnvkit_examples,
   skipped when absent or without cnvkit): somatic-cnv's change-points next
   to those of CNVkit's `segment -m cbs` on the same .cnr, counted in bins.

Usage: bench/cnv/vs_dnacopy.py [--binary B] [--contigs 1] [--shared DIR] [--skip-speed]
Needs r-bioc-dnacopy; cnvkit is optional (Debian package `cnvkit`, or $CNVKIT).
"""
import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time

here = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
out = os.path.join(here, "bench", "out", "cnv")


def timed(cmd, **kw):
    """Runs cmd; returns (CPU seconds of the child, wall seconds, completed process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    wall = time.time() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit("%s failed:\n%s" % (" ".join(cmd), p.stderr[-2000:]))
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall, p


def starts_of_bed(text):
    """Segment starts per contig from a BED-like text (### lines skipped)."""
    found = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        found.setdefault(f[0], []).append(int(f[1]))
    return found


def change_points(found):
    return {c: sorted(v)[1:] for c, v in found.items()}


R_CBS = r"""
suppressMessages(library(DNAcopy))
a <- commandArgs(TRUE)
d <- read.delim(a[1], header=TRUE)
t0 <- proc.time()
cna <- CNA(d$log2, d$chrom, d$start, data.type="logratio", sampleid="s")
s <- segment(cna, verbose=0)
el <- proc.time() - t0
o <- s$output
write.table(data.frame(o$chrom, o$loc.start, o$loc.end), a[2], sep="\t", quote=FALSE, row.names=FALSE, col.names=FALSE)
cat(sprintf("%.3f\n", el[["user.self"]] + el[["sys.self"]]))
"""


def speed(binary, contigs):
    table = os.path.join(out, "log2_3m.tsv")
    if not os.path.exists(table):
        sys.exit("%s is absent: run bench/cnv/segment_3m.py first" % table)
    names = ["chr%d" % (c + 1) for c in range(contigs)]
    subset = os.path.join(out, "log2_subset.tsv")
    cnr = os.path.join(out, "log2_subset.cnr")
    n_subset = 0
    with open(table) as f, open(subset, "w") as s, open(cnr, "w") as c:
        s.write("chrom\tstart\tend\tlog2\n")
        c.write("chromosome\tstart\tend\tgene\tlog2\tdepth\tweight\n")
        next(f)
        for line in f:
            r = line.split("\t")
            if r[0] in names:
                s.write("\t".join(r[:4]) + "\n")
                c.write("%s\t%s\t%s\t-\t%s\t1\t1\n" % (r[0], r[1], r[2], r[3]))
                n_subset += 1

    def inner(p):
        """The time somatic-cnv reports for segment() alone (wall seconds)."""
        m = re.search(r"bins in ([0-9.]+) s", p.stderr)
        return float(m.group(1)) if m else float("nan")

    rows = []
    cpu, wall, p = timed([binary, "segment", table, "--no-baf", "--threads", "1"])
    rows.append(("somatic-cnv segment, log2 only", 3_000_000, cpu, wall, None))
    ours_inner_all = inner(p)
    rows.append(("somatic-cnv segment(), log2 only, alone (wall)", 3_000_000, ours_inner_all, float("nan"), None))
    cpu, wall, p = timed([binary, "segment", table, "--threads", "1"])
    rows.append(("somatic-cnv segment, log2 + BAF", 3_000_000, cpu, wall, None))
    cpu, wall, p = timed([binary, "segment", subset, "--no-baf", "--threads", "1"])
    ours_subset = cpu
    ours_inner = inner(p)
    rows.append(("somatic-cnv segment, log2 only", n_subset, cpu, wall, change_points(starts_of_bed(p.stdout))))
    rows.append(("somatic-cnv segment(), log2 only, alone (wall)", n_subset, ours_inner, float("nan"), None))

    script = os.path.join(out, "cbs.R")
    with open(script, "w") as f:
        f.write(R_CBS)
    cbs_out = os.path.join(out, "cbs_subset.tsv")
    cpu, wall, p = timed(["Rscript", script, subset, cbs_out])
    cbs_inner = float(p.stdout.strip().splitlines()[-1])
    with open(cbs_out) as f:
        cbs_found = change_points(starts_of_bed(f.read()))
    rows.append(("DNAcopy CBS (R process)", n_subset, cpu, wall, cbs_found))
    rows.append(("DNAcopy CBS (segment() alone)", n_subset, cbs_inner, float("nan"), None))

    cnvkit = cnvkit_binary()
    if cnvkit:
        cns = os.path.join(out, "cnvkit_subset.cns")
        cpu, wall, p = timed([cnvkit, "segment", cnr, "-m", "cbs", "-p", "1", "-o", cns])
        with open(cns) as f:
            text = "\n".join(l for l in f.read().splitlines()[1:])
        rows.append(("CNVkit segment -m cbs", n_subset, cpu, wall, change_points(starts_of_bed(text))))
    else:
        print("cnvkit is not installed: its row is skipped")

    # Truth of the subset, from segment_3m.py's saved levels.
    import numpy as np
    truth = {}
    for k, name in enumerate(names):
        level, imbalance = np.load(os.path.join(out, "truth_%d.npy" % k))
        truth[name] = [int(b) * 1000 for b in np.nonzero(np.diff(level) != 0)[0] + 1]
    n_truth = sum(len(v) for v in truth.values())

    print("| segmenter | bins | CPU s | wall s | log2 change-points found within 5 bins | segments |")
    print("|---|---|---|---|---|---|")
    for name, n, cpu, wall, found in rows:
        hit = segs = ""
        if found is not None:
            hit = "%d of %d" % (sum(1 for c, v in truth.items() for b in v
                                    if any(abs(b - s) <= 5000 for s in found.get(c, []))), n_truth)
            segs = str(sum(len(v) + 1 for v in found.values()))
        print("| %s | %s | %.2f | %s | %s | %s |" % (name, format(n, ","), cpu,
                                                     "-" if wall != wall else "%.2f" % wall, hit, segs))
    scale = 24 / contigs
    cbs_process = [r for r in rows if r[0].startswith("DNAcopy CBS (R")][0][2]
    print("\nOn the same %s bins: CBS as a whole R process took %.1fx the CPU of the whole somatic-cnv process; "
          "CBS's segment() alone %.1fx the time of somatic-cnv's segment() alone."
          % (format(n_subset, ","), cbs_process / ours_subset, cbs_inner / ours_inner))
    print("CBS on all 3,000,000 bins, scaled from %d of 24 contigs (CBS segments each contig alone): about %.0f s of "
          "segment() alone (%.0fx somatic-cnv's measured %.2f s), about %.0f s as a process (%.0fx somatic-cnv's %.2f s)."
          % (contigs, cbs_inner * scale, cbs_inner * scale / ours_inner_all, ours_inner_all,
             cbs_process * scale, cbs_process * scale / rows[0][2], rows[0][2]))


def coriell(binary, shared):
    base = os.path.join(shared, "copynumber", "dnacopy_coriell")
    table = os.path.join(base, "coriell.tsv")
    ref = os.path.join(base, "coriell_DNAcopy_segments_default_seed25.tsv")
    if not (os.path.exists(table) and os.path.exists(ref)):
        print("\n%s is absent: the Coriell comparison is skipped" % base)
        return
    # Probe positions (kb) per chromosome, in order, with a value in each sample.
    probes = {}
    with open(table) as f:
        names = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(names, line.rstrip("\n").split("\t")))
            for sample in ("Coriell.05296", "Coriell.13330"):
                if r[sample] not in ("NA", ""):
                    probes.setdefault(sample, {}).setdefault(r["Chromosome"], []).append(int(r["Position"]))
    dnacopy = {}
    with open(ref) as f:
        next(f)
        for line in f:
            sid, chrom, start, end = line.split("\t")[:4]
            sample = {"c05296": "Coriell.05296", "c13330": "Coriell.13330"}[sid]
            dnacopy.setdefault(sample, {}).setdefault(chrom, []).append(int(float(start)))
    print("\nCoriell array CGH, segment boundaries (probe index of each segment's first probe):")
    print("| sample | DNAcopy CBS boundaries | somatic-cnv boundaries | agree exactly | within 2 probes | within 5 probes |")
    print("|---|---|---|---|---|---|")
    for sample in ("Coriell.05296", "Coriell.13330"):
        _, _, p = timed([binary, "segment", table, "--column", sample, "--position-scale", "1000", "--sort"])
        ours = {c: [s // 1000 for s in v] for c, v in starts_of_bed(p.stdout).items()}

        def index(chrom, kb):
            pos = probes[sample].get(chrom, [])
            return min(range(len(pos)), key=lambda i: abs(pos[i] - kb)) if pos else None

        a = [(c, index(c, s)) for c, v in dnacopy[sample].items() for s in sorted(v)[1:]]
        b = [(c, index(c, s)) for c, v in ours.items() for s in sorted(v)[1:]]

        def within(k):
            return sum(1 for c, i in a if any(c == d and abs(i - j) <= k for d, j in b))

        print("| %s | %d | %d | %d | %d | %d |" % (sample, len(a), len(b), within(0), within(2), within(5)))


def cnvkit_binary():
    """$CNVKIT, or cnvkit.py, or Debian's `cnvkit` on the PATH."""
    return os.environ.get("CNVKIT") or shutil.which("cnvkit.py") or shutil.which("cnvkit")


def exome(binary, shared):
    cnr = os.path.join(shared, "copynumber", "cnvkit_examples", "formats", "p2-20_1.cnr")
    cnvkit = cnvkit_binary()
    if not os.path.exists(cnr) or not cnvkit:
        print("\n%s or cnvkit is absent: the exome comparison is skipped" % cnr)
        return
    starts = {}
    with open(cnr) as f:
        next(f)
        for line in f:
            r = line.split("\t")
            starts.setdefault(r[0], []).append(int(r[1]))
    cns = os.path.join(out, "p2-20_1.cns")
    cpu_k, wall_k, _ = timed([cnvkit, "segment", cnr, "-m", "cbs", "-p", "1", "-o", cns])
    with open(cns) as f:
        theirs = change_points(starts_of_bed("\n".join(f.read().splitlines()[1:])))

    def index(chrom, pos):
        v = starts[chrom]
        return min(range(len(v)), key=lambda i: abs(v[i] - pos))

    a = [(c, index(c, p)) for c, v in theirs.items() for p in v]
    print("\nExome, CNVkit's p2-20_1.cnr (%d bins): change-points, in bins" % sum(len(v) for v in starts.values()))
    print("| somatic-cnv --penalty | somatic-cnv | CNVkit CBS | CNVkit's within 2 bins of somatic-cnv's | CPU s, somatic-cnv / CNVkit |")
    print("|---|---|---|---|---|")
    for penalty in ("2", "4"):
        cpu, wall, p = timed([binary, "segment", cnr, "--penalty", penalty])
        ours = change_points(starts_of_bed(p.stdout))
        b = [(c, index(c, q)) for c, v in ours.items() for q in v]
        hit = sum(1 for c, i in a if any(c == d and abs(i - j) <= 2 for d, j in b))
        print("| %s | %d | %d | %d | %.2f / %.2f |" % (penalty, len(b), len(a), hit, cpu, cpu_k))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(here, "build", "tools", "somatic-cnv", "somatic-cnv"))
    ap.add_argument("--contigs", type=int, default=1, help="contigs of the 3M table given to CBS (each 125,000 bins)")
    ap.add_argument("--shared", default=os.environ.get("SOMATIC_SHARED_DATA", os.path.join(here, "..", "shared", "data")))
    ap.add_argument("--skip-speed", action="store_true", help="only the Coriell and exome comparisons")
    a = ap.parse_args()
    os.makedirs(out, exist_ok=True)
    if not a.skip_speed:
        speed(a.binary, a.contigs)
    coriell(a.binary, a.shared)
    exome(a.binary, a.shared)


if __name__ == "__main__":
    main()
