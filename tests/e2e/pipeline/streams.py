"""The tools chained through pipes on the bundled pair: somatic-snv's VCF on
standard output into somatic-sig, and its heterozygous sites into
somatic-cnv, from a file and through a pipe. Checks the final results, not
just the exit codes. Then a downstream `head -1` ends each tool quietly."""
import os
import signal
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch

pair = os.path.join(TESTDATA, "pair1")
out = scratch()
snv = [binary("somatic-snv"), "-T", f"{pair}/tumour.bam", "-N", f"{pair}/normal.bam", "-f", f"{pair}/ref.fa",
       "--threads", "2", "--pass-only", "--germline-hets", f"{out}/hets.vcf.gz"]
sig = [binary("somatic-sig"), "fit", "--signatures", f"{TESTDATA}/signatures/cosmic_v3.2_subset.tsv",
       "--reference", f"{pair}/ref.fa", "-"]
p1 = subprocess.Popen(snv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
p2 = subprocess.run(sig, stdin=p1.stdout, capture_output=True, text=True)
p1.stdout.close()
p1.wait()
check(p1.returncode == 0 and p2.returncode == 0, f"somatic-snv | somatic-sig fit - runs ({p2.stderr.strip()})")
rows = [l.split("\t") for l in p2.stdout.strip().splitlines()]
table = dict(zip(rows[0], rows[1]))
# Truth: 49 SBS1, 126 SBS5, 75 SBS13 of 250 SNVs; about 94% are called, so
# each exposure should be within 20 mutations of 0.94 x its truth.
for name, truth in (("SBS1", 49), ("SBS5", 126), ("SBS13", 75)):
    got = float(table[name])
    check(abs(got - 0.94 * truth) <= 20, f"{name} exposure {got:.1f} near {0.94 * truth:.0f}")
others = [float(table[n]) for n in ("SBS2", "SBS3", "SBS40")]
check(max(others) <= 10, f"signatures that were not simulated stay near 0 ({others})")

# somatic-snv's heterozygous sites give somatic-cnv its allele fractions.
cnv = run([binary("somatic-cnv"), "run", "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
           "--reference", f"{pair}/ref.fa", "--germline-hets", f"{out}/hets.vcf.gz",
           "--summary", f"{out}/summary.tsv"])
summary = dict(zip(*[l.rstrip("\n").split("\t") for l in open(f"{out}/summary.tsv")]))
truth = dict(zip(*[l.rstrip("\n").split("\t") for l in open(f"{pair}/truth.purity_ploidy.tsv")]))
check(abs(float(summary["purity"]) - float(truth["purity"])) <= 0.1,
      f"purity {summary['purity']} within 0.1 of the truth {truth['purity']}")
check(abs(float(summary["called_ploidy"]) - float(truth["ploidy"])) <= 0.2,
      f"ploidy {summary['called_ploidy']} within 0.2 of the truth {truth['ploidy']}")
check("141 heterozygous sites" in cnv.stderr, "all 141 het sites reach somatic-cnv")

# The het sites through a pipe instead of a file: somatic-snv writes them to
# standard output (--germline-hets -), somatic-cnv reads standard input.
cnv_args = ["run", "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam", "--reference", f"{pair}/ref.fa",
            "--no-version"]
from_file = run([binary("somatic-cnv")] + cnv_args + ["--germline-hets", f"{out}/hets.vcf.gz"]).stdout
p1 = subprocess.Popen(snv[:-2] + ["--germline-hets", "-", "-o", f"{out}/calls.vcf.gz"], stdout=subprocess.PIPE,
                      stderr=subprocess.PIPE)
p2 = subprocess.run([binary("somatic-cnv")] + cnv_args + ["--germline-hets", "-"], stdin=p1.stdout,
                    capture_output=True, text=True)
p1.stdout.close()
p1.wait()
check(p1.returncode == 0 and p2.returncode == 0 and "141 heterozygous sites" in p2.stderr,
      f"somatic-snv --germline-hets - | somatic-cnv --germline-hets - runs ({p2.stderr.strip()[-200:]})")
check(p2.stdout == from_file and from_file.count("\n") > 10, "the piped het sites give the same segments as the file")


def head_one(args):
    """Runs `args | head -1`; returns the tool's exit code, its stderr and head's output."""
    tool = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.run(["head", "-1"], stdin=tool.stdout, capture_output=True, text=True)
    tool.stdout.close()
    err = tool.stderr.read().decode()
    tool.wait()
    return tool.returncode, err, head.stdout


# A closed pipe ends a tool by SIGPIPE (or exit 0 when it had finished
# writing), never with an error or a warning (somatic-cnv's progress lines
# are its normal log). The scatter table of 50000 shards
# and the VCF written 1 kb chunk by chunk (given priors: with estimated ones
# a genome as small as pair1 is read once, in the estimate's 100 kb chunks)
# are far larger than a pipe's buffer, so they are still writing when head
# closes.
GIVEN_PRIORS = ["--somatic-prior", "1e-6", "--orientation-artefact-rate", "1e-3", "--strand-artefact-rate", "1e-3",
                "--shared-prior", "1e-8"]
for name, args in (
        ("somatic-snv", snv[:-2] + ["--chunk-size", "1000"] + GIVEN_PRIORS),
        ("somatic-cnv", [binary("somatic-cnv")] + cnv_args + ["--germline-hets", f"{out}/hets.vcf.gz"]),
        ("somatic-sig", [binary("somatic-sig"), "catalogue", "--reference", f"{pair}/ref.fa", f"{out}/calls.vcf.gz"]),
        ("somatic-scatter", [binary("somatic-scatter"), "--reference", f"{pair}/ref.fa", "--shards", "50000"])):
    code, err, first = head_one(args)
    bad = [l for l in err.splitlines() if "error" in l or "warning" in l or "pipe" in l.lower()]
    check(code in (0, -signal.SIGPIPE) and not bad and first.count("\n") == 1,
          f"{name} | head -1 ends quietly (exit {code}, {bad})")
finish()
