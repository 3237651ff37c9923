"""somatic-snv on the bundled pair against the simulator's truth.

pair1 is 60x tumour / 30x normal at purity 0.7: clonal heterozygous SNVs sit
at VAF 0.35 (about 21 alt reads), the subclone's (CCF 0.3) at about 0.1 (6
reads before duplicate removal, about 5.2 after). The bounds follow from
that: clonal calls are easy, so recall there must be near complete. A
subclonal SNV needs about 5 alt fragments against a clean 30x normal to reach
QSS 20, and P(Poisson(5.2) >= 5) = 0.59, so the bound there is 0.5. A false positive is a site the simulator
never mutated: with no systematic artefacts in the data, there should be none.
"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, read_vcf, run, scratch

pair = os.path.join(TESTDATA, "pair1")
out = scratch()
calls_path = os.path.join(out, "calls.vcf")
hets_path = os.path.join(out, "hets.vcf.gz")
run([binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
     "--reference", f"{pair}/ref.fa", "--threads", "2", "--germline-hets", hets_path, "-o", calls_path])

truth, _ = read_vcf(f"{pair}/truth.snv.vcf.gz")
calls, header = read_vcf(calls_path)
truth_keys = {(t["chrom"], t["pos"], t["ref"], t["alt"]): t for t in truth}
passed = [c for c in calls if c["filter"] == "PASS"]
true_pass = [c for c in passed if (c["chrom"], c["pos"], c["ref"], c["alt"]) in truth_keys]
found = {(c["chrom"], c["pos"], c["ref"], c["alt"]) for c in true_pass}

precision = len(true_pass) / max(1, len(passed))
check(len(passed) > 100, f"{len(passed)} PASS calls (truth has {len(truth)})")
check(precision >= 0.99, f"precision {precision:.3f} >= 0.99")


def recall(selector):
    chosen = [k for k, t in truth_keys.items() if selector(float(t["info"]["EXPECTED_VAF"]))]
    return sum(k in found for k in chosen) / max(1, len(chosen)), len(chosen)


r, n = recall(lambda v: v >= 0.25)
check(r >= 0.97, f"recall {r:.3f} >= 0.97 for expected VAF >= 0.25 ({n} SNVs)")
r, n = recall(lambda v: 0.08 <= v < 0.25)
check(r >= 0.50, f"recall {r:.3f} >= 0.50 for expected VAF 0.08-0.25 ({n} SNVs)")

# Every FILTER written is defined in the header; the fields add up.
defined = {h.split("ID=")[1].split(",")[0] for h in header if h.startswith("##FILTER")}
used = {f for c in calls for f in c["filter"].split(";")}
check(used <= defined, f"every FILTER used is defined ({sorted(used - defined)} undefined)")
check(any(h == "##tumor_sample=TUMOUR" for h in header) and any(h == "##normal_sample=NORMAL" for h in header),
      "tumour and normal names come from the SM tags")
consistent = True
for c in calls:
    for s in c["samples"]:
        ref_ad, alt_ad = map(int, s["AD"].split(","))
        dp = int(s["DP"])
        sb = list(map(int, s["SB"].split(",")))
        f1 = list(map(int, s["F1R2"].split(",")))
        f2 = list(map(int, s["F2R1"].split(",")))
        if ref_ad + alt_ad > dp or sb[0] + sb[1] != ref_ad or sb[2] + sb[3] != alt_ad or \
                f1[0] + f2[0] != ref_ad or f1[1] + f2[1] != alt_ad or \
                (dp and abs(float(s["AF"]) - alt_ad / dp) > 1e-3):
            consistent = False
check(consistent, "AD, DP, AF, SB, F1R2 and F2R1 agree in every record")

# The normal's heterozygous sites: those the simulator made, where the normal
# has the depth to see them (a site needs 10 fragments and a fraction in 0.2-0.8).
germline, _ = read_vcf(f"{pair}/germline.vcf.gz")
het_truth = {(g["chrom"], g["pos"]) for g in germline if g["samples"][0]["GT"] in ("0|1", "1|0")}
hets, _ = read_vcf(hets_path)
het_found = {(h["chrom"], h["pos"]) for h in hets}
het_recall = len(het_truth & het_found) / max(1, len(het_truth))
het_precision = len(het_truth & het_found) / max(1, len(het_found))
check(het_recall >= 0.9, f"germline het recall {het_recall:.3f} >= 0.9 ({len(het_truth)} sites)")
check(het_precision >= 0.98, f"germline het precision {het_precision:.3f} >= 0.98")

# bcftools reads the output without a warning, and REF matches the reference.
stats = run(["bcftools", "norm", "-c", "e", "-f", f"{pair}/ref.fa", "-o", os.devnull, calls_path])
check("warn" not in stats.stderr.lower() and "error" not in stats.stderr.lower(),
      "bcftools norm -c e accepts the VCF without warnings")
finish()
