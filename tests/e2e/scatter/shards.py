"""somatic-scatter's shards of the bundled references: disjoint, covering
every base outside the assembly gaps exactly once, balanced, in reference
order; and somatic-snv run per shard, gathered with bcftools concat, gives the
records of one whole-genome run. The gaps and the expected coverage are
computed here from the FASTA itself, independently of the tool."""
import os
import re
import shutil
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import FAILURES, TESTDATA, binary, check, finish, read_fasta, run, scratch

SCATTER = binary("somatic-scatter")
MIN_GAP = 100  # somatic-scatter's default --min-gap



def expected_sequence(seqs, min_gap, only=None):
    """Intervals of each contig outside runs of N of at least min_gap bases."""
    out = []
    for name, s in seqs.items():
        if only and name not in only:
            continue
        cursor = 0
        for m in re.finditer("N+", s):
            if m.end() - m.start() >= min_gap:
                if m.start() > cursor:
                    out.append((name, cursor, m.start()))
                cursor = m.end()
        if cursor < len(s):
            out.append((name, cursor, len(s)))
    return out


def read_bed(path):
    return [(c, int(b), int(e)) for c, b, e, *_ in (l.rstrip("\n").split("\t") for l in open(path))]


def merged(intervals):
    out = []
    for c, b, e in intervals:
        if out and out[-1][0] == c and out[-1][2] == b:
            out[-1] = (c, out[-1][1], e)
        else:
            out.append((c, b, e))
    return out


def check_plan(label, shards, seqs, expected):
    order = {name: i for i, name in enumerate(seqs)}
    key = lambda iv: (order[iv[0]], iv[1])
    flat = [iv for s in shards for iv in s]
    check(all(b < e for _, b, e in flat), f"{label}: no empty interval")
    check(flat == sorted(flat, key=key), f"{label}: shards in order, each shard's intervals in reference order")
    check(all(key(a)[0] < key(b)[0] or a[2] <= b[1] for a, b in zip(flat, flat[1:])), f"{label}: shards are disjoint")
    check(merged(flat) == merged(expected), f"{label}: shards cover exactly the bases outside N runs >= {MIN_GAP}")
    sizes = [sum(e - b for _, b, e in s) for s in shards]
    total = sum(e - b for _, b, e in expected)
    # Balanced to the base: each shard holds floor or ceil of total / N.
    check(all(total // len(shards) <= n <= -(-total // len(shards)) for n in sizes),
          f"{label}: shard sizes {sizes} within one base of {total}/{len(shards)}")


# pair1: chr1 (120 kb, N run [18848, 22448)) and chr2 (80 kb, N run [30610, 33010)).
pair1 = os.path.join(TESTDATA, "pair1")
seqs = read_fasta(f"{pair1}/ref.fa")
expected = expected_sequence(seqs, MIN_GAP)
check(len(expected) == 4 and sum(e - b for _, b, e in expected) == 200000 - 3600 - 2400,
      "the FASTA holds the two gaps testdata/README.md describes")
out = scratch()
for n in (1, 3, 7):
    d = f"{out}/n{n}"
    r = run([SCATTER, "--reference", f"{pair1}/ref.fa", "--shards", str(n), "--out-dir", d])
    names = sorted(os.listdir(d))
    check(names == [f"shard_{i:04d}.bed" for i in range(1, n + 1)], f"{n} shards: files shard_0001.bed ... ({names})")
    check(r.stdout == "", f"{n} shards: --out-dir writes nothing to standard output")
    check_plan(f"pair1, {n} shards", [read_bed(f"{d}/{x}") for x in names], seqs, expected)

# Fewer shards into the same directory: the earlier run's extra shards go,
# so `DIR/shard_*.bed` is this run's shards; other files stay.
open(f"{out}/n7/notes.txt", "w").close()
r = run([SCATTER, "--reference", f"{pair1}/ref.fa", "--shards", "2", "--out-dir", f"{out}/n7"])
check(sorted(os.listdir(f"{out}/n7")) == ["notes.txt", "shard_0001.bed", "shard_0002.bed"],
      f"a rerun with fewer shards leaves only its own shards ({sorted(os.listdir(f'{out}/n7'))})")
check(r.stderr.count("a shard of an earlier run") == 5, "and says which files it removed")

# Standard output: one table, the shard's name in column 4, the same intervals.
table = run([SCATTER, "-f", f"{pair1}/ref.fa", "-n", "3"]).stdout
rows = [l.split("\t") for l in table.splitlines()]
check(all(len(r) == 4 for r in rows), "the table has four columns")
for i in range(1, 4):
    name = f"shard_{i:04d}"
    check([(c, int(b), int(e)) for c, b, e, s in rows if s == name] == read_bed(f"{out}/n3/{name}.bed"),
          f"the table's {name} rows are the file's")

# --regions restricts the shards; a longer --min-gap keeps short runs.
only = run([SCATTER, "-f", f"{pair1}/ref.fa", "-n", "2", "-r", "chr2"]).stdout
shards = [[(c, int(b), int(e)) for c, b, e, s in (l.split("\t") for l in only.splitlines()) if s == f"shard_000{i}"]
          for i in (1, 2)]
check_plan("pair1 chr2, 2 shards", shards, seqs, expected_sequence(seqs, MIN_GAP, only={"chr2"}))
keep = run([SCATTER, "-f", f"{pair1}/ref.fa", "-n", "1", "--min-gap", "5000"]).stdout
check([l.split("\t")[:3] for l in keep.splitlines()] == [["chr1", "0", "120000"], ["chr2", "0", "80000"]],
      "with --min-gap above the gaps' lengths the shard is the whole genome")

# Bad input: the exit code and the message.
for args, code, words in ((["-n", "0"], 2, "--shards must be at least 1"),
                          ([], 2, "--shards is required"),
                          (["-n", "300000"], 2, "cannot cut 194000 bases into 300000 shards"),
                          (["-n", "2", "-r", "chr9"], 2, "chr9")):
    r = run([SCATTER, "-f", f"{pair1}/ref.fa"] + args, check=False)
    check(r.returncode == code and words in r.stderr and r.stderr.startswith("somatic-scatter: error:"),
          f"{' '.join(args) or 'no --shards'}: exit {code}, '{words}' ({r.returncode}: {r.stderr.strip()})")
r = run([SCATTER, "-n", "2"], check=False)
check(r.returncode == 2 and "--reference" in r.stderr, "no --reference: exit 2")

# Calling per shard and concatenating equals one whole-genome run, for the
# calls and for the heterozygous sites.
snv = [binary("somatic-snv"), "-T", f"{pair1}/tumour.bam", "-N", f"{pair1}/normal.bam", "-f", f"{pair1}/ref.fa",
       "--no-version", "--threads", "2"]
run(snv + ["--germline-hets", f"{out}/whole.hets.vcf.gz", "-o", f"{out}/whole.vcf.gz"])
parts = {"calls": [], "hets": []}
for i in range(1, 4):
    bed = f"{out}/n3/shard_{i:04d}.bed"
    run(snv + ["-R", bed, "--germline-hets", f"{out}/s{i}.hets.vcf.gz", "-o", f"{out}/s{i}.vcf.gz"])
    parts["calls"].append(f"{out}/s{i}.vcf.gz")
    parts["hets"].append(f"{out}/s{i}.hets.vcf.gz")
for kind, whole in (("calls", f"{out}/whole.vcf.gz"), ("hets", f"{out}/whole.hets.vcf.gz")):
    gathered = run(["bcftools", "concat", "--no-version"] + parts[kind]).stdout
    body = lambda text: [l for l in text.splitlines() if not l.startswith("#")]
    direct = run(["bcftools", "view", "--no-version", whole]).stdout
    check(len(body(direct)) > 50 and body(gathered) == body(direct),
          f"{kind}: 3 shards through bcftools concat give the whole run's {len(body(direct))} records")
if not FAILURES:  # a failed run's files stay for a look
    for d in (out,):
        shutil.rmtree(d, ignore_errors=True)
finish()
