"""The report's end-to-end tests share this: the real tools run on
testdata/pair1 (somatic-snv with --callable, bcftools csq with
testdata/pair1/genes.gff3, somatic-cnv run with its HRD columns,
somatic-msi scan and call, somatic-sig catalogue and fit with a bootstrap),
about a second in all, into a scratch directory."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch  # noqa: E402,F401

SKIP = 77
PAIR = os.path.join(TESTDATA, "pair1")
SIGNATURES = os.path.join(TESTDATA, "signatures", "cosmic_v3.2_subset.tsv")
GFF3 = os.path.join(PAIR, "genes.gff3")


def need_inputs():
    needed = ["tumour.bam", "normal.bam", "ref.fa", "genes.gff3", "truth.cn.bed", "truth.snv.vcf.gz"]
    if not all(os.path.exists(os.path.join(PAIR, f)) for f in needed) or not shutil.which("bcftools"):
        print("skipped: testdata/pair1 or bcftools is not there")
        sys.exit(SKIP)


def pipeline(out):
    """Runs the tools; returns {input option: path} for somatic-report."""
    need_inputs()
    ref = os.path.join(PAIR, "ref.fa")
    p = lambda name: os.path.join(out, name)  # noqa: E731
    run([binary("somatic-snv"), "--tumour", os.path.join(PAIR, "tumour.bam"), "--normal",
         os.path.join(PAIR, "normal.bam"), "--reference", ref, "--germline-hets", p("hets.vcf.gz"),
         "--callable", p("callable.bed"), "-o", p("somatic.vcf.gz")])
    # bcftools csq phases nothing here: -p a takes the genotypes as they are.
    run(["bcftools", "csq", "-p", "a", "-f", ref, "-g", GFF3, "-O", "z", "-o", p("annotated.vcf.gz"),
         p("somatic.vcf.gz")])
    with open(p("segments.bed"), "w") as bed:
        subprocess.run([binary("somatic-cnv"), "run", "--tumour", os.path.join(PAIR, "tumour.bam"), "--normal",
                        os.path.join(PAIR, "normal.bam"), "--reference", ref, "--germline-hets", p("hets.vcf.gz"),
                        "--summary", p("summary.tsv")], stdout=bed, stderr=subprocess.PIPE, check=True)
    run([binary("somatic-msi"), "scan", "--reference", ref, "-o", p("msi_sites.bed")])
    run([binary("somatic-msi"), "call", "--tumour", os.path.join(PAIR, "tumour.bam"), "--normal",
         os.path.join(PAIR, "normal.bam"), "--reference", ref, "--sites", p("msi_sites.bed"), "-o", p("msi_sites.tsv"),
         "--summary", p("msi.tsv")])
    with open(p("catalogue.tsv"), "w") as cat:
        subprocess.run([binary("somatic-sig"), "catalogue", "--reference", ref, p("somatic.vcf.gz")], stdout=cat,
                       check=True)
    with open(p("exposures.tsv"), "w") as exp:
        subprocess.run([binary("somatic-sig"), "fit", "--signatures", SIGNATURES, "--bootstrap", "100", "--seed", "1",
                        p("catalogue.tsv")], stdout=exp, check=True)
    return {"--snv": p("annotated.vcf.gz"), "--callable": p("callable.bed"), "--cnv": p("segments.bed"),
            "--cnv-summary": p("summary.tsv"), "--signatures": p("exposures.tsv"), "--catalogue": p("catalogue.tsv"),
            "--msi": p("msi.tsv"), "--annotation": GFF3}


def report(inputs, out_html, json_out=None, extra=(), check_run=True):
    args = [binary("somatic-report")]
    for k, v in inputs.items():
        args += [k, v]
    args += ["-o", out_html] + (["--json", json_out] if json_out else []) + list(extra)
    return run(args, check=check_run, env=dict(os.environ, SOURCE_DATE_EPOCH="0"))


def read_vcf_records(path):
    from e2e_lib import read_vcf
    return read_vcf(path)[0]


def header_row(path):
    """A one-row table (a --summary) as {column: value}, by header name."""
    header, row = open(path).read().splitlines()[:2]
    return dict(zip(header.lstrip("#").split("\t"), row.split("\t")))


def validate(facts, what):
    """Checks a report's JSON against the schema kept in the repository."""
    import json
    try:
        import jsonschema
    except ImportError:
        check(False, "python3-jsonschema is installed (scripts/test.sh installs it)")
        return
    schema = json.load(open(os.path.join(os.environ["SOMATIC_SOURCE_DIR"], "libsomatic", "report",
                                         "report.schema.json")))
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(facts)]
    check(not errors, f"{what}: the JSON validates against report.schema.json {errors[:3]}")
