"""The output is the same bytes at 1, 2 and 4 threads and whatever the chunk
size (a 1 kb chunk puts hundreds of chunk boundaries through the data; each
must be invisible in the output), and calling regions one at a time gives
exactly the records of the whole-genome run."""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run

pair = os.path.join(TESTDATA, "pair1")
base = [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
        "--reference", f"{pair}/ref.fa", "--no-version"]

one = run(base + ["--threads", "1"]).stdout
check(one.count("\n") > 100, "the reference run writes records")
for threads in ("2", "4"):
    check(run(base + ["--threads", threads]).stdout == one, f"--threads {threads} gives the same bytes as 1")
check(run(base + ["--threads", "4", "--chunk-size", "1000"]).stdout == one,
      "1 kb chunks give the same bytes as the default chunks")
check(run(base + ["--threads", "2"]).stdout == one, "a repeated run gives the same bytes")

body = lambda text: [l for l in text.splitlines() if not l.startswith("#")]
pieces = []
for region in ("chr1:1-50000", "chr1:50001-120000", "chr2"):
    pieces += body(run(base + ["-r", region]).stdout)
check(pieces == body(one), "per-region runs concatenated equal the whole-genome run")
finish()
