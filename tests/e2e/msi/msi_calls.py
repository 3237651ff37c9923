"""somatic-msi on simulated pairs: a tumour with slippage at half its
microsatellites (MSI-high) and a stable one, against one normal.

The truth is the simulator's: the planted sites (scan must list each with
its unit and count), the repeat's reference length (the normal's commonest
length at each site), and which sites slipped in the tumour (the unstable
sites must be those; the summary must say MSI-H for the slipped tumour and
MSS for the stable one). The per-site table must be the same bytes at 1 and
3 threads.
"""
import os
import sys

import numpy as np
import pysam

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_lib import binary, check, finish, run, scratch  # noqa: E402
from msi_reads import plant_reference, slipped_sites, write_msi_bam  # noqa: E402
from generated_reads import READ, read_pair, write_sorted  # noqa: E402

small = os.environ.get("SOMATIC_TEST_SMALL") == "1"
n_sites = 40 if small else 100
out = scratch()
msi = binary("somatic-msi")
rng = np.random.default_rng(18)
ref = f"{out}/ref.fa"
reference, planted = plant_reference(ref, rng, n_sites)
shifts = slipped_sites(rng, n_sites, 0.5)
write_msi_bam(f"{out}/normal.bam", "normal", reference, planted, 40, seed=1)
write_msi_bam(f"{out}/msi.bam", "msi", reference, planted, 60, seed=2, shifts=shifts, purity=0.7)
write_msi_bam(f"{out}/mss.bam", "mss", reference, planted, 60, seed=3, purity=0.7)

# scan lists every planted site.
run([msi, "scan", "--reference", ref, "-o", f"{out}/sites.bed"])
listed = set()
for line in open(f"{out}/sites.bed"):
    c = line.split()
    listed.add((int(c[1]), int(c[2]), c[3], int(c[4])))
check(all(s in listed for s in planted), f"scan lists all {n_sites} planted sites ({len(listed)} sites in all)")


def call(tumour, tag, threads=2, extra=()):
    run([msi, "call", "--tumour", f"{out}/{tumour}.bam", "--normal", f"{out}/normal.bam", "--reference", ref,
         "--sites", f"{out}/sites.bed", "-o", f"{out}/{tag}.tsv", "--summary", f"{out}/{tag}.summary.tsv",
         "--threads", str(threads)] + list(extra))
    rows = [line.rstrip("\n").split("\t") for line in open(f"{out}/{tag}.tsv")]
    header = [h.lstrip("#") for h in rows[0]]
    sites = [dict(zip(header, r)) for r in rows[1:]]
    summary_lines = open(f"{out}/{tag}.summary.tsv").read().splitlines()
    summary = dict(zip(summary_lines[0].split("\t"), summary_lines[1].split("\t")))
    return sites, summary


def mode(distribution):
    pairs = [tuple(map(int, x.split(":"))) for x in distribution.split(",")]
    return max(pairs, key=lambda p: p[1])[0]


index_of = {(b, e): i for i, (b, e, _, _) in enumerate(planted)}
msi_sites, msi_summary = call("msi", "msi")
mss_sites, mss_summary = call("mss", "mss")
tested = [s for s in msi_sites if s["status"] != "low_depth"]
check(len(tested) >= 0.8 * n_sites, f"{len(tested)} of {len(msi_sites)} sites have 20 spanning reads in both samples")
check(all(mode(s["normal_lengths"]) == int(s["end"]) - int(s["start"]) for s in tested),
      "the normal's commonest length is the reference length at every tested site")
unstable = {index_of.get((int(s["start"]), int(s["end"])), -1) for s in tested if s["status"] == "unstable"}
slipped_tested = {index_of[(int(s["start"]), int(s["end"]))] for s in tested
                  if index_of.get((int(s["start"]), int(s["end"]))) in shifts}
false = unstable - set(shifts)
found = unstable & slipped_tested
check(len(false) <= 1, f"unstable sites are slipped ones ({len(false)} not)")
check(len(found) >= 0.8 * len(slipped_tested), f"{len(found)} of {len(slipped_tested)} slipped sites tested are unstable")
# In a slipped site's tumour, the shifted length is there.
some = next(s for s in tested if index_of.get((int(s["start"]), int(s["end"]))) in shifts)
i = index_of[(int(some["start"]), int(some["end"]))]
shifted = int(some["end"]) - int(some["start"]) + shifts[i] * len(planted[i][2])
check(f"{shifted}:" in some["tumour_lengths"], f"the tumour shows the shifted length {shifted} at a slipped site")
check(msi_summary["msi_status"] == "MSI-H" and float(msi_summary["percent_unstable"]) >= 3.5,
      f"the slipped tumour is MSI-H ({msi_summary['percent_unstable']}% of {msi_summary['sites_tested']})")
check(int(msi_summary["sites_unstable"]) == len(unstable), "the summary counts the table's unstable sites")
check(msi_summary["threshold"] == "3.5", "the summary states the threshold")
check(mss_summary["msi_status"] == "MSS" and int(mss_summary["sites_unstable"]) <= 1,
      f"the stable tumour is MSS ({mss_summary['sites_unstable']} unstable sites)")

# Any thread count and chunk size, the same bytes: 10 kb chunks put about
# ten sites in each, and three threads finish them out of order.
one = open(f"{out}/msi.tsv", "rb").read()
call("msi", "msi3", threads=3, extra=["--chunk-size", "10000"])
check(open(f"{out}/msi3.tsv", "rb").read() == one, "the per-site table is the same at 2 threads and at 3 in 10 kb chunks")
scan_one = open(f"{out}/sites.bed", "rb").read()
run([msi, "scan", "--reference", ref, "-o", f"{out}/sites3.bed", "--threads", "3", "--chunk-size", "10000"])
check(open(f"{out}/sites3.bed", "rb").read() == scan_one, "scan lists the same sites at 3 threads in 10 kb chunks")

# --threshold moves the call, not the test.
r = run([msi, "call", "--tumour", f"{out}/msi.bam", "--normal", f"{out}/normal.bam", "--reference", ref,
         "--sites", f"{out}/sites.bed", "-o", "/dev/null", "--summary", "-", "--threshold", "100"])
check(r.stdout.splitlines()[1].split("\t")[3] == "MSS", "--threshold 100 calls the same tumour MSS")

# Short fragments whose two mates both span the first site with its flanks
# (as in FFPE or cfDNA libraries): each fragment is one molecule, counted
# once, whichever mate comes first.
beg, end, _, _ = planted[0]
header = {"HD": {"VN": "1.6", "SO": "coordinate"}, "SQ": [{"SN": "chr1", "LN": len(reference)}],
          "RG": [{"ID": "short", "SM": "SHORT"}]}
reads = []
for f in range(30):
    s = beg - 45 - f % 5  # mate 2 starts at or before the left flank; mate 1 ends past the right one
    reads += read_pair(f"short_{f}", [(s, reference[s:s + READ]), (s + 40, reference[s + 40:s + 40 + READ])], 140,
                       "short")
write_sorted(f"{out}/short.bam", header, reads)
run([msi, "call", "--tumour", f"{out}/short.bam", "--normal", f"{out}/short.bam", "--reference", ref,
     "--sites", f"{out}/sites.bed", "-o", f"{out}/short.tsv", "--min-depth", "1"])
first = next(line.split("\t") for line in open(f"{out}/short.tsv") if line.startswith(f"chr1\t{beg}\t"))
check(first[5:9] == ["30", "30", f"{end - beg}:30", f"{end - beg}:30"],
      f"30 fragments with overlapping mates count 30 reads at the site: {first[5:9]}")

# A tumour without a read at any site (a header-only BAM) is not a bad
# input: both tables are written, nothing is tested, the status is NA, and
# the warning names the empty sample.
with pysam.AlignmentFile(f"{out}/msi.bam") as f, pysam.AlignmentFile(f"{out}/no_reads.bam", "wb", header=f.header):
    pass
pysam.index(f"{out}/no_reads.bam")
r = run([msi, "call", "--tumour", f"{out}/no_reads.bam", "--normal", f"{out}/normal.bam", "--reference", ref,
         "--sites", f"{out}/sites.bed", "-o", f"{out}/no_reads.tsv", "--summary", "-"])
rows = open(f"{out}/no_reads.tsv").read().splitlines()
check(r.stdout.splitlines()[1].split("\t")[:4] == ["0", "0", "NA", "NA"] and len(rows) == 1 + len(listed) and
      all(row.endswith("low_depth") for row in rows[1:]),
      f"no read in the tumour: 0 sites tested, status NA, every site low_depth ({r.stdout.splitlines()[1]!r})")
check("not determined (NA)" in r.stderr and "no_reads.bam has no read spanning any site" in r.stderr and
      "normal.bam has no read" not in r.stderr,
      f"the warning names the empty tumour: {r.stderr.strip()!r}")

# Bad input: one line on standard error, exit 1, nothing written.
os.symlink(f"{out}/msi.bam", f"{out}/unindexed.bam")
open(f"{out}/empty.bed", "w").close()
with open(f"{out}/other_contig.bed", "w") as f:
    f.write("20\t1000\t1012\tA\t12\n")


def fails(args, words, what):
    r = run([msi, "call", "--reference", ref, "-o", f"{out}/bad.tsv"] + args, check=False)
    lines = r.stderr.strip().splitlines()
    check(r.returncode == 1 and len(lines) == 1 and all(w in lines[0] for w in words) and
          not os.path.exists(f"{out}/bad.tsv"), f"{what}: {lines}")


pair = ["--tumour", f"{out}/msi.bam", "--normal", f"{out}/normal.bam"]
fails(["--tumour", f"{out}/unindexed.bam", "--normal", f"{out}/normal.bam", "--sites", f"{out}/sites.bed"],
      ["unindexed.bam", "index"], "an unindexed BAM")
fails(pair + ["--sites", f"{out}/empty.bed"], ["empty.bed", "no microsatellite"], "an empty sites BED")
fails(pair + ["--sites", f"{out}/other_contig.bed"], ["other_contig.bed", "20"], "a sites BED on other contigs")
finish()
