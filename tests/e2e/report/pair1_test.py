"""somatic-report on testdata/pair1, from the real tools' outputs: the
facts shown must be the inputs' own values, and agree with the simulator's
truth where the truth decides them.

Independent reasons: the TMB is recomputed here from the VCF and the BED;
the genes' copy numbers are checked against truth.cn.bed (GENEA lies in the
simulated CN 7 amplification, GENEB in the homozygous deletion, GENEC in
the single-copy loss with LOH; testdata/README.md); the consequences are
bcftools csq's, read back with bcftools query; the allele fractions are the
VCF's AD alt / DP and scatter around the truth's EXPECTED_VAF; purity is
within 0.1 of the simulated 0.7; SBS13 (30% of the simulated SNVs) is
flagged as APOBEC with a lower bound above 0, and SBS3 (absent) is not."""
import html
import json
import os
import re
import subprocess

from common import GFF3, PAIR, check, finish, pipeline, read_vcf_records, report, scratch  # noqa: F401

out = scratch()
inputs = pipeline(out)
goi = os.path.join(out, "genes.tsv")
with open(goi, "w") as f:
    f.write("gene\ttier\tnote\nGENEC\t1\tLOH gene\nGENEA\t2\tamplified\nGENEB\t1\n")
inputs["--genes-of-interest"] = goi
# A somatic-msi summary (its contract's columns, another order) and HRD
# columns of other values, in another order, in place of somatic-cnv's own:
# read by name, shown as given. (biomarkers_test.py checks the real ones.)
msi = os.path.join(out, "msi.tsv")
with open(msi, "w") as f:
    f.write("msi_status\tsites_tested\tsites_unstable\tpercent_unstable\tthreshold\nMSS\t412\t9\t2.18\t20\n")
inputs["--msi"] = msi
header, row = [line.split("\t") for line in open(inputs["--cnv-summary"]).read().splitlines()[:2]]
kept = [i for i, name in enumerate(header) if not name.startswith("hrd_") and name != "fraction_genome_altered"]
hrd_summary = os.path.join(out, "summary_hrd.tsv")
with open(hrd_summary, "w") as f:
    f.write("\t".join(header[i] for i in kept) + "\thrd_sum\tfraction_genome_altered\thrd_lst\thrd_tai\thrd_loh\n")
    f.write("\t".join(row[i] for i in kept) + "\t15\t0.184\t7\t5\t3\n")
inputs["--cnv-summary"] = hrd_summary

page = os.path.join(out, "report.html")
facts = os.path.join(out, "report.json")
r = report(inputs, page, facts)
check(r.returncode == 0, f"somatic-report exits 0 ({r.stderr.strip()})")
text = open(page).read()
j = json.load(open(facts))

# The JSON validates against the schema kept in the repository.
try:
    import jsonschema
    schema = json.load(open(os.path.join(os.environ["SOMATIC_SOURCE_DIR"], "libsomatic", "report",
                                         "report.schema.json")))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(j)]
    check(not errors, f"report.json validates against report.schema.json {errors[:3]}")
except ImportError:
    check(False, "python3-jsonschema is installed (scripts/test.sh installs it)")

# Self-contained: nothing that would fetch from the network or run code.
check("<script" not in text.lower(), "no script in the page")
check(not re.search(r"""(src|href)\s*=\s*["'](https?:|//)""", text), "no link to the network")
check("@media print" in text, "a print style")
for heading in ["Sample and run", "Quality", "Variants", "Copy number", "Biomarkers", "Methods"]:
    check(f"<h2>{heading}</h2>" in text, f"section '{heading}'")

# Sample and run: the tools and their command lines from the headers.
tools = {t["tool"]: t for t in j["tools"]}
check({"somatic-snv", "somatic-cnv", "bcftools/csq"} <= set(tools), f"tools from the headers: {sorted(tools)}")
check("--callable" in (tools["somatic-snv"]["command"] or ""), "somatic-snv's command line")
check(j["sample"] == {"tumour": "TUMOUR", "normal": "NORMAL"}, f"samples {j['sample']}")

# TMB, recomputed: PASS records over the merged callable BED.
records = read_vcf_records(inputs["--snv"])
passed = [x for x in records if x["filter"] == "PASS"]
spans = {}
for line in open(inputs["--callable"]):
    c, b, e = line.split("\t")[:3]
    spans.setdefault(c, []).append((int(b), int(e)))
bp = 0
for c, iv in spans.items():
    iv.sort()
    cur_b, cur_e = iv[0]
    for b, e in iv[1:]:
        if b <= cur_e:
            cur_e = max(cur_e, e)
        else:
            bp += cur_e - cur_b
            cur_b, cur_e = b, e
    bp += cur_e - cur_b
tmb = j["biomarkers"]["tmb"]["all"]
check(tmb["snvs"] + tmb["mnvs"] + tmb["indels"] + tmb["outside_territory"] == len(passed),
      f"every PASS call counted once ({len(passed)})")
check(abs(tmb["per_mb"] - len(passed) / (bp / 1e6)) < 1e-6 and tmb["outside_territory"] == 0,
      f"TMB {tmb['per_mb']:.2f} = {len(passed)} / {bp / 1e6} Mb")
check(f"{tmb['per_mb']:.2f} mutations per Mb" in text, "TMB in the page")
# Coding TMB: GFF3 CDS (1-based inclusive) intersected with the callable territory.
cds = []
for line in open(GFF3):
    f = line.split("\t")
    if len(f) > 8 and f[2] == "CDS":
        cds.append((f[0], int(f[3]) - 1, int(f[4])))
coding = j["biomarkers"]["tmb"]["coding"]
in_cds = [x for x in passed if any(c == x["chrom"] and b <= x["pos"] - 1 < e for c, b, e in cds)]
check(coding is not None and coding["snvs"] == len(in_cds), f"coding SNVs {coding and coding['snvs']} = {len(in_cds)}")

# Variants: consequences as bcftools csq wrote them.
q = subprocess.run(["bcftools", "query", "-i", 'FILTER="PASS" && INFO/BCSQ!="."', "-f", "%CHROM:%POS\t%BCSQ\n",
                    inputs["--snv"]], capture_output=True, text=True, check=True).stdout.splitlines()
by_pos = {(v["chrom"] + ":" + str(v["pos"])): v for v in j["variants"]}
agree = 0
for line in q:
    pos, bcsq = line.split("\t")
    first = bcsq.split(",")[0].split("|")
    v = by_pos[pos]
    agree += v["gene"] == first[1] and v["consequence"] == first[0].lstrip("*")
check(q and agree == len(q), f"gene and consequence of {agree} of {len(q)} annotated calls as bcftools csq says")
stop = by_pos.get("chr1:10091")
check(stop and stop["protein_change"] == "31R>31*" and stop["consequence"] == "stop_gained",
      "GENEA's stop_gained at chr1:10091 (31R>31*)")
check(html.escape("31R>31*", quote=False) in text, "its protein change in the page")
# Genes of interest first: tier 1 (GENEC) then tier 2 (GENEA), then the rest.
genes_in_order = [v["gene"] for v in j["variants"]]
first_other = next(i for i, g in enumerate(genes_in_order) if g not in ("GENEC", "GENEA"))
check(set(genes_in_order[:first_other]) == {"GENEC", "GENEA"} and genes_in_order[0] == "GENEC"
      and "GENEC" not in genes_in_order[first_other:] and "GENEA" not in genes_in_order[first_other:],
      "genes of interest first, by tier")
# Allele fractions: AD alt / DP of the VCF, around the truth's expected VAF.
truth = {(x["chrom"], x["pos"]): float(x["info"]["EXPECTED_VAF"])
         for x in read_vcf_records(os.path.join(PAIR, "truth.snv.vcf.gz"))}
same_af, near, known = 0, 0, 0
for x in passed:
    t = x["samples"][1]
    ad = [int(a) for a in t["AD"].split(",")]
    v = by_pos[f"{x['chrom']}:{x['pos']}"]
    same_af += abs(v["af"] - ad[1] / int(t["DP"])) < 1e-6 and v["depth"] == int(t["DP"])
    if (x["chrom"], x["pos"]) in truth:
        known += 1
        e = truth[(x["chrom"], x["pos"])]
        near += abs(v["af"] - e) <= 4 * (e * (1 - e) / int(t["DP"])) ** 0.5 + 0.02
check(same_af == len(passed), f"AF and depth of {same_af} of {len(passed)} PASS calls are the VCF's AD/DP")
check(known >= 200 and near >= 0.95 * known, f"{near} of {known} known variants' AF near the truth's expected VAF")
check(f"<td>chr1:10091</td><td>C&gt;T</td><td>SNV</td><td class=\"n\">{stop['af']:.3f}</td>" in text,
      "a known variant's AF in the page")

# Copy number: purity, segments, genes against truth.cn.bed.
check(abs(j["quality"]["purity"] - 0.7) <= 0.1, f"purity {j['quality']['purity']} within 0.1 of 0.7")
bed_rows = [l for l in open(inputs["--cnv"]) if not l.startswith("#")]
check(len(j["copy_number"]["segments"]) == len(bed_rows), f"{len(bed_rows)} segments")
check(len(j["quality"]["alternative_solutions"]) >= 1, "alternative solutions listed")
genes = {g["gene"]: g for g in j["copy_number"]["genes_of_interest"]}
check(genes["GENEA"]["total_cn"] == 7 and "amplification" in genes["GENEA"]["state"], f"GENEA {genes['GENEA']}")
check(genes["GENEB"]["total_cn"] == 0 and "homozygous deletion" in genes["GENEB"]["state"], f"GENEB {genes['GENEB']}")
check(genes["GENEC"]["total_cn"] == 1 and genes["GENEC"]["loh"], f"GENEC {genes['GENEC']}")
amps = j["copy_number"]["amplifications"]
check(len(amps) == 1 and amps[0]["chrom"] == "chr1" and amps[0]["start"] < 15412 and amps[0]["end"] > 9592,
      f"one amplification, on the simulated CN 7 (chr1:9592-15412): {amps}")
dels = j["copy_number"]["homozygous_deletions"]
check(len(dels) == 1 and dels[0]["start"] < 48038 and dels[0]["end"] > 44158, f"one homozygous deletion: {dels}")

# Biomarkers: MSI and HRD as the summaries give them.
check(j["biomarkers"]["msi"] == {"status": "MSS", "sites_tested": 412, "sites_unstable": 9, "percent_unstable": 2.18,
                                 "threshold": 20}, f"MSI {j['biomarkers']['msi']}")
check("9 of 412 (2.18%; MSI-H at 20.00%)" in text, "MSI in the page")
hrd = j["biomarkers"]["hrd"]
check((hrd["sum"], hrd["loh"], hrd["tai"], hrd["lst"], hrd["fraction_genome_altered"]) == (15, 3, 5, 7, 0.184)
      and hrd["not_measured"] == {}, f"HRD {hrd}")
# Signatures: the exposures table's values, SBS13 flagged.
header, row = [l.rstrip("\n").split("\t") for l in open(inputs["--signatures"])][:2]
tsv = dict(zip(header, row))
sigs = {s["name"]: s for s in j["biomarkers"]["signatures"]["exposures"]}
check(all(abs(sigs[n]["exposure"] - float(tsv[n])) < 1e-9 and abs(sigs[n]["low"] - float(tsv[n + "_low"])) < 1e-9
          for n in sigs), "exposures and intervals as the table gives them")
flags = {f["signature"]: f for f in j["biomarkers"]["signatures"]["flags"]}
check(flags.get("SBS13", {}).get("confident") and flags["SBS13"]["low"] > 0, f"SBS13 flagged: {flags.get('SBS13')}")
check("SBS3" not in flags or not flags["SBS3"]["confident"], "SBS3 (not simulated) not flagged")
check("flagged: APOBEC" in text, "the flag in the page")
check("Mutational signature exposures were fitted by somatic-sig fit with bootstrap" in j["methods"]
      and "bcftools csq" in j["methods"], "the methods say what ran")
check(j["missing"] == {}, f"nothing missing: {j['missing']}")

# VEP's CSQ and SnpEff's ANN are read too: the same call annotated each way
# (the header's Format list tells CSQ's fields apart; ANN's order is fixed).
import gzip  # noqa: E402
for key, header, value in (
        ("CSQ", '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. '
                'Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp">',
         "T|intron_variant|MODIFIER|GENEX|G1|Transcript|T1|protein_coding|||c.1-5C>T|,"
         "T|stop_gained|HIGH|GENEX|G1|Transcript|T2|protein_coding|1/2||c.91C>T|ENSP1.1:p.Arg31Ter"),
        ("ANN", '##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: \'Allele | Annotation | '
                'Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | '
                'HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | '
                'ERRORS / WARNINGS / INFO\'">',
         "T|stop_gained|HIGH|GENEX|G1|transcript|T2|protein_coding|1/2|c.91C>T|p.Arg31*|91/600|91/600|31/199||")):
    other = os.path.join(out, f"{key}.vcf")
    with open(other, "w") as f:
        for line in gzip.open(os.path.join(out, "somatic.vcf.gz"), "rt"):
            if line.startswith("#CHROM"):
                f.write(header + "\n")
            fields = line.split("\t")
            if not line.startswith("#") and fields[1] == "10091":
                fields[7] += f";{key}={value}"
                line = "\t".join(fields)
            f.write(line)
    page_other = os.path.join(out, f"{key}.html")
    r = report({"--snv": other}, page_other, page_other + ".json")
    v = {x["pos"]: x for x in json.load(open(page_other + ".json"))["variants"]}[10091]
    want = "p.Arg31Ter" if key == "CSQ" else "p.Arg31*"
    check(v["gene"] == "GENEX" and v["consequence"] == "stop_gained" and v["protein_change"] == want,
          f"{key}: the most severe consequence read ({v['gene']} {v['consequence']} {v['protein_change']})")

# A report of the VCF alone says what would fill the other sections.
alone = os.path.join(out, "alone.html")
r = report({"--snv": inputs["--snv"]}, alone, os.path.join(out, "alone.json"))
a = open(alone).read()
check(r.returncode == 0 and "No copy-number segments: give --cnv." in a and "No MSI result: give --msi." in a
      and "No TMB: give --callable." in a, "a missing section names its input")
check(json.load(open(os.path.join(out, "alone.json")))["missing"]["signatures"] == "--signatures",
      "the JSON names the missing inputs")

# Solutions that score as the chosen one does at another purity: the page
# says the data do not decide (0.80 ties with 0.30; 0.35 is the same answer;
# 0.90 scores worse).
tied = os.path.join(out, "tied.tsv")
with open(tied, "w") as f:
    f.write("purity\tploidy\tscore\talternatives\n0.30\t2.00\t0.5000\t"
            "0.80/2.00/0.5000;0.35/2.10/0.5000;0.90/3.00/0.9000\n")
r = report({"--cnv-summary": tied}, os.path.join(out, "tied.html"))
check("1 other solution scores as well as the chosen one, at purities from 0.30 to 0.80: the data do not decide"
      in open(os.path.join(out, "tied.html")).read(), "tied solutions: the page says the data do not decide")
check("do not decide" not in text, "pair1's solutions are not tied")

# Cohort: two reports, one row each, the values of their JSON.
second = os.path.join(out, "alone.json")
cohort_html, cohort_tsv = os.path.join(out, "cohort.html"), os.path.join(out, "cohort.tsv")
from common import binary, run  # noqa: E402
run([binary("somatic-report"), "cohort", "-o", cohort_html, "--tsv", cohort_tsv, facts, second])
rows = [l.rstrip("\n").split("\t") for l in open(cohort_tsv)]
check(rows[0][:4] == ["sample", "purity", "ploidy", "tmb_per_mb"] and len(rows) == 3, f"cohort table {rows[:1]}")
c = dict(zip(rows[0], rows[1]))
check(c["purity"] == f"{j['quality']['purity']:.2f}" and c["tmb_per_mb"] == f"{tmb['per_mb']:.2f}" and
      c["msi_status"] == "MSS" and c["hrd_sum"] == "15" and c["top_signatures"].startswith("SBS5:"),
      f"cohort row of pair1 {c}")
check(dict(zip(rows[0], rows[2]))["purity"] == "NA", "a report without copy number: NA")
finish()
