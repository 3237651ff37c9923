"""Helpers of somatic-sig's end-to-end tests (stdlib only)."""
import os
import subprocess
import sys

EXE = os.environ.get("SOMATIC_SIG", "somatic-sig")
TESTDATA = os.environ.get("SOMATIC_TESTDATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "testdata"))
SIG = os.path.join(TESTDATA, "sig")
SKIP = 77  # meson's exit code for a skipped test

BASES = "ACGT"
COMP = {"A": "T", "C": "G", "G": "C", "T": "A"}
CLASSES = [("C", "A"), ("C", "G"), ("C", "T"), ("T", "A"), ("T", "C"), ("T", "G")]
CHANNELS = [f"{a}[{r}>{t}]{b}" for r, t in CLASSES for a in BASES for b in BASES]


def run(*args, stdin=None, check=True):
    r = subprocess.run([EXE, *args], input=stdin, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)} exited {r.returncode}: {r.stderr}")
    return r


def read_fasta(path):
    seqs, name = {}, None
    for line in open(path):
        line = line.strip()
        if line.startswith(">"):
            name = line[1:].split()[0]
            seqs[name] = []
        elif name:
            seqs[name].append(line.upper())
    return {k: "".join(v) for k, v in seqs.items()}


def channel(before, ref, alt, after):
    """The SBS96 name of ref>alt in context, folded to the pyrimidine strand."""
    if ref in "AG":
        before, ref, alt, after = COMP[after], COMP[ref], COMP[alt], COMP[before]
    return f"{before}[{ref}>{alt}]{after}"


def read_table(text):
    """{row name: [values]} and the header of a TSV given as text."""
    lines = [l.split("\t") for l in text.strip("\n").split("\n")]
    return lines[0], {r[0]: r[1:] for r in lines[1:]}


def check(cond, message):
    if not cond:
        sys.exit("FAIL: " + message)
