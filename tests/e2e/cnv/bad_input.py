"""somatic-cnv on bad input: one fixture per case (testdata/cnv/bad/), each
with the exit code and the line on standard error it must produce."""
import os

from cnv_test_util import TESTDATA, Checks, run

BAD = os.path.join(TESTDATA, "cnv", "bad")
P1 = os.path.join(TESTDATA, "pair1")
P2 = os.path.join(TESTDATA, "pair2")


def bad(name):
    return os.path.join(BAD, name)


# (name, arguments, exit code, text expected in stderr)
CASES = [
    ("bins tables of different layouts",
     ["ratio", bad("tumour.bins.tsv"), bad("different_layout.bins.tsv")], 1, "binned differently"),
    ("bins tables made on different references",
     ["ratio", bad("tumour.bins.tsv"), bad("different_reference.bins.tsv")], 1, "different references"),
    ("empty bins table", ["ratio", bad("empty.bins.tsv"), bad("tumour.bins.tsv")], 1, "empty.bins.tsv: the file is empty"),
    ("unsorted bins table", ["ratio", bad("unsorted.bins.tsv"), bad("tumour.bins.tsv")], 1, "rows are not sorted"),
    ("NaN read count", ["ratio", bad("nan.bins.tsv"), bad("tumour.bins.tsv")], 1, "column 'reads' holds NaN at line 3"),
    ("infinite log2", ["segment", bad("inf.log2.tsv")], 1, "infinite value at line 3"),
    ("unsorted log2 table", ["segment", bad("unsorted.log2.tsv")], 1, "rows are not sorted"),
    ("empty log2 table", ["segment", bad("empty.log2.tsv")], 1, "no data rows"),
    ("missing input file", ["segment", bad("does_not_exist.tsv")], 1, "does_not_exist.tsv: no such file"),
    ("sites VCF on another assembly",
     ["baf", "--snp-sites", bad("wrong_assembly.sites.vcf"), "--tumour", os.path.join(P1, "tumour.bam"),
      "--normal", os.path.join(P1, "normal.bam"), "-f", os.path.join(P1, "ref.fa")],
     1, "contig 'chr1' is 248956422 bp"),
    ("sites VCF whose REF alleles are not the reference's",
     ["baf", "--snp-sites", bad("ref_mismatch.sites.vcf"), "--tumour", os.path.join(P1, "tumour.bam"),
      "--normal", os.path.join(P1, "normal.bam"), "-f", os.path.join(P1, "ref.fa")],
     1, "sites differs from the reference"),
    ("tumour and normal aligned to different references",
     ["--tumour", os.path.join(P1, "tumour.bam"), "--normal", os.path.join(P2, "normal.bam"),
      "-f", os.path.join(P1, "ref.fa")],
     1, "normal.bam: contig 'chr1' is 60000 bp here but 120000 bp in the reference"),
    ("unknown subcommand", ["segmnet", "x"], 2, "unknown command 'segmnet'"),
    ("both het sources", ["--tumour", "t.bam", "--normal", "n.bam", "-f", os.path.join(P1, "ref.fa"),
                          "--germline-hets", "a.vcf", "--snp-sites", "b.vcf"], 2, "not both"),
    ("purity out of range", ["fit", bad("no_hets.segments.tsv"), "--purity", "1.5"], 2, "--purity must be in (0, 1]"),
    ("a bins table where a segments table is expected", ["fit", bad("tumour.bins.tsv")], 1, "not a segments table"),
]

checks = Checks()
for name, args, code, message in CASES:
    rc, out, err = run(args, check=False)
    checks.check(rc == code and message in err and "Traceback" not in err,
                 "%s: exit %d (want %d), stderr %r" % (name, rc, code, err.strip()[:200]))

# Degraded mode, not an error: no het sites at all fits on depth alone and says so.
rc, out, err = run(["fit", bad("no_hets.segments.tsv")], check=False)
checks.check(rc == 0 and "no heterozygous SNP sites" in err and "##depth_only=1" in out,
             "no het sites: exit %d, depth-only fit announced (%r)" % (rc, err.strip()[:120]))
rows = [l.split("\t") for l in out.splitlines() if not l.startswith("#")]
checks.check(all(r[6] == "NA" and r[7] == "NA" for r in rows),
             "no het sites: major and minor copy numbers are NA")
checks.finish()
