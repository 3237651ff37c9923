"""somatic-cnv reference and run --pooled-reference on testdata/pair1.

The pool: pair1's normal and five subsamples of it (samtools view -s, 50 to
90 % of the reads, each with its own seed). They are one person sequenced
once, so the pool is an optimistic one: it knows this normal's own
systematic depth profile, and its subsamples share reads with each other.
What it tests is the arithmetic and the plumbing: the expected depth per
bin from several normals, the tumour's log2 against it, and the calls.

Checks, each against the simulator's truth (testdata/pair1/truth.cn.bed) or
against the matched-normal run of the same tumour:
  * without a matched normal, the pooled run's total copy number agrees with
    the truth on at least 90 % of the genome (depth alone: the run has no
    het sites, so it cannot split LOH from a loss, but total copy number
    needs none) and with the matched-normal run on at least 90 %: both use
    the same tumour depth over almost the same bins, and the truth's
    breakpoints fall inside 1 kb bins, so the two differ only by a bin or
    two at a segment's edge;
  * with a matched normal AND the pool, the het sites come from the normal
    (BAF measured in the calls), the depth from the pool;
  * a pool of other bins, or of another assembly, stops the run with one
    line naming the pool file and what differs."""
import os
import shutil
import subprocess
import sys
import tempfile

from cnv_test_util import SKIP, TESTDATA, Checks, read_bed, run

P1 = os.path.join(TESTDATA, "pair1")
if not os.path.exists(os.path.join(P1, "tumour.bam")):
    print("testdata/pair1 is absent: skipped")
    sys.exit(SKIP)
if not shutil.which("samtools"):
    print("samtools is absent: skipped")
    sys.exit(SKIP)

checks = Checks()
ref, tumour, normal, sites = (os.path.join(P1, f) for f in ("ref.fa", "tumour.bam", "normal.bam", "germline.vcf.gz"))
_tmp = tempfile.TemporaryDirectory(prefix="somatic_cnv_pooled_")
tmp = _tmp.name
normals = [normal]
for seed, fraction in ((11, 5), (12, 6), (13, 7), (14, 8), (15, 9)):
    out = os.path.join(tmp, "n%d.bam" % seed)
    subprocess.run(["samtools", "view", "-b", "-s", "%d.%d" % (seed, fraction), "-o", out, normal], check=True)
    subprocess.run(["samtools", "index", out], check=True)
    normals.append(out)

pool = os.path.join(tmp, "pool.tsv")
run(["reference", "-f", ref, "--no-version", "-o", pool] + normals)
with open(pool) as f:
    text = f.read()
rows = read_bed(text)
checks.check(text.count("##normal=") == 6 and "##normals=6" in text and "##contig=<ID=chr1,length=120000>" in text,
             "the header names the six normals and the assembly")
checks.check(len(rows) == 200, "one row per 1 kb bin of the 200 kb genome: %d" % len(rows))
usable = sum(r["usable"] == "1" for r in rows)
checks.check(usable >= 180, "most bins are usable: %d of 200" % usable)
# The homozygous deletion chr1:44,158-48,038 is in the tumour only: the
# normals cover it like any other bin.
inside = [r for r in rows if r["chrom"] == "chr1" and 45000 <= int(r["start"]) < 47000]
checks.check(all(r["usable"] == "1" and abs(float(r["log2"])) < 0.5 for r in inside),
             "the tumour's deletion is normal depth in the pool: %s" % [(r["start"], r["log2"]) for r in inside])


def cn_track(calls):
    """(chrom, start, end, total_cn) of the calls."""
    return [(r["chrom"], int(r["start"]), int(r["end"]), r["total_cn"]) for r in calls]


def truth_track():
    with open(os.path.join(P1, "truth.cn.bed")) as f:
        return [(r["chrom"], int(r["start"]), int(r["end"]), r["total_cn"]) for r in read_bed(f.read())]


def agreement(a, b):
    """The share of the bases covered by both tracks where their copy numbers agree."""
    same = both = 0
    for ca, sa, ea, va in a:
        for cb, sb, eb, vb in b:
            if ca != cb:
                continue
            overlap = min(ea, eb) - max(sa, sb)
            if overlap > 0:
                both += overlap
                same += overlap if va == vb else 0
    return same / both if both else 0


_, pooled_bed, _ = run(["--tumour", tumour, "--pooled-reference", pool, "-f", ref, "--no-version", "--max-ploidy", "3"])
_, matched_bed, _ = run(["--tumour", tumour, "--normal", normal, "--snp-sites", sites, "-f", ref, "--no-version"])
pooled, matched, truth = cn_track(read_bed(pooled_bed)), cn_track(read_bed(matched_bed)), truth_track()
to_truth, to_matched, matched_to_truth = agreement(pooled, truth), agreement(pooled, matched), agreement(matched, truth)
print("total copy number agreement: pooled/truth %.3f, pooled/matched %.3f, matched/truth %.3f"
      % (to_truth, to_matched, matched_to_truth))
checks.check(to_truth >= 0.90, "the pooled run agrees with the truth on >= 90%% of the genome: %.3f" % to_truth)
checks.check(to_matched >= 0.90, "the pooled run agrees with the matched run on >= 90%% of the genome: %.3f" % to_matched)
amp = [c for c in pooled if c[0] == "chr1" and c[1] < 12000 < c[2]]
checks.check(len(amp) == 1 and amp[0][3] == "7", "the focal amplification (truth CN 7) is called 7: %s" % amp)

_, both_bed, both_err = run(["--tumour", tumour, "--normal", normal, "--pooled-reference", pool, "--snp-sites", sites,
                             "-f", ref, "--no-version"])
both_calls = read_bed(both_bed)
with_baf = sum(r["baf"] != "NA" for r in both_calls)
checks.check(with_baf >= len(both_calls) - 1, "with a normal and the pool the calls have the normal's BAF: %d of %d"
             % (with_baf, len(both_calls)))
checks.check("expected depth from 6 pooled normals" in both_err, "the depth comes from the pool")
checks.check(agreement(cn_track(both_calls), truth) >= 0.90,
             "normal + pool agree with the truth on >= 90%%: %.3f" % agreement(cn_track(both_calls), truth))

# A pool of 2 kb bins against a run of 1 kb bins.
coarse = os.path.join(tmp, "coarse.tsv")
run(["reference", "-f", ref, "--bin-size", "2000", "-o", coarse] + normals[:2])
code, _, err = run(["--tumour", tumour, "--pooled-reference", coarse, "-f", ref], check=False)
lines = err.strip().splitlines()
checks.check(code == 1 and len(lines) >= 1 and "coarse.tsv: was built on other bins: bin 1 is chr1:0-2000 (wgs) there but "
             "chr1:0-1000 (wgs) in this run's bins" in lines[-1],
             "a pool of other bins: exit 1 and the first differing bin: %d %s" % (code, lines[-1:] if lines else ""))
# The same pool claiming another assembly (chr1's length changed).
other = os.path.join(tmp, "other_assembly.tsv")
with open(other, "w") as f:
    f.write(text.replace("##contig=<ID=chr1,length=120000>", "##contig=<ID=chr1,length=248956422>"))
code, _, err = run(["--tumour", tumour, "--pooled-reference", other, "-f", ref], check=False)
last = err.strip().splitlines()[-1] if err.strip() else ""
checks.check(code == 1 and "other_assembly.tsv" in last and "chr1" in last and "248956422" in last,
             "a pool from another assembly: exit 1 naming the file and contig: %d %s" % (code, last))
# ratio with a pool: a bins table of the same layout is accepted, one of another is not.
tbins = os.path.join(tmp, "t.bins.tsv")
run(["bins", "-f", ref, "-o", tbins, tumour])
_, ratios, _ = run(["ratio", "--pooled-reference", pool, tbins])
checks.check("##pooled_reference_normals=6" in ratios, "ratio --pooled-reference marks its table")
code, _, err = run(["ratio", "--pooled-reference", coarse, tbins], check=False)
checks.check(code == 1 and "bin 1 is chr1:0-2000" in err, "ratio: a pool of other bins is an error: %s" % err.strip())
code, _, err = run(["--tumour", tumour, "-f", ref], check=False)
checks.check(code == 2 and "--pooled-reference" in err, "no normal and no pool: a usage error: %s" % err.strip())
checks.finish()
