"""Copy-number peers on the same data: DNAcopy's CBS on our log2 ratios (the
segmentation alone), CNVkit's whole-genome batch from the BAMs, and mosdepth
for the depth pass. Each returns its segments (for the breakpoint scorer) and
its cost; a peer that is not installed returns None."""
import os
import shutil
import subprocess

from . import timing

DNACOPY_SCRIPT = r"""
suppressMessages(library(DNAcopy))
args <- commandArgs(TRUE)
lines <- readLines(args[1])
r <- read.table(text=lines[!startsWith(lines, "##")], header=TRUE, sep="\t", comment.char="", check.names=FALSE)
names(r)[1] <- "chrom"
keep <- is.finite(r$log2)
r <- r[keep, ]
cna <- CNA(r$log2, r$chrom, (r$start + r$end) / 2, data.type="logratio", sampleid="tumour")
t0 <- Sys.time()
seg <- segment(smooth.CNA(cna), verbose=0)
t1 <- Sys.time()
out <- seg$output
# CBS reports probe positions; give each segment the bins it spans.
starts <- integer(nrow(out)); ends <- integer(nrow(out)); k <- 1
for (i in seq_len(nrow(out))) {
  n <- out$num.mark[i]
  starts[i] <- r$start[k]; ends[i] <- r$end[k + n - 1]; k <- k + n
}
write.table(data.frame(chrom=out$chrom, start=starts, end=ends, log2=out$seg.mean),
            args[2], sep="\t", quote=FALSE, row.names=FALSE)
cat(as.numeric(difftime(t1, t0, units="secs")), "\n")
"""


def r_package_available(name):
    return shutil.which("Rscript") is not None and subprocess.run(
        ["Rscript", "-e", f"suppressMessages(library({name}))"], capture_output=True).returncode == 0


def dnacopy(ratios_tsv, workdir):
    """CBS (DNAcopy's segment() after smooth.CNA, default alpha 0.01) on the
    ratio table's log2 column. Returns (segments, seconds inside R) or None."""
    if not r_package_available("DNAcopy"):
        return None
    script = os.path.join(workdir, "dnacopy.R")
    with open(script, "w") as f:
        f.write(DNACOPY_SCRIPT)
    out = os.path.join(workdir, "dnacopy.segments.tsv")
    r = subprocess.run(["Rscript", script, ratios_tsv, out], capture_output=True, text=True, check=True)
    segments = []
    for line in list(open(out))[1:]:
        chrom, start, end, _ = line.rstrip("\n").split("\t")
        segments.append((chrom, int(float(start)), int(float(end)), None, None, None))
    return segments, float(r.stdout.split()[0])


def cnvkit(tumour, normal, reference, threads, workdir, purity):
    """CNVkit's whole-genome batch (its own bins, CBS segmentation), then
    `call -m clonal` at the given purity (CNVkit does not estimate purity).
    Returns (segments with total/major/minor, cost) or None."""
    exe = shutil.which("cnvkit.py") or shutil.which("cnvkit")  # Debian names it cnvkit
    if not exe:
        return None
    d = os.path.join(workdir, "cnvkit")
    os.makedirs(d, exist_ok=True)
    cost = timing.timed([exe, "batch", tumour, "--normal", normal, "--fasta", reference, "--method", "wgs",
                         "--output-dir", d, "-p", str(threads)],
                        stdout=subprocess.DEVNULL)
    cns = os.path.join(d, os.path.basename(tumour).rsplit(".", 1)[0] + ".cns")
    called = os.path.join(d, "called.cns")
    cost = timing.add(cost, timing.timed([exe, "call", cns, "-m", "clonal", "--purity", str(purity), "-o", called],
                                         stdout=subprocess.DEVNULL))
    lines = [l.rstrip("\n").split("\t") for l in open(called)]
    segments = []
    for c in lines[1:]:
        row = dict(zip(lines[0], c))
        cn, cn1, cn2 = (_as_int(row.get(k)) for k in ("cn", "cn1", "cn2"))
        allelic = cn1 is not None and cn2 is not None
        segments.append((row["chromosome"], int(row["start"]), int(row["end"]), cn,
                         max(cn1, cn2) if allelic else None, min(cn1, cn2) if allelic else None))
    return segments, cost


def _as_int(value):
    return int(float(value)) if value not in (None, "", "NA", "nan") else None


def mosdepth(bam, bin_size, threads, workdir):
    """mosdepth's per-bin depth of one BAM with the same read filters as
    somatic-cnv bins (MAPQ >= 20; unmapped, secondary, QC-fail, duplicate
    and supplementary reads skipped). Returns its cost or None."""
    exe = shutil.which("mosdepth")
    if not exe:
        return None
    prefix = os.path.join(workdir, "mosdepth")
    return timing.timed([exe, "-n", "--fast-mode", "-b", str(bin_size), "-Q", "20", "-F", "3844",
                         "-t", str(threads), prefix, bam], stdout=subprocess.DEVNULL)
