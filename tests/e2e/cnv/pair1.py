"""somatic-cnv on the simulated pair testdata/pair1 (purity 0.7): the total
copy number of the segments against truth.cn.bed, the purity against
truth.purity_ploidy.tsv; the same bytes at 1 and 4 threads; and the
stage-by-stage pipeline (bins, ratio, baf, segment, fit) gives the same
calls as the one-shot run."""
import gzip
import os
import sys
import tempfile

from cnv_test_util import SKIP, TESTDATA, Checks, header_values, read_bed, run

P1 = os.path.join(TESTDATA, "pair1")
if not os.path.exists(os.path.join(P1, "tumour.bam")):
    print("testdata/pair1 is absent: skipped")
    sys.exit(SKIP)

checks = Checks()
ref, tumour, normal, sites = (os.path.join(P1, f) for f in ("ref.fa", "tumour.bam", "normal.bam", "germline.vcf.gz"))
common = ["-f", ref, "--bin-size", "500", "--no-version"]
_tmp = tempfile.TemporaryDirectory(prefix="somatic_cnv_e2e_")  # removed at exit
tmp = _tmp.name
summary = os.path.join(tmp, "summary.tsv")
_, bed1, _ = run(["--tumour", tumour, "--normal", normal, "--snp-sites", sites, "--threads", "1",
                  "--summary", summary, "--seg", os.path.join(tmp, "out.seg"), "--plot", os.path.join(tmp, "g.svg"),
                  "--tables", os.path.join(tmp, "t")] + common)
# -T/-N are --tumour/--normal.
_, bed4, _ = run(["-T", tumour, "-N", normal, "--snp-sites", sites, "--threads", "4"] + common)
checks.check(bed1 == bed4, "the calls are the same bytes at 1 and 4 threads (-T/-N for --tumour/--normal)")

# Truth: total CN per base.
truth = []
with open(os.path.join(P1, "truth.cn.bed")) as f:
    for line in f:
        if line.startswith("#"):
            continue
        c, s, e, total = line.split("\t")[:4]
        truth.append((c, int(s), int(e), int(total)))
calls = read_bed(bed1)
agree = covered = 0
for r in calls:
    c, s, e, cn = r["chrom"], int(r["start"]), int(r["end"]), r["total_cn"]
    for tc, ts, te, tcn in truth:
        if tc != c:
            continue
        overlap = min(e, te) - max(s, ts)
        if overlap > 0:
            covered += overlap
            agree += overlap if cn != "NA" and int(cn) == tcn else 0
frac = agree / covered if covered else 0
# Breakpoint precision: every boundary between two calls of a contig is
# within 2 bins (1 kb) of a true change of (total, major, minor).
states = {}
with open(os.path.join(P1, "truth.cn.bed")) as f:
    for line in f:
        if not line.startswith("#"):
            c, s, e, total, major, minor = line.split("\t")[:6]
            states.setdefault(c, []).append((int(s), (total, major, minor)))
true_bps = [(c, p) for c, rows in states.items() for (p, a), (_, b) in zip(rows[1:], rows) if a != b]
called_bps = [(a["chrom"], int(b["start"])) for a, b in zip(calls, calls[1:]) if a["chrom"] == b["chrom"]]
false_bps = [(c, p) for c, p in called_bps if not any(tc == c and abs(tp - p) <= 1000 for tc, tp in true_bps)]
checks.check(not false_bps, "each of the %d called breakpoints is within 2 bins of a true one (false: %s)"
             % (len(called_bps), false_bps))
found = [b for b in true_bps if any(c == b[0] and abs(p - b[1]) <= 1000 for c, p in called_bps)]
checks.check(len(found) >= 13, "%d of the %d true breakpoints are found (want >= 13)" % (len(found), len(true_bps)))
checks.check(frac >= 0.85, "total copy number right on %.1f%% of the called genome (want >= 85%%)" % (100 * frac))
checks.check(covered >= 0.9 * 200000, "%d of 200000 bp are called" % covered)

with open(os.path.join(P1, "truth.purity_ploidy.tsv")) as f:
    names, values = (l.rstrip("\n").split("\t") for l in f.readlines()[:2])
true_purity, true_ploidy = float(values[names.index("purity")]), float(values[names.index("ploidy")])
h = header_values(bed1)
purity, ploidy = float(h["purity"]), float(h["ploidy"])
checks.check(abs(purity - true_purity) <= 0.1, "purity %.2f vs truth %.2f (within 0.1)" % (purity, true_purity))
checks.check(abs(ploidy - true_ploidy) <= 0.3, "ploidy %.2f vs truth %.2f (within 0.3)" % (ploidy, true_ploidy))

# The copy-neutral LOH (chr1 69651-85335) has minor copy number 0; the focal amplification CN 7 is found.
loh = [r for r in calls if r["chrom"] == "chr1" and int(r["start"]) < 85335 and int(r["end"]) > 69651
       and min(int(r["end"]), 85335) - max(int(r["start"]), 69651) > 5000]
checks.check(bool(loh) and all(r["minor_cn"] == "0" and r["total_cn"] == "2" and r["loh"] == "1" for r in loh),
             "the copy-neutral LOH is called (2, 0) with loh=1")
# The focal amplification (truth CN 7) is a high-level gain; its exact
# integer moves with the fitted purity (at 0.66 its cn_float is ~7.4).
amp = [r for r in calls if r["chrom"] == "chr1" and int(r["start"]) < 15412 and int(r["end"]) > 9592]
checks.check(any(r["total_cn"] in ("7", "8") and abs(float(r["cn_float"]) - 7) < 1 for r in amp),
             "the focal amplification is called CN 7 or 8: %s" % [(r["total_cn"], r["cn_float"]) for r in amp])

# Side outputs exist and look right.
with open(summary) as f:
    lines = f.read().splitlines()
checks.check(len(lines) == 2 and lines[0].startswith("purity\tploidy"), "the summary is one header and one line")
row = dict(zip(lines[0].split("\t"), lines[1].split("\t"))) if len(lines) == 2 else {}
# The evidence: score = misfit + prior, and the events per bin recomputed
# from the calls themselves (every segment here is on an autosome and the
# solution undoubled: |major - 1| + |minor - 1| per bin, one more for a
# subclonal mixture; |total - 2| where no het site gives the alleles).
checks.check(all(k in row for k in ("misfit", "events", "prior", "odd_cn_fraction", "odd_allele_fraction")),
             "the summary gives the chosen solution's evidence")
if all(k in row for k in ("score", "misfit", "prior", "events", "genome_doubled")):
    checks.check(abs(float(row["score"]) - float(row["misfit"]) - float(row["prior"])) <= 2e-4,
                 "score %s = misfit %s + prior %s" % (row["score"], row["misfit"], row["prior"]))
    bins = sum(int(r["n_bins"]) for r in calls)

    def state_events(r):
        if r["major_cn"] == "NA":  # no het site: |total - 2|
            return abs(int(r["total_cn"]) - 2)
        return abs(int(r["major_cn"]) - 1) + abs(int(r["minor_cn"]) - 1) + (r["cell_fraction"] != "NA")
    events = sum(int(r["n_bins"]) * state_events(r) for r in calls) / bins
    checks.check(row["genome_doubled"] == "0" and abs(events - float(row["events"])) <= 1e-3,
                 "events per bin %.3f from the calls, %s in the summary" % (events, row["events"]))
# Subclonal columns: NA for a clonal segment; a mixture's fraction in (0, 0.5].
checks.check(all("subclonal_cn" in r and "cell_fraction" in r for r in calls), "the calls have the subclonal columns")
checks.check(all((r["cell_fraction"] == "NA") == (r["subclonal_cn"] == "NA") and
                 (r["cell_fraction"] == "NA" or 0 < float(r["cell_fraction"]) <= 0.5) for r in calls),
             "cell fractions are NA for clonal segments and in (0, 0.5] for mixtures")
with open(os.path.join(tmp, "out.seg")) as f:
    checks.check(f.readline().startswith("ID\tchrom\tloc.start"), "the .seg file has IGV's header")
with open(os.path.join(tmp, "g.svg")) as f:
    svg = f.read()
checks.check(svg.startswith("<?xml") and svg.rstrip().endswith("</svg>") and svg.count("<line") > 20, "the SVG is complete")

# Stage by stage, through files, gives the same calls.
t = os.path.join(tmp, "s")
run(["bins", "-f", ref, "--bin-size", "500", tumour, "-o", t + ".tumour.bins.tsv"])
run(["bins", "-f", ref, "--bin-size", "500", normal, "-o", t + ".normal.bins.tsv"])
run(["ratio", t + ".tumour.bins.tsv", t + ".normal.bins.tsv", "-o", t + ".ratios.tsv"])
run(["baf", "--snp-sites", sites, "--tumour", tumour, "--normal", normal, "-f", ref, "-o", t + ".baf.tsv"])
run(["segment", t + ".ratios.tsv", "--baf", t + ".baf.tsv", "-o", t + ".segments.tsv"])
_, staged, _ = run(["fit", t + ".segments.tsv", "--no-version"])
checks.check(staged == bed1, "bins | ratio | baf | segment | fit gives the same calls as the one-shot run")
# Somatic SNVs as a witness: a VCF with the truth's SNVs at their expected
# VAF over 100 reads. The SNVs are counted in every solution, and being
# the pair's own clonal and subclonal clusters they keep the right fit.
snv_vcf = os.path.join(tmp, "snvs.vcf")
n_snvs = 0
with gzip.open(os.path.join(P1, "truth.snv.vcf.gz"), "rt") as f, open(snv_vcf, "w") as out:
    for line in f:
        if line.startswith("##"):
            out.write(line)
        elif line.startswith("#"):
            out.write('##FORMAT=<ID=AD,Number=R,Type=Integer,Description="allele depths">\n')
            out.write(line.rstrip("\n") + "\tFORMAT\tTUMOUR\n")
        else:
            c = line.rstrip("\n").split("\t")
            vaf = float(dict(kv.split("=", 1) for kv in c[7].split(";") if "=" in kv)["EXPECTED_VAF"])
            alt = int(round(100 * vaf))
            out.write("\t".join(c[:8]) + "\tAD\t%d,%d\n" % (100 - alt, alt))
            n_snvs += 1
_, with_snvs, _ = run(["fit", t + ".segments.tsv", "--no-version", "--somatic-vcf", snv_vcf])
counts = \
    [int(part.split("=")[1]) for l in with_snvs.splitlines() if l.startswith("##solution=")
     for part in l.split(",") if part.startswith("snvs=")]
checks.check(len(counts) >= 2 and len(set(counts)) == 1 and 0 < counts[0] <= n_snvs,
             "every solution scores the same SNVs, some of the %d: %s" % (n_snvs, counts))
h2 = header_values(with_snvs)
checks.check(abs(float(h2["purity"]) - true_purity) <= 0.1, "with SNVs the purity is still right: %s" % h2["purity"])
for stage in ("tumour.bins", "normal.bins", "ratios", "baf", "segments"):
    with open(os.path.join(tmp, "t.%s.tsv" % stage)) as a, open("%s.%s.tsv" % (t, stage)) as b:
        checks.check(a.read() == b.read(), "--tables %s equals the stage's own output" % stage)
# A malformed --centromeres BED fails at once with one line naming it,
# before the bins are counted (no stage's progress on stderr), and writes
# no calls.
bad_cen, out = os.path.join(tmp, "bad_cen.bed"), os.path.join(tmp, "bad_cen_calls.bed")
with open(bad_cen, "w") as f:
    f.write("chr1\tx\t5\n")
code, _, err = run(["-T", tumour, "-N", normal, "--centromeres", bad_cen, "-o", out] + common, check=False)
checks.check(code == 1 and err.count("\n") == 1 and "bad_cen.bed" in err and not os.path.exists(out),
             "a malformed --centromeres fails before any counting (got %d: %s)" % (code, err))
checks.finish()
