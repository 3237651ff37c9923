"""Shared helpers of the somatic-cnv end-to-end tests (stdlib only)."""
import os
import subprocess
import sys

BIN = os.environ.get("SOMATIC_CNV", "somatic-cnv")
TESTDATA = os.environ.get("SOMATIC_TESTDATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "testdata"))
SKIP = 77  # meson's exit code for a skipped test


def run(args, stdin=None, check=True):
    """Runs somatic-cnv with `args`; returns (exit code, stdout, stderr)."""
    p = subprocess.run([BIN] + args, input=stdin, capture_output=True, text=True)
    if check and p.returncode != 0:
        sys.exit("somatic-cnv %s failed (%d):\n%s" % (" ".join(args), p.returncode, p.stderr))
    return p.returncode, p.stdout, p.stderr


def read_bed(text):
    """Rows of a BED-like text with a '#chrom' header as dicts; ## lines skipped."""
    rows, names = [], None
    for line in text.splitlines():
        if line.startswith("##") or not line:
            continue
        fields = line.split("\t")
        if line.startswith("#"):
            names = [n.lstrip("#") for n in fields]
            continue
        rows.append(dict(zip(names, fields)))
    return rows


def header_values(text):
    """The ##key=value lines of a text, as a dict."""
    out = {}
    for line in text.splitlines():
        if line.startswith("##") and "=" in line:
            k, v = line[2:].split("=", 1)
            out.setdefault(k, v)
    return out


class Checks:
    """Collects failures so one run reports all of them."""

    def __init__(self):
        self.failures = []

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            self.failures.append(what)

    def finish(self):
        if self.failures:
            sys.exit("%d check(s) failed" % len(self.failures))
