"""somatic-snv on pair1 with 8-oxoG artefacts added to the tumour.

sim/inject_artefacts writes G>T in a quarter of the F1R2 fragments at 15
G/C sites (C>A in F2R1 ones at C sites: one artefact type, C>A/F2R1 once
folded to a pyrimidine reference), plus strand and read-end artefacts, all
at least 150 bp from every true SNV and germline SNP. The simulated reads
themselves carry no orientation artefact. So, independently of the caller:
- the rate learned for C>A/F2R1 must rise well above the floor and every
  other orientation rate must stay at the floor (0.001);
- with that rate, an artefact of 3 or more alt reads all in F2R1 (folded)
  is likelier an artefact than a mutation (likelihood ratio 0.98^3 /
  P(3 of 3 | Beta(10, 10)) = 6.6 against odds (1 - r) / r < 6.6 for
  r > 0.13), so none may pass;
- the only true calls the artefact run may lose against the clean run are
  those that look exactly like the injected artefact (G>T with every alt
  read F1R2, or C>A with every alt read F2R1): the model must not touch any
  other call. True G>T/C>A calls are about a sixth of the calls, and of
  those with few alt reads a share 2^-n falls all on the artefact's side,
  so a few at most: the bound of 2% guards against the model spreading.
- with a panel of normals holding two thirds of the 8-oxoG sites, the rate
  learned is the same (a panel's site is still an artefact to learn from;
  leaving them out of the learning lowered it to 0.128 and let artefacts
  the panel lacks through), and the panel adds no PASS call.
"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, read_vcf, run, scratch

SOURCE = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
pair = os.path.join(TESTDATA, "pair1")
out = scratch()
injected = os.path.join(out, "pair")
run(["/usr/bin/python3", os.path.join(SOURCE, "sim", "inject_artefacts"), pair, injected,
     "--sites-per-kind", "15", "--seed", "3", "--keep-away", "150"])


def call(directory, name):
    path = os.path.join(out, name)
    run([binary("somatic-snv"), "--tumour", f"{directory}/tumour.bam", "--normal", f"{directory}/normal.bam",
         "--reference", f"{directory}/ref.fa", "--threads", "2", "-o", path])
    return read_vcf(path)


clean, _ = call(pair, "clean.vcf")
dirty, header = call(injected, "artefacts.vcf")
artefacts, _ = read_vcf(os.path.join(injected, "artefacts.vcf.gz"))


def key(r):
    return (r["chrom"], r["pos"], r["ref"], r["alt"])


rates_line = [h for h in header if h.startswith("##orientation_artefact_rates=")]
check(len(rates_line) == 1 and rates_line[0].endswith(",estimated"), "the orientation rates are in the header")
rates = dict(kv.split(":") for kv in rates_line[0].split("=", 1)[1].rsplit(",", 1)[0].split(","))
check(float(rates["C>A/F2R1"]) > 0.13, f"C>A/F2R1 learned at {rates['C>A/F2R1']} (> 0.13)")
others = {t: float(r) for t, r in rates.items() if t != "C>A/F2R1"}
check(all(abs(r - 0.001) < 1e-9 for r in others.values()), f"every other orientation rate at the floor: {others}")

calls = {key(r): r for r in dirty}
oxog = [a for a in artefacts if a["info"]["KIND"] == "orientation" and int(a["info"]["ALT_READS"]) >= 3]
passed = [key(a) for a in oxog if key(a) in calls and calls[key(a)]["filter"] == "PASS"]
check(len(oxog) >= 10 and not passed, f"none of the {len(oxog)} 8-oxoG artefacts of 3+ reads passes ({passed})")
check(all("OAP" in r["info"] and "SAP" in r["info"] for r in dirty), "every record has INFO/OAP and INFO/SAP")


def looks_like_the_injected_artefact(r):
    tumour = r["samples"][1]
    f1r2_alt, f2r1_alt = int(tumour["F1R2"].split(",")[1]), int(tumour["F2R1"].split(",")[1])
    return (r["ref"], r["alt"]) in (("G", "T"), ("C", "A")) and \
        (f2r1_alt == 0 if r["ref"] == "G" else f1r2_alt == 0)


# A panel of normals holding two thirds of the 8-oxoG sites (as a panel
# built from normals of the same lab would): a site of the panel is still
# evidence of the artefact rate, so the rate must stay learned and none of
# the artefacts the panel lacks may pass. (Were the panel's sites left out
# of the learning, the rate would rest on the third the panel lacks.)
orientation_sites = [a for a in artefacts if a["info"]["KIND"] == "orientation"]
in_panel = [a for i, a in enumerate(orientation_sites) if i % 3]
with open(os.path.join(out, "panel.vcf"), "w") as f:
    f.write("##fileformat=VCFv4.2\n")
    f.writelines(line for line in open(os.path.join(pair, "ref.fa.fai"))
                 for line in [f"##contig=<ID={line.split()[0]},length={line.split()[1]}>\n"])
    f.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
    f.writelines(f"{a['chrom']}\t{a['pos']}\t.\t{a['ref']}\t{a['alt']}\t.\t.\t.\n" for a in in_panel)
run(["bgzip", "-f", os.path.join(out, "panel.vcf")])
run(["tabix", "-f", "-p", "vcf", os.path.join(out, "panel.vcf.gz")])
path = os.path.join(out, "with_panel.vcf")
run([binary("somatic-snv"), "--tumour", f"{injected}/tumour.bam", "--normal", f"{injected}/normal.bam",
     "--reference", f"{injected}/ref.fa", "--threads", "2", "--panel-of-normals", os.path.join(out, "panel.vcf.gz"),
     "-o", path])
paneled, panel_header = read_vcf(path)
panel_rates = dict(kv.split(":") for kv in next(h for h in panel_header if h.startswith(
    "##orientation_artefact_rates=")).split("=", 1)[1].rsplit(",", 1)[0].split(","))
check(abs(float(panel_rates["C>A/F2R1"]) - float(rates["C>A/F2R1"])) < 1e-9,
      f"with the panel, C>A/F2R1 is learned as without it ({panel_rates['C>A/F2R1']} and {rates['C>A/F2R1']})")
by_key = {key(r): r for r in paneled}
outside = [key(a) for a in oxog if a not in in_panel and by_key.get(key(a), {}).get("filter") == "PASS"]
check(not outside, f"no 8-oxoG artefact the panel lacks passes ({outside})")
check(sum(r["filter"] == "PASS" for r in paneled) <= sum(r["filter"] == "PASS" for r in dirty),
      "the panel adds no PASS call")

lost = [calls.get(key(r), r) for r in clean if r["filter"] == "PASS" and calls.get(key(r), {}).get("filter") != "PASS"]
check(all(looks_like_the_injected_artefact(r) and "OrientationBias" in r["filter"] for r in lost),
      f"the {len(lost)} clean PASS calls filtered in the artefact run all look like the injected artefact")
clean_pass = sum(r["filter"] == "PASS" for r in clean)
check(len(lost) <= clean_pass // 50, f"{len(lost)} of {clean_pass} clean PASS calls lost (at most 2%)")
finish()
