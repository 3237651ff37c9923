"""Comparing two runs' results: every file byte for byte, except the header
lines that name the run rather than the data (RUN_SPECIFIC, and COMMAND_LINES
where the two runs name their inputs by different paths)."""
import gzip
import os

# Header lines that differ between two runs of the same data: bcftools concat
# stamps its command line with the date and time it ran.
RUN_SPECIFIC = (b"##bcftools_concatCommand=",)
# Lines of somatic-report's HTML and JSON that say when the report was
# written, and of the cohort's HTML.
REPORT_DATES = (b"<dt>Report written</dt>", b'    "date": ', b" samples; written ")
# The command lines our tools record (somatic-snv in the VCF, somatic-cnv in
# the BED): a CWL runner stages inputs under paths of its own, and orders
# options its own way.
COMMAND_LINES = RUN_SPECIFIC + (b"##somatic-snvCommand=", b"##commandline=")


def content(path, dropped=RUN_SPECIFIC):
    """A result file's bytes, without the header lines starting with one of
    dropped; a bgzipped VCF's decompressed text (its compressed bytes and its
    index follow from the text)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return b"".join(l for l in f if not (l.startswith(b"##") and l.startswith(dropped))
                        and not (path.endswith((".html", ".json")) and any(d in l for d in REPORT_DATES)))


def result_files(folder, skip=("logs",)):
    """Relative paths of the files under folder, but those under skip (tools'
    stderr) and indexes (.tbi: they point into the compressed bytes)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if os.path.relpath(os.path.join(root, d), folder) not in skip]
        found += [os.path.relpath(os.path.join(root, f), folder) for f in files if not f.endswith(".tbi")]
    return sorted(found)


def differences(expected, got, dropped=RUN_SPECIFIC):
    """Files missing from one run, or whose content differs, as messages."""
    a, b = result_files(expected), result_files(got)
    problems = [f"only in {expected}: {p}" for p in sorted(set(a) - set(b))]
    problems += [f"only in {got}: {p}" for p in sorted(set(b) - set(a))]
    for p in sorted(set(a) & set(b)):
        if content(os.path.join(expected, p), dropped) != content(os.path.join(got, p), dropped):
            problems.append(f"{p} differs")
    return problems
