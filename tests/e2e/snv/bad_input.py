"""Each bad input gets one line on stderr naming the file and the problem, a
non-zero exit, and no output file under the final name. One case per
fixture in testdata/bad/ (made by testdata/bad/make-fixtures.sh)."""
import os
import shutil
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch

bad = os.path.join(TESTDATA, "bad")
ref = os.path.join(TESTDATA, "pair2", "ref.fa")
tumour = f"{bad}/mini_tumour.bam"
normal = f"{bad}/mini_normal.bam"
out = scratch()

# A stale index cannot be committed (a checkout sets every file's time), so
# it is made here: the data file is newer than its index.
shutil.copy(tumour, f"{out}/stale.bam")
shutil.copy(tumour + ".bai", f"{out}/stale.bam.bai")
old = time.time() - 3600
os.utime(f"{out}/stale.bam.bai", (old, old))

CASES = [
    # name, arguments replacing the defaults, exit code, text the message must hold
    ("truncated BAM", {"--tumour": f"{bad}/truncated.bam"}, 1, "truncated.bam: the file is truncated"),
    ("BAM without index", {"--tumour": f"{bad}/unindexed.bam"}, 1, "unindexed.bam: no index found"),
    ("stale index", {"--tumour": f"{out}/stale.bam"}, 1, "is older than the data file"),
    ("no SM tag", {"--tumour": f"{bad}/no_sample.bam"}, 1, "no_sample.bam: no read group with a sample name"),
    ("two samples", {"--tumour": f"{bad}/two_samples.bam"}, 1, "holds more than one sample"),
    ("chr prefix", {"--reference": f"{bad}/chr_prefix.fa"}, 1, "by a 'chr' prefix"),
    ("other contig length", {"--reference": f"{bad}/other_length.fa"}, 1,
     "contig 'chr1' is 60000 bp here but 53940 bp in the reference"),
    ("missing reference", {"--reference": f"{out}/none.fa"}, 1, "none.fa: cannot open the reference"),
    ("directory as BAM", {"--normal": out}, 1, "is a directory"),
    ("missing BAM", {"--normal": f"{out}/none.bam"}, 1, "none.bam: no such file"),
    ("zero-length region", {"-r": "chr1:200-100"}, 2, "zero-length region"),
    ("region past the end", {"-r": "chr1:59000-70000"}, 2, "end is past the end of chr1"),
    ("unknown contig in region", {"-r": "1:1-100"}, 2, "did you mean 'chr1'"),
    ("empty regions file", {"-R": f"{bad}/empty.bed"}, 1, "the regions file holds no intervals"),
    ("bad output type", {"-O": "x"}, 2, "unknown --output-type 'x'"),
    ("no tumour", {"--tumour": None}, 2, "--tumour is required"),
    ("zero threads", {"--threads": "0"}, 2, "--threads must be at least 1"),
    ("unknown option", {"--bogus": "1"}, 2, "unrecognised option '--bogus'"),
]

for name, changes, code, text in CASES:
    args = {"--tumour": tumour, "--normal": normal, "--reference": ref, "-o": f"{out}/calls.vcf.gz"}
    args.update(changes)
    argv = [binary("somatic-snv")]
    for k, v in args.items():
        if v is not None:
            argv += [k, v]
    r = run(argv, check=False)
    lines = r.stderr.strip().splitlines()
    check(r.returncode == code and len(lines) == 1 and text in r.stderr and "error:" in r.stderr
          and not os.path.exists(f"{out}/calls.vcf.gz"),
          f"{name}: exit {r.returncode} (want {code}), message {r.stderr.strip()!r}")

# The CRAM of the same reads works where the BAM does and gives the same calls.
cram = run([binary("somatic-snv"), "--tumour", f"{bad}/mini_tumour.cram", "--normal", normal, "--reference", ref,
            "--no-version"], check=False)
bam = run([binary("somatic-snv"), "--tumour", tumour, "--normal", normal, "--reference", ref, "--no-version"])
check(cram.returncode == 0 and cram.stdout == bam.stdout, "a CRAM gives the same calls as its BAM")
finish()
