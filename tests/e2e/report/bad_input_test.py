"""somatic-report on bad input: one case per scenario, each asserting the
exit code, the message, and that no report (nor a temporary file) is left
behind, or, for a VCF that merely lacks fields, that the report says which
section is empty and why."""
import gzip
import json
import os
import subprocess

from common import GFF3, check, finish, pipeline, report, scratch

out = scratch()
inputs = pipeline(out)


def fails(name, given, needle, extra=()):
    page = os.path.join(out, name + ".html")
    before = set(os.listdir(out))
    r = report(given, page, os.path.join(out, name + ".json"), extra=extra, check_run=False)
    left = set(os.listdir(out)) - before
    check(r.returncode == 1 and needle in r.stderr and r.stderr.startswith("somatic-report: error: "),
          f"{name}: exit 1 with '{needle}' ({r.returncode}: {r.stderr.strip()})")
    check(not left, f"{name}: nothing written ({sorted(left)})")


# Annotation of another build: chr1 of GRCh38's length, or no chr prefix.
longer = os.path.join(out, "grch38_length.gff3")
with open(longer, "w") as f:
    f.write(open(GFF3).read().replace("##sequence-region chr1 1 120000", "##sequence-region chr1 1 248956422"))
fails("other_build_length", dict(inputs, **{"--annotation": longer}), "248956422 bp long")
no_chr = os.path.join(out, "no_chr.gff3")
with open(no_chr, "w") as f:
    for line in open(GFF3):
        f.write(line[3:] if line.startswith("chr") else line.replace(" chr", " "))
fails("other_build_names", dict(inputs, **{"--annotation": no_chr}), "names none of the contigs")

# Exposures of another sample: an error, or with the override a warning.
other = os.path.join(out, "other_sample.tsv")
lines = open(inputs["--signatures"]).read().splitlines()
with open(other, "w") as f:
    f.write(lines[0] + "\n" + lines[1].replace("TUMOUR", "PATIENT2", 1) + "\n")
fails("sample_mismatch", dict(inputs, **{"--signatures": other, "--catalogue": ""}) | {}, "no row for sample 'TUMOUR'")
given = {k: v for k, v in inputs.items() if k != "--catalogue"}
given["--signatures"] = other
page = os.path.join(out, "override.html")
r = report(given, page, extra=["--allow-sample-mismatch"], check_run=False)
check(r.returncode == 0 and "--signatures names the tumour sample &#39;PATIENT2&#39;, the VCF &#39;TUMOUR&#39;" in open(page).read(),
      "--allow-sample-mismatch: a one-row exposures table of another name is taken, with a warning")
cat_other = os.path.join(out, "catalogue_other.tsv")
with open(cat_other, "w") as f:
    f.write(open(inputs["--catalogue"]).read().replace("\tTUMOUR", "\tPATIENT2", 1))
fails("catalogue_mismatch", dict(inputs, **{"--catalogue": cat_other}), "--catalogue names the tumour sample 'PATIENT2'")
r = report(dict(inputs, **{"--catalogue": cat_other}), page, extra=["--allow-sample-mismatch"], check_run=False)
check(r.returncode == 0 and "Warning: --catalogue names the tumour sample" in open(page).read()
      and "warning" in r.stderr, f"--allow-sample-mismatch: a warning in the report and on stderr ({r.stderr.strip()})")

# A segments BED of another reference.
bed = os.path.join(out, "other_ref.bed")
with open(bed, "w") as f:
    f.write(open(inputs["--cnv"]).read().replace("chr2\t", "chr9\t"))
fails("cnv_other_reference", dict(inputs, **{"--cnv": bed}), "is not on the VCF's reference")

# A summary without the column the report needs.
summary = os.path.join(out, "no_purity.tsv")
with open(summary, "w") as f:
    f.write("ploidy\n2.0\n")
fails("summary_no_purity", dict(inputs, **{"--cnv-summary": summary}), "no column 'purity'")
fails("missing_file", dict(inputs, **{"--msi": os.path.join(out, "absent.tsv")}), "absent.tsv")

# A VCF of another caller without AD/AF or annotation: the report is
# written, and says which section is empty and why.
bare = os.path.join(out, "bare.vcf.gz")
subprocess.run(["bcftools", "annotate", "-x", "FORMAT/AD,FORMAT/AF,INFO/BCSQ,FORMAT/BCSQ", "-O", "z", "-o", bare,
                inputs["--snv"]], check=True)
page = os.path.join(out, "bare.html")
r = report({"--snv": bare}, page, os.path.join(out, "bare.json"), check_run=False)
text = open(page).read() if os.path.exists(page) else ""
check(r.returncode == 0 and "neither FORMAT/AD nor FORMAT/AF: allele fractions are unknown" in text
      and "no consequence annotation" in text, "a VCF without AD/AF/annotation: the report says what is missing")
check("no allele fractions to show" in text, "the allele-fraction histogram says it is empty")

# A truncated .vcf.gz (a copy cut short): an error, not a report of the
# records before the cut.
raw = open(inputs["--snv"], "rb").read()
truncated = os.path.join(out, "truncated.vcf.gz")
with open(truncated, "wb") as f:
    f.write(raw[:len(raw) // 2])
fails("truncated_vcf", dict(inputs, **{"--snv": truncated}), "truncated")

# A VCF with its header and no record (a sample without calls): a report
# of 0 calls and a TMB of 0, not an error.
header_only = os.path.join(out, "header_only.vcf")
with open(header_only, "w") as f:
    f.write(subprocess.run(["bcftools", "view", "-h", inputs["--snv"]], capture_output=True, text=True,
                           check=True).stdout)
page, facts = os.path.join(out, "header_only.html"), os.path.join(out, "header_only.json")
r = report({"--snv": header_only, "--callable": inputs["--callable"]}, page, facts, check_run=False)
j = json.load(open(facts)) if r.returncode == 0 else {}
check(r.returncode == 0 and j["variants"] == [] and j["biomarkers"]["tmb"]["all"]["per_mb"] == 0
      and "0 somatic calls passed every filter" in open(page).read(),
      f"a header-only VCF: a report of 0 calls, TMB 0 ({r.returncode}: {r.stderr.strip()})")

# A GFF3 of genes without CDS lines: the coding TMB says the annotation
# lacks them (the callable territory is not empty: the TMB is computed).
no_cds = os.path.join(out, "no_cds.gff3")
with open(no_cds, "w") as f:
    f.writelines(line for line in open(GFF3) if "\tCDS\t" not in line)
page = os.path.join(out, "no_cds.html")
r = report({k: inputs[k] for k in ("--snv", "--callable")} | {"--annotation": no_cds}, page, check_run=False)
text = open(page).read() if r.returncode == 0 else ""
check("<dt>TMB</dt><dd>not computed" not in text and "<dt>Coding TMB</dt><dd>not computed: the annotation has no CDS"
      in text, f"an annotation without CDS: the coding TMB says so ({r.returncode}: {r.stderr.strip()})")

# Usage: no -o; the same file twice.
r = report({"--snv": inputs["--snv"]}, "", check_run=False)
check(r.returncode == 2, f"no output: exit 2 ({r.stderr.strip()})")
r = report({"--snv": inputs["--snv"]}, os.path.join(out, "x.html"), os.path.join(out, "x.html"), check_run=False)
check(r.returncode == 2 and "name the same output" in r.stderr, f"-o and --json alike: {r.stderr.strip()}")
# Cohort of a file that is not a report.
from common import binary  # noqa: E402
r = subprocess.run([binary("somatic-report"), "cohort", "-o", os.path.join(out, "c.html"), inputs["--cnv-summary"]],
                   capture_output=True, text=True)
check(r.returncode == 1 and "not valid JSON" in r.stderr and not os.path.exists(os.path.join(out, "c.html")),
      f"cohort of a non-report: {r.stderr.strip()}")
finish()
