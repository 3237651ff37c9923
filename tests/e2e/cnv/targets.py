"""somatic-cnv on a panel: targets cut from testdata/pair1 (400 bp every
1,000 bp over chr1:0-60,000 and chr2:0-40,000; the rest of each contig is
off-target), --targets with off-target bins. The ratio table holds both bin
kinds, and the known events that the targets cover are found from the target
bins: the focal amplification chr1:9,592-15,412 (truth CN 7) and the loss
chr2:16,041-25,587 (truth CN 1, LOH). Nine segments cannot tell the
diploid solution from its genome-doubled twin, so the ploidy is bounded
with --max-ploidy 3, as one would for a panel of a near-diploid tumour."""
import os
import sys
import tempfile

from cnv_test_util import SKIP, TESTDATA, Checks, read_bed, run

P1 = os.path.join(TESTDATA, "pair1")
if not os.path.exists(os.path.join(P1, "tumour.bam")):
    print("testdata/pair1 is absent: skipped")
    sys.exit(SKIP)

checks = Checks()
ref, tumour, normal, sites = (os.path.join(P1, f) for f in ("ref.fa", "tumour.bam", "normal.bam", "germline.vcf.gz"))
_tmp = tempfile.TemporaryDirectory(prefix="somatic_cnv_targets_")
tmp = _tmp.name
targets = os.path.join(tmp, "targets.bed")
with open(targets, "w") as f:
    for chrom, end in (("chr1", 60000), ("chr2", 40000)):
        for start in range(300, end, 1000):
            f.write("%s\t%d\t%d\n" % (chrom, start, start + 400))

_, bed, _ = run(["--tumour", tumour, "--normal", normal, "--snp-sites", sites, "-f", ref, "--targets", targets,
                 "--off-target-bin-size", "10000", "--max-ploidy", "3", "--tables", os.path.join(tmp, "t"), "--no-version"])

kinds = {}
with open(os.path.join(tmp, "t.ratios.tsv")) as f:
    for line in f:
        if not line.startswith("#"):
            kinds[line.split("\t")[3]] = kinds.get(line.split("\t")[3], 0) + 1
checks.check(kinds.get("target", 0) >= 90 and kinds.get("off_target", 0) >= 4 and "wgs" not in kinds,
             "the ratio table has target and off-target bins, no whole-genome bins: %s" % kinds)


def overlapping(calls, chrom, beg, end):
    return [r for r in calls if r["chrom"] == chrom and min(int(r["end"]), end) - max(int(r["start"]), beg) > 0.5 * (end - beg)]


calls = read_bed(bed)
amp = overlapping(calls, "chr1", 9592, 15412)
checks.check(len(amp) == 1 and amp[0]["total_cn"] not in ("NA",) and int(amp[0]["total_cn"]) >= 5,
             "the amplification is one segment of high copy number: %s" % [(r["start"], r["end"], r["total_cn"]) for r in amp])
loss = overlapping(calls, "chr2", 16041, 25587)
checks.check(len(loss) == 1 and loss[0]["total_cn"] == "1" and loss[0]["loh"] == "1",
             "the loss on chr2 is called CN 1: %s" % [(r["start"], r["end"], r["total_cn"]) for r in loss])
for r in amp + loss:
    checks.check(abs(int(r["start"]) - {"chr1": 9592, "chr2": 16041}[r["chrom"]]) <= 1000,
                 "%s event starts within one target spacing of the truth: %s" % (r["chrom"], r["start"]))
checks.finish()
