"""Comparing two runs' results: every file byte for byte, except the header
lines that name the run rather than the data (listed in RUN_SPECIFIC)."""
import gzip
import os

# Header lines that differ between two runs of the same data: bcftools concat
# stamps its command line with the date and time it ran.
RUN_SPECIFIC = (b"##bcftools_concatCommand=",)


def content(path):
    """A result file's bytes; a bgzipped VCF's decompressed text without its
    run-specific header lines (its compressed bytes and index follow from the
    text, and the index is compared as the text's)."""
    if path.endswith(".vcf.gz"):
        with gzip.open(path, "rb") as f:
            return b"".join(l for l in f if not l.startswith(RUN_SPECIFIC))
    with open(path, "rb") as f:
        return f.read()


def result_files(folder, skip=("logs",)):
    """Relative paths of the files under folder, but those under skip (tools'
    stderr) and indexes (.tbi: they point into the compressed bytes)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if os.path.relpath(os.path.join(root, d), folder) not in skip]
        found += [os.path.relpath(os.path.join(root, f), folder) for f in files if not f.endswith(".tbi")]
    return sorted(found)


def differences(expected, got):
    """Files missing from one run, or whose content differs, as messages."""
    a, b = result_files(expected), result_files(got)
    problems = [f"only in {expected}: {p}" for p in sorted(set(a) - set(b))]
    problems += [f"only in {got}: {p}" for p in sorted(set(b) - set(a))]
    for p in sorted(set(a) & set(b)):
        if content(os.path.join(expected, p)) != content(os.path.join(got, p)):
            problems.append(f"{p} differs")
    return problems
