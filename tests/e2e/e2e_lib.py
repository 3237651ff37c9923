"""Shared helpers for the end-to-end tests: find the binaries and the test
data through the environment meson sets, run a tool, read a VCF."""
import atexit
import gzip
import os
import shutil
import subprocess
import sys
import tempfile

TESTDATA = os.environ.get("SOMATIC_TESTDATA", os.path.join(os.path.dirname(__file__), "..", "..", "testdata"))
FAILURES = []


def binary(tool):
    return os.environ[tool.replace("-", "_").upper()]


def built_version():
    """The version the build carries, as --version and output headers print
    it: meson.build's version (SOMATIC_VERSION), plus git describe when built
    from a checkout (scripts/version.py). It is read from the header vcs_tag
    writes at build time, since the describe part can change after setup."""
    release = os.environ["SOMATIC_VERSION"]
    header = open(os.path.join(os.environ["SOMATIC_BUILD_DIR"], "somatic_version.h")).read()
    prefix = '#define SOMATIC_VERSION "'
    line = next(l for l in header.splitlines() if l.startswith(prefix))
    version = line[len(prefix):-1]
    if version != release and not version.startswith(release + "+"):
        raise AssertionError(f"somatic_version.h says {version!r}, not meson.build's {release!r}")
    return version


def run(args, check=True, **kw):
    result = subprocess.run(args, capture_output=True, text=True, **kw)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def read_vcf(path):
    """Records as dicts, and the header lines."""
    opener = gzip.open if path.endswith(".gz") else open
    header, records = [], []
    with opener(path, "rt") as f:
        for line in f:
            if line.startswith("#"):
                header.append(line.rstrip("\n"))
                continue
            c = line.rstrip("\n").split("\t")
            info = {}
            for kv in c[7].split(";"):
                k, _, v = kv.partition("=")
                info[k] = v
            samples = []
            keys = c[8].split(":") if len(c) > 8 else []
            for s in c[9:]:
                samples.append(dict(zip(keys, s.split(":"))))
            records.append({"chrom": c[0], "pos": int(c[1]), "ref": c[3], "alt": c[4], "qual": c[5],
                            "filter": c[6], "info": info, "samples": samples})
    return records, header


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)
    else:
        print("ok:", message)


def finish():
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        sys.exit(1)
    print("all checks passed")


def scratch():
    """A scratch directory, removed when the test ends unless
    SOMATIC_KEEP_SCRATCH is set (to look at a failure's files)."""
    path = tempfile.mkdtemp(prefix="somatic_e2e_")
    if not os.environ.get("SOMATIC_KEEP_SCRATCH"):
        atexit.register(shutil.rmtree, path, True)
    return path


def read_fasta(path):
    """{name: upper-case sequence} of a plain FASTA file."""
    seqs, name = {}, None
    for line in open(path):
        line = line.strip()
        if line.startswith(">"):
            name = line[1:].split()[0]
            seqs[name] = []
        elif name:
            seqs[name].append(line.upper())
    return {k: "".join(v) for k, v in seqs.items()}
