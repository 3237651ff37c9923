"""Helpers of somatic-sig's end-to-end tests (stdlib only)."""
import os
import random
import subprocess
import sys

EXE = os.environ.get("SOMATIC_SIG", "somatic-sig")
TESTDATA = os.environ.get("SOMATIC_TESTDATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "testdata"))
SIG = os.path.join(TESTDATA, "sig")
SKIP = 77  # meson's exit code for a skipped test
# SOMATIC_TEST_SMALL=1 (scripts/test.sh's sanitizer stage) asks the heavy
# tests for small inputs: the sanitizers look for memory and undefined-behaviour
# errors, which need every code path run, not a cohort large enough to check
# accuracy. The normal stage runs the full checks.
SMALL = os.environ.get("SOMATIC_TEST_SMALL") == "1"

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import read_fasta  # noqa: E402,F401  (re-exported for the sig tests)

BASES = "ACGT"
COMP = {"A": "T", "C": "G", "G": "C", "T": "A"}
CLASSES = [("C", "A"), ("C", "G"), ("C", "T"), ("T", "A"), ("T", "C"), ("T", "G")]
CHANNELS = [f"{a}[{r}>{t}]{b}" for r, t in CLASSES for a in BASES for b in BASES]


def run(*args, stdin=None, check=True):
    r = subprocess.run([EXE, *args], input=stdin, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)} exited {r.returncode}: {r.stderr}")
    return r



def channel(before, ref, alt, after):
    """The SBS96 name of ref>alt in context, folded to the pyrimidine strand."""
    if ref in "AG":
        before, ref, alt, after = COMP[after], COMP[ref], COMP[alt], COMP[before]
    return f"{before}[{ref}>{alt}]{after}"


def read_table(text):
    """{row name: [values]} and the header of a TSV given as text."""
    lines = [l.split("\t") for l in text.strip("\n").split("\n")]
    return lines[0], {r[0]: r[1:] for r in lines[1:]}


def mixture_cohort(path, signatures, sources, samples, mutations, seed):
    """Writes to `path` an SBS96 catalogue (samples s0, s1, ...) of
    multinomial draws of `mutations` each from mixtures of the `sources`
    columns of the signature table `signatures`, with gamma(0.7)-distributed
    weights drawn by random.Random(seed). Returns {source: its 96 values}, in
    COSMIC's channel order."""
    header, rows = read_table(open(signatures).read())
    ref = {name: [float(rows[ch][header.index(name) - 1]) for ch in CHANNELS] for name in sources}
    rng = random.Random(seed)
    columns = []
    for _ in range(samples):
        w = [rng.gammavariate(0.7, 1) for _ in sources]
        p = [sum(wk * ref[s][i] for wk, s in zip(w, sources)) for i in range(96)]
        counts = [0] * 96
        for i in rng.choices(range(96), weights=p, k=mutations):
            counts[i] += 1
        columns.append(counts)
    with open(path, "w") as f:
        f.write("MutationType\t" + "\t".join(f"s{i}" for i in range(samples)) + "\n")
        for i, ch in enumerate(CHANNELS):
            f.write(ch + "\t" + "\t".join(str(c[i]) for c in columns) + "\n")
    return ref


def check(cond, message):
    if not cond:
        sys.exit("FAIL: " + message)
