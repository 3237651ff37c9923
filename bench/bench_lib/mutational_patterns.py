"""MutationalPatterns (Debian r-bioc-mutationalpatterns) as a peer:
fit_to_signatures (plain NNLS) and fit_to_signatures_strict on a catalogue
in COSMIC's layout, timed inside R so that R's start-up is not counted."""
import os
import shutil
import subprocess

SCRIPT = r"""
suppressMessages(library(MutationalPatterns))
args <- commandArgs(TRUE)
m <- as.matrix(read.table(args[1], header=TRUE, sep="\t", row.names=1, check.names=FALSE))
s <- as.matrix(read.table(args[2], header=TRUE, sep="\t", row.names=1, check.names=FALSE))
s <- s[rownames(m), , drop=FALSE]
t0 <- Sys.time(); f <- fit_to_signatures(m, s); t1 <- Sys.time()
st <- fit_to_signatures_strict(m, s, max_delta=0.004); t2 <- Sys.time()
write.table(t(f$contribution), args[3], sep="\t", quote=FALSE, col.names=NA)
write.table(t(st$fit_res$contribution), args[4], sep="\t", quote=FALSE, col.names=NA)
cat(as.numeric(difftime(t1, t0, units="secs")), as.numeric(difftime(t2, t1, units="secs")), "\n")
"""


def available():
    if not shutil.which("Rscript"):
        return False
    return subprocess.run(["Rscript", "-e", "suppressMessages(library(MutationalPatterns))"],
                          capture_output=True).returncode == 0


def fit(catalogue, signatures, workdir):
    """Runs both fits; returns {'plain': (path, seconds), 'strict': (path, seconds)}.
    The signature table must hold only the signatures to fit."""
    script = os.path.join(workdir, "mutational_patterns.R")
    with open(script, "w") as f:
        f.write(SCRIPT)
    plain, strict = os.path.join(workdir, "mp_plain.tsv"), os.path.join(workdir, "mp_strict.tsv")
    r = subprocess.run(["Rscript", script, catalogue, signatures, plain, strict],
                       capture_output=True, text=True, check=True)
    t_plain, t_strict = map(float, r.stdout.split())
    return {"plain": (plain, t_plain), "strict": (strict, t_strict)}
