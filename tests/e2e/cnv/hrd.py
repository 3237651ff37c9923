"""somatic-cnv's HRD columns, end to end.

1. `fit` on a synthetic segments table of five 150 Mb autosomes (and a
   balanced chrX) whose log2 ratios and BAFs are exact for purity 0.8, with
   centromeres at 50-60 Mb given by --centromeres. The HRD measures are
   counted by hand from the layout below (hrd_score.hpp's rules):
     chr1: 2+0 0-20, 1+1 to 150   LOH 1 (20 Mb), TAI 1 (p end), LST 1 (20|30 in p)
     chr2: 1+1 0-30, 2+1 to 100, 1+1 to 150
                                   LOH 0, TAI 0, LST 2 (p: 30|20, q: 40|50)
     chr3: 1+1 0-100, 1+0 to 150  LOH 1 (50 Mb), TAI 1 (q end), LST 1 (q: 40|50)
     chr4: 1+0 whole              LOH 0 (whole chromosome), TAI 0, LST 0
     chr5: 1+1 whole              nothing
   LOH 2, TAI 2, LST 4, sum 8; altered 20+70+50+150 of 750 Mb = 0.387.
   Without centromeres (the contigs are no GRCh37/GRCh38 chromosomes) TAI,
   LST and the sum are NA and the log names the contigs; with -f naming a
   chr1 of GRCh38's length, chr1 takes the built-in centromere.
2. `run` on testdata/pair1: its fraction of the genome altered against the
   one truth.cn.bed gives (total != 2 or major != minor), and no LOH region
   of 15 Mb in a 200 kb genome."""
import math
import os
import sys
import tempfile

from cnv_test_util import SKIP, TESTDATA, Checks, read_bed, run

Mb = 1_000_000
PURITY = 0.8
LAYOUT = {  # contig: [(end in Mb, major, minor)]
    "chr1": [(20, 2, 0), (150, 1, 1)],
    "chr2": [(30, 1, 1), (100, 2, 1), (150, 1, 1)],
    "chr3": [(100, 1, 1), (150, 1, 0)],
    "chr4": [(150, 1, 0)],
    "chr5": [(150, 1, 1)],
    "chrX": [(150, 1, 1)],
}


def segments_table():
    """The layout as `somatic-cnv segment` would write it, values exact."""
    pieces = []
    for contig, rows in LAYOUT.items():
        beg = 0
        for end, major, minor in rows:
            pieces.append((contig, beg * Mb, end * Mb, major, minor))
            beg = end
    length = sum(e - b for _, b, e, _, _ in pieces)
    ploidy = sum((e - b) * (ma + mi) for _, b, e, ma, mi in pieces) / length
    norm = PURITY * ploidy + 2 * (1 - PURITY)
    lines = ["##somatic-cnv segments", "##log2_sd=0.1", "##baf_sd=0.05", "##penalty=10", "##sex=female",
             "#chrom\tstart\tend\tn_bins\tlog2\tn_het\tmirrored_baf\thet_depth"]
    for contig, b, e, major, minor in pieces:
        total = major + minor
        depth = PURITY * total + 2 * (1 - PURITY)
        baf = (PURITY * minor + (1 - PURITY)) / depth
        lines.append("%s\t%d\t%d\t%d\t%.4f\t%d\t%.4f\t60.0" % (
            contig, b, e, (e - b) // 100_000, math.log2(depth / norm), (e - b) // 50_000, abs(baf - 0.5)))
    return "\n".join(lines) + "\n"


def summary_row(path):
    with open(path) as f:
        header, row = f.read().splitlines()[:2]
    return dict(zip(header.split("\t"), row.split("\t")))


checks = Checks()
_tmp = tempfile.TemporaryDirectory(prefix="somatic_cnv_hrd_")  # removed at exit
tmp = _tmp.name
seg_path, cen_path, summary = (os.path.join(tmp, n) for n in ("segments.tsv", "centromeres.bed", "summary.tsv"))
with open(seg_path, "w") as f:
    f.write(segments_table())
with open(cen_path, "w") as f:
    f.write("".join("chr%d\t%d\t%d\n" % (i, 50 * Mb, 60 * Mb) for i in range(1, 6)))

_, bed, err = run(["fit", seg_path, "--centromeres", cen_path, "--summary", summary, "--no-version"])
calls = read_bed(bed)
truth = [(c, major, minor) for c, rows in LAYOUT.items() for _, major, minor in rows]
got = [(r["chrom"], int(r["major_cn"]), int(r["minor_cn"])) for r in calls]
checks.check(got == truth, "fit calls the layout's states (got %s)" % got)
s = summary_row(summary)
checks.check(s["purity"] == "0.80" and s["genome_doubled"] == "0", "purity 0.80, not doubled (got %s, %s)"
             % (s["purity"], s["genome_doubled"]))
for column, want in (("hrd_loh", "2"), ("hrd_tai", "2"), ("hrd_lst", "4"), ("hrd_sum", "8")):
    checks.check(s.get(column) == want, "%s is %s by hand (got %s)" % (column, want, s.get(column)))
checks.check(s.get("fraction_genome_altered") == "%.3f" % (290 / 750),
             "fraction_genome_altered is 290/750 (got %s)" % s.get("fraction_genome_altered"))
checks.check("HRD: LOH 2, TAI 2, LST 4, sum 8" in err, "the log gives the HRD measures")

# No centromere known: TAI and LST (and the sum) are not measured, and the log says why.
_, _, err = run(["fit", seg_path, "--summary", summary, "--no-version"])
s = summary_row(summary)
checks.check((s["hrd_loh"], s["hrd_tai"], s["hrd_lst"], s["hrd_sum"]) == ("2", "NA", "NA", "NA"),
             "without centromeres: LOH 2, TAI/LST/sum NA (got %s)"
             % [s[k] for k in ("hrd_loh", "hrd_tai", "hrd_lst", "hrd_sum")])
checks.check("no centromere known for chr1, chr2, chr3, chr4, chr5" in err,
             "the log names the contigs without a centromere")

# The built-in centromeres, taken by name and length from -f's index: a
# chr1 of GRCh38's length (248,956,422 bp) has its centromere at
# 121.7-125.1 Mb, which puts all of chr1's 2+0-to-1+1 layout in the p arm:
# TAI 1 (0-20 Mb), LST 1 (20 | 101.7 Mb); chr2-chr5 of no build's length
# have none. A chr1 of another length has none either. The index also holds
# the unplaced, alt and HLA contigs of a GRCh38 analysis set, which have no
# segments and must not disturb the lookup.
for length, want in ((248956422, ("2", "1", "1", "4")), (150000000, ("2", "NA", "NA", "NA"))):
    fasta = os.path.join(tmp, "ref%d.fa" % length)
    open(fasta, "w").close()
    with open(fasta + ".fai", "w") as f:
        f.write("chr1\t%d\t6\t60\t61\n" % length)
        f.write("".join("chr%d\t%d\t6\t60\t61\n" % (i, 150 * Mb) for i in range(2, 6)))
        f.write("chr1_KI270706v1_random\t175055\t6\t60\t61\nchr22_KI270879v1_alt\t304300\t6\t60\t61\n"
                "chrEBV\t171823\t6\t60\t61\nHLA-A*01:01:01:01\t3503\t6\t60\t61\n")
    _, _, err = run(["fit", seg_path, "-f", fasta, "--summary", summary, "--no-version"])
    s = summary_row(summary)
    got = tuple(s[k] for k in ("hrd_loh", "hrd_tai", "hrd_lst", "hrd_sum"))
    checks.check(got == want, "-f with chr1 of %d bp: LOH/TAI/LST/sum %s (got %s)" % (length, want, got))
    if want[1] != "NA":
        checks.check("warning: HRD: no centromere known for chr2, chr3, chr4, chr5" in err,
                     "the partial TAI and LST are a warning naming the contigs left out")

# A centromere BED that cannot be read is an error naming it.
code, _, err = run(["fit", seg_path, "--centromeres", os.path.join(tmp, "absent.bed"), "--summary", summary],
                   check=False)
checks.check(code == 1 and "absent.bed" in err, "a missing --centromeres file is an error naming it")

P1 = os.path.join(TESTDATA, "pair1")
if os.path.exists(os.path.join(P1, "tumour.bam")):
    altered = called = 0
    with open(os.path.join(P1, "truth.cn.bed")) as f:
        for line in f:
            if line.startswith("#"):
                continue
            c, b, e, total, major, minor = line.split("\t")[:6]
            called += int(e) - int(b)
            altered += int(e) - int(b) if total != "2" or major != minor else 0
    run(["--tumour", os.path.join(P1, "tumour.bam"), "--normal", os.path.join(P1, "normal.bam"),
         "--snp-sites", os.path.join(P1, "germline.vcf.gz"), "-f", os.path.join(P1, "ref.fa"),
         "--bin-size", "500", "--summary", summary, "--no-version"])
    s = summary_row(summary)
    want = altered / called
    checks.check(abs(float(s["fraction_genome_altered"]) - want) < 0.03,
                 "pair1: fraction_genome_altered %s within 0.03 of the truth's %.3f"
                 % (s["fraction_genome_altered"], want))
    checks.check(s["hrd_loh"] == "0", "pair1: no LOH region over 15 Mb in a 200 kb genome (got %s)" % s["hrd_loh"])
else:
    print("testdata/pair1 is absent: its part skipped")
checks.finish()
