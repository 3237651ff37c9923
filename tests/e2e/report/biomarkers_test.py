"""somatic-report joined to the real biomarker tools: the MSI and HRD it
shows are what somatic-msi and somatic-cnv wrote (read back here from their
summaries by column name), and where the truth is known they are right.

1. testdata/pair1 through every tool (common.pipeline): somatic-msi's
   summary (MSS: the simulator planted no slippage) and somatic-cnv's HRD
   columns, where TAI, LST and the sum are NA because the made-up contigs
   have no centromere. The page must say why ("not measured: no centromere
   known ..."), never a bare NA, a blank or 0; the JSON gives null and the
   reason.
2. A simulated MSI-high tumour (../msi/msi_reads.py: slippage at half of
   its microsatellites, purity 0.7) against its normal, through somatic-msi
   scan and call: the report says MSI-H, with the summary's figures.
3. somatic-cnv fit on the hand-worked layout of ../cnv/hrd.py (five 150 Mb
   autosomes, centromeres given): LOH 2, TAI 2, LST 4, sum 8 and 0.387 of
   the genome altered, counted by hand there; the report shows them.
4. The cohort of the three reports: its MSI and HRD columns are the
   summaries' values.
Every JSON validates against the schema. About 3 s (the MSI reads: 40
sites, 20 under SOMATIC_TEST_SMALL)."""
import json
import math
import os
import re
import sys

from common import binary, check, finish, header_row, pipeline, report, run, scratch, validate

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "msi"))
import numpy as np  # noqa: E402
from msi_reads import plant_reference, slipped_sites, write_msi_bam  # noqa: E402

out = scratch()
HRD = {"loh": "hrd_loh", "tai": "hrd_tai", "lst": "hrd_lst", "sum": "hrd_sum"}
HRD_NAMES = {"loh": "HRD-LOH", "tai": "Telomeric allelic imbalance (TAI)", "lst": "Large-scale state transitions (LST)",
             "sum": "HRD sum"}


def render(name, inputs):
    page, facts = os.path.join(out, f"{name}.html"), os.path.join(out, f"{name}.json")
    r = report(inputs, page, facts)
    check(r.returncode == 0, f"{name}: somatic-report exits 0 ({r.stderr.strip()[-300:]})")
    j = json.load(open(facts))
    validate(j, name)
    return open(page).read(), j, facts, r.stderr


def dd(page, term):
    """The value the page shows for a term of a facts list."""
    m = re.search(rf"<dt>{re.escape(term)}</dt><dd>([^<]*)</dd>", page)
    return m.group(1) if m else None


def same_msi(name, page, j, summary_path, stderr):
    s = header_row(summary_path)
    m = j["biomarkers"]["msi"]
    check(m is not None and m["status"] == s["msi_status"] and m["sites_tested"] == int(s["sites_tested"])
          and m["sites_unstable"] == int(s["sites_unstable"])
          and abs(m["percent_unstable"] - float(s["percent_unstable"])) < 1e-9
          and abs(m["threshold"] - float(s["threshold"])) < 1e-9, f"{name}: the report's MSI {m} is the summary's {s}")
    check(dd(page, "Status") == s["msi_status"] and dd(page, "Unstable sites") ==
          f"{s['sites_unstable']} of {s['sites_tested']} ({float(s['percent_unstable']):.2f}%; "
          f"MSI-H at {float(s['threshold']):.2f}%)", f"{name}: the page's MSI ({dd(page, 'Unstable sites')})")
    check(f"somatic-report: MSI {s['msi_status']} ({s['sites_unstable']} of {s['sites_tested']}" in stderr,
          f"{name}: the MSI line on standard error")
    return s


def same_hrd(name, page, j, summary_path):
    s = header_row(summary_path)
    h = j["biomarkers"]["hrd"]
    for key, column in HRD.items():
        shown = dd(page, HRD_NAMES[key])
        if s[column] == "NA":
            check(h[key] is None and h["not_measured"].get(key), f"{name}: {key} NA: null in the JSON, with why "
                                                                 f"({h['not_measured'].get(key)})")
            check(shown is not None and shown.startswith("not measured: "), f"{name}: {key} NA in the page: {shown!r}")
        else:
            check(h[key] == int(s[column]) and key not in h["not_measured"], f"{name}: {key} {h[key]} = {s[column]}")
            check(shown == s[column], f"{name}: {key} in the page {shown!r} = {s[column]}")
    fga = s["fraction_genome_altered"]
    check(h["fraction_genome_altered"] == float(fga) and dd(page, "Fraction of the genome altered") == fga,
          f"{name}: fraction of the genome altered {h['fraction_genome_altered']} = {fga}")
    check(h["genome_doubled"] == (s["genome_doubled"] == "1"), f"{name}: genome doubled {h['genome_doubled']}")
    return s


# 1. The bundled pair, every tool real.
inputs = pipeline(out)
page, j, pair_json, stderr = render("pair1", inputs)
msi_pair = same_msi("pair1", page, j, inputs["--msi"], stderr)
check(msi_pair["msi_status"] == "MSS" and int(msi_pair["sites_tested"]) >= 5,
      f"pair1: MSS over {msi_pair['sites_tested']} tested sites (no slippage simulated)")
hrd_pair = same_hrd("pair1", page, j, inputs["--cnv-summary"])
check([hrd_pair[HRD[k]] for k in ("tai", "lst", "sum")] == ["NA"] * 3 and hrd_pair["hrd_loh"] == "0",
      "pair1: somatic-cnv measured LOH (0: nothing of 15 Mb in 200 kb) but not TAI, LST, sum (no centromeres)")
reason = j["biomarkers"]["hrd"]["not_measured"].get("tai", "")
check("no centromere" in reason and f"not measured: {reason}" == dd(page, HRD_NAMES["tai"]),
      f"pair1: TAI not measured for want of centromeres, in the page and the JSON ({reason!r})")
hrd_block = page.split("<h3>Homologous-recombination deficiency</h3>")[1].split("</dl>")[0]
shown = dict(re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", hrd_block))
check(len(shown) == 6 and not [v for k, v in shown.items() if v in ("NA", "", "0") and k != "HRD-LOH"],
      f"pair1: no bare NA, blank or 0 in the HRD facts but LOH's measured 0 ({shown})")
check("somatic-report: HRD sum not measured: no centromere known" in stderr, "pair1: the HRD line on standard error")
check("Microsatellite instability was assessed by somatic-msi over " + msi_pair["sites_tested"] in j["methods"],
      "pair1: the methods name somatic-msi")

# 2. An MSI-high tumour: the simulator slipped half of the microsatellites.
n_sites = 20 if os.environ.get("SOMATIC_TEST_SMALL") == "1" else 40
rng = np.random.default_rng(7)
ref = os.path.join(out, "msi_ref.fa")
reference, planted = plant_reference(ref, rng, n_sites)
shifts = slipped_sites(rng, n_sites, 0.5)
write_msi_bam(os.path.join(out, "msi_normal.bam"), "normal", reference, planted, 40, seed=1)
write_msi_bam(os.path.join(out, "msi_tumour.bam"), "tumour", reference, planted, 60, seed=2, shifts=shifts, purity=0.7)
msi = binary("somatic-msi")
run([msi, "scan", "--reference", ref, "-o", os.path.join(out, "msi_sites.bed")])
run([msi, "call", "--tumour", os.path.join(out, "msi_tumour.bam"), "--normal", os.path.join(out, "msi_normal.bam"),
     "--reference", ref, "--sites", os.path.join(out, "msi_sites.bed"), "-o", os.path.join(out, "msi_calls.tsv"),
     "--summary", os.path.join(out, "msi_high.tsv")])
page, j, high_json, stderr = render("msi_high", {"--msi": os.path.join(out, "msi_high.tsv")})
msi_high = same_msi("msi_high", page, j, os.path.join(out, "msi_high.tsv"), stderr)
check(msi_high["msi_status"] == "MSI-H" and int(msi_high["sites_unstable"]) <= len(shifts),
      f"msi_high: MSI-H, {msi_high['sites_unstable']} unstable of {len(shifts)} slipped sites")
check(dd(page, "Status") == "MSI-H", "msi_high: the page says MSI-H")

# 3. HRD measured: somatic-cnv fit on ../cnv/hrd.py's hand-worked layout.
Mb = 1_000_000
PURITY = 0.8
LAYOUT = {  # contig: [(end in Mb, major, minor)]; counted in ../cnv/hrd.py
    "chr1": [(20, 2, 0), (150, 1, 1)],
    "chr2": [(30, 1, 1), (100, 2, 1), (150, 1, 1)],
    "chr3": [(100, 1, 1), (150, 1, 0)],
    "chr4": [(150, 1, 0)],
    "chr5": [(150, 1, 1)],
    "chrX": [(150, 1, 1)],
}
pieces = [(c, b, e, ma, mi) for c, rows in LAYOUT.items()
          for (b, (e, ma, mi)) in zip([0] + [r[0] for r in rows[:-1]], rows)]
ploidy = sum((e - b) * (ma + mi) for _, b, e, ma, mi in pieces) / sum(e - b for _, b, e, _, _ in pieces)
norm = PURITY * ploidy + 2 * (1 - PURITY)
lines = ["##somatic-cnv segments", "##log2_sd=0.1", "##baf_sd=0.05", "##penalty=10", "##sex=female",
         "#chrom\tstart\tend\tn_bins\tlog2\tn_het\tmirrored_baf\thet_depth"]
for c, b, e, ma, mi in pieces:
    depth = PURITY * (ma + mi) + 2 * (1 - PURITY)
    baf = (PURITY * mi + (1 - PURITY)) / depth
    lines.append("%s\t%d\t%d\t%d\t%.4f\t%d\t%.4f\t60.0" % (c, b * Mb, e * Mb, (e - b) * 10, math.log2(depth / norm),
                                                          (e - b) * 20, abs(baf - 0.5)))
with open(os.path.join(out, "layout.tsv"), "w") as f:
    f.write("\n".join(lines) + "\n")
with open(os.path.join(out, "centromeres.bed"), "w") as f:
    f.write("".join(f"chr{i}\t{50 * Mb}\t{60 * Mb}\n" for i in range(1, 6)))
with open(os.path.join(out, "layout.bed"), "w") as bed:
    bed.write(run([binary("somatic-cnv"), "fit", os.path.join(out, "layout.tsv"), "--centromeres",
                   os.path.join(out, "centromeres.bed"), "--summary", os.path.join(out, "layout_summary.tsv")]).stdout)
page, j, hrd_json, _ = render("hrd", {"--cnv": os.path.join(out, "layout.bed"),
                                      "--cnv-summary": os.path.join(out, "layout_summary.tsv")})
hrd_layout = same_hrd("hrd", page, j, os.path.join(out, "layout_summary.tsv"))
h = j["biomarkers"]["hrd"]
check((h["loh"], h["tai"], h["lst"], h["sum"]) == (2, 2, 4, 8) and h["fraction_genome_altered"] == 0.387
      and h["not_measured"] == {}, f"hrd: LOH 2, TAI 2, LST 4, sum 8, 0.387 altered, as counted by hand ({h})")

# 4. The cohort: MSI and HRD columns from each report, as the summaries give them.
tsv = os.path.join(out, "cohort.tsv")
run([binary("somatic-report"), "cohort", "-o", os.path.join(out, "cohort.html"), "--tsv", tsv,
     pair_json, high_json, hrd_json])
rows = [line.rstrip("\n").split("\t") for line in open(tsv)]
cohort = [dict(zip(rows[0], r)) for r in rows[1:]]
check(len(cohort) == 3, f"cohort: a row per report ({len(cohort)})")
for row, msi_s, hrd_s, name in ((cohort[0], msi_pair, hrd_pair, "pair1"), (cohort[1], msi_high, None, "msi_high"),
                                (cohort[2], None, hrd_layout, "hrd")):
    want = {"msi_status": msi_s["msi_status"] if msi_s else "NA",
            "msi_percent_unstable": f"{float(msi_s['percent_unstable']):.2f}" if msi_s else "NA"}
    for key, column in HRD.items():
        want[f"hrd_{key}"] = hrd_s[column] if hrd_s else "NA"
    want["fraction_genome_altered"] = hrd_s["fraction_genome_altered"] if hrd_s else "NA"
    got = {k: row.get(k) for k in want}
    check(got == want, f"cohort: {name}'s MSI and HRD columns {got} (want {want})")
page = open(os.path.join(out, "cohort.html")).read()
check("<th>msi_status</th>" in page and "<th>hrd_sum</th>" in page and "<td>MSI-H</td>" in page,
      "cohort page: MSI and HRD columns")
finish()
