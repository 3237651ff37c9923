"""One case per bad input: the exit code and the message (file, problem, hint)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import SIG, run  # noqa: E402

BAD = os.path.join(SIG, "bad")
ref = os.path.join(SIG, "ref.fa")
sigs = os.path.join(SIG, "signatures.tsv")
cat_cmd = ["catalogue", "-f", ref]

CASES = [
    # name, arguments, exit code, substrings of stderr
    ("contig not in reference", cat_cmd + [f"{BAD}/contig_not_in_reference.vcf"], 1,
     ["contig_not_in_reference.vcf: contig '1' is not in the reference", "did you mean 'chr1'"]),
    ("REF disagrees (wrong assembly)", cat_cmd + [f"{BAD}/wrong_assembly.vcf"], 1,
     ["wrong_assembly.vcf:", "have a REF that disagrees with", "another assembly"]),
    ("signature table missing a channel", ["fit", "-s", f"{BAD}/sigs_missing_channel.tsv", f"{SIG}/tumour.vcf", "-f", ref], 1,
     ["sigs_missing_channel.tsv: the signature table lacks 1 of the 96 SBS96 channels (T[T>G]T)"]),
    ("signature table with an extra channel", ["fit", "-s", f"{BAD}/sigs_extra_channel.tsv", f"{SIG}/tumour.vcf", "-f", ref], 1,
     ["sigs_extra_channel.tsv: the signature table has a row 'A[G>A]A' that is not an SBS96 channel at line 98"]),
    ("signature column not summing to 1", ["fit", "-s", f"{BAD}/sigs_not_summing.tsv", f"{SIG}/tumour.vcf", "-f", ref], 1,
     ["sigs_not_summing.tsv: signature 'SIG_B' sums to 0.9, not 1"]),
    ("malformed VCF line", cat_cmd + [f"{BAD}/malformed_line.vcf"], 1,
     ["malformed_line.vcf: malformed VCF record: 4 tab-separated columns, at least 8 expected at chr1:200"]),
    ("empty file", cat_cmd + [f"{BAD}/empty.vcf"], 1, ["empty.vcf: the file is empty"]),
    ("empty file to fit", ["fit", "-s", sigs, f"{BAD}/empty.vcf"], 1, ["empty.vcf: the file is empty"]),
    ("VCF without --reference", ["fit", "-s", sigs, f"{SIG}/tumour.vcf"], 2, ["needs the reference FASTA", "--reference"]),
    ("no --signatures", ["fit", f"{SIG}/tumour.vcf"], 2, ["--signatures is required"]),
    ("missing file", cat_cmd + [f"{BAD}/absent.vcf"], 1, ["absent.vcf: no such file"]),
    ("unknown --mnv", cat_cmd + ["--mnv", "merge", f"{SIG}/tumour.vcf"], 2, ["unknown --mnv 'merge'"]),
    ("unknown signature in --only", ["fit", "-s", sigs, "--only", "SBS1", f"{SIG}/tumour.vcf", "-f", ref], 2,
     ["signature 'SBS1' is not in"]),
    ("unknown command", ["decompose"], 2, ["unknown command 'decompose'"]),
]

failed = 0
for name, args, code, needles in CASES:
    r = run(*args, check=False)
    lines = r.stderr.strip().split("\n")
    ok = r.returncode == code and all(n in r.stderr for n in needles) and lines[-1].startswith("somatic-sig: error: ")
    if not ok:
        failed += 1
        print(f"FAIL {name}: exit {r.returncode} (want {code}); stderr: {r.stderr.strip()}")
    else:
        print(f"ok   {name}")

# A zero-mutation sample is not an error: zeros, NA and a warning.
r = run("fit", "-s", sigs, "-f", ref, f"{BAD}/no_pass.vcf", check=False)
if r.returncode != 0 or "no SNV counted" not in r.stderr or "has no mutations" not in r.stderr or "\t0\t0\tNA\tNA" not in r.stdout:
    failed += 1
    print(f"FAIL zero-mutation sample: exit {r.returncode}; {r.stderr.strip()}; {r.stdout.strip()}")
else:
    print("ok   zero-mutation sample")
sys.exit(1 if failed else 0)
