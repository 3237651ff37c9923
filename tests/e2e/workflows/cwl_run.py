"""The CWL definitions of workflows/cwl/: every file passes
`cwltool --validate`, and the pair workflow, run by a CWL runner on
testdata's pair1 with 3 shards, gives what the tools give run directly step
by step (scatter, snv per shard, bcftools concat, cnv, msi scan and call,
sig catalogue and fit): every output byte for byte but the header lines
naming a command line (outputs.COMMAND_LINES: the runner stages inputs under
paths of its own); and its report, whose MSI and HRD are the msi and cnv
summaries' values (read here by column name) and whose TMB is the PASS
calls over the gathered callable BED, counted here.

    cwl_run.py cwltool   validates, then runs with cwltool (about 10 s)
    cwl_run.py toil      runs with toil-cwl-runner, single-machine batch
                         system (about 40 s: Toil's start-up and its workers)

Skipped (exit 77) when the runner is not installed, and in the sanitize
stage (SOMATIC_TEST_SMALL): the runner adds nothing there that
workflow_snakemake does not already run under the sanitizers."""
import glob
import gzip
import os
import shutil
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import FAILURES, TESTDATA, binary, check, finish, run, scratch
from outputs import COMMAND_LINES, differences, result_files

RUNNER = sys.argv[1]
COMMAND = {"cwltool": "cwltool", "toil": "toil-cwl-runner"}[RUNNER]
if os.environ.get("SOMATIC_TEST_SMALL"):
    print(f"SOMATIC_TEST_SMALL is set: the {RUNNER} run is for the normal stage: skipped")
    sys.exit(77)
if not shutil.which(COMMAND):
    print(f"{COMMAND} is not installed (Debian: {RUNNER}): skipped")
    sys.exit(77)

SOURCE = os.environ["SOMATIC_SOURCE_DIR"]
CWL = f"{SOURCE}/workflows/cwl"
PAIR, SHARDS = "pair1", 3
pair = f"{TESTDATA}/{PAIR}"
signatures = f"{TESTDATA}/signatures/cosmic_v3.2_subset.tsv"
tools = ("somatic-scatter", "somatic-snv", "somatic-cnv", "somatic-msi", "somatic-sig", "somatic-report")
env = dict(os.environ, PATH=os.pathsep.join([os.path.dirname(binary(t)) for t in tools] + [os.environ["PATH"]]))
work = scratch()

if RUNNER == "cwltool":
    definitions = sorted(glob.glob(f"{CWL}/*.cwl"))
    check(len(definitions) >= 7, f"a definition per tool and subcommand, and the workflow ({len(definitions)} files)")
    for path in definitions:
        r = subprocess.run(["cwltool", "--validate", path], capture_output=True, text=True)
        check(r.returncode == 0 and "is valid CWL" in r.stdout + r.stderr,
              f"{os.path.basename(path)} is valid CWL{'' if r.returncode == 0 else r.stderr[-1500:]}")
        text = open(path).read()
        check("class: Workflow" in text or ("SoftwareRequirement" in text and "anaconda.org/" in text),
              f"{os.path.basename(path)}: a software requirement hint naming its package")

# The tools run directly, one step after the other, as the workflow wires them.
direct = f"{work}/direct"
os.makedirs(direct)
ref = f"{pair}/ref.fa"
run([binary("somatic-scatter"), "--reference", ref, "--shards", str(SHARDS), "--out-dir", f"{work}/shards"])
shards = sorted(glob.glob(f"{work}/shards/*.bed"))
check(len(shards) == SHARDS, f"{SHARDS} shards")
for bed in shards:
    name = os.path.basename(bed)[:-4]
    run([binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam", "--reference",
         ref, "--regions-file", bed, "--threads", "1", "--germline-hets", f"{work}/shards/{name}.hets.vcf.gz",
         "--callable", f"{work}/shards/{name}.callable.bed", "-o", f"{work}/shards/{name}.snv.vcf.gz"], cwd=work)
for kind in ("snv", "hets"):
    out = f"{direct}/{PAIR}.{kind}.vcf.gz"
    run(["bcftools", "concat", "-O", "z", "-o", out] + [f"{b[:-4]}.{kind}.vcf.gz" for b in shards])
    run(["bcftools", "index", "-t", out])
d = f"{direct}/{PAIR}"
with open(f"{d}.callable.bed", "w") as joined:
    for bed in shards:
        joined.write(open(f"{bed[:-4]}.callable.bed").read())
run([binary("somatic-cnv"), "run", "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
     "--reference", ref, "--germline-hets", f"{d}.hets.vcf.gz", "--somatic-vcf", f"{d}.snv.vcf.gz",
     "--threads", "1", "--sample", PAIR,
     "--summary", f"{d}.cnv.summary.tsv", "--seg", f"{d}.cnv.seg", "-o", f"{d}.cnv.bed"])
run([binary("somatic-msi"), "scan", "--reference", ref, "--threads", "1", "-o", f"{direct}/ref.msi.sites.bed"])
run([binary("somatic-msi"), "call", "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam", "--reference",
     ref, "--sites", f"{direct}/ref.msi.sites.bed", "--threads", "1", "--summary", f"{d}.msi.summary.tsv",
     "-o", f"{d}.msi.tsv"])
run([binary("somatic-sig"), "catalogue", "--reference", ref, "--sample-names", PAIR, "-o", f"{d}.sbs96.tsv",
     f"{d}.snv.vcf.gz"])
run([binary("somatic-sig"), "fit", "--signatures", signatures, "--threads", "1", "-o", f"{d}.exposures.tsv",
     f"{d}.sbs96.tsv"])

with open(f"{work}/job.yml", "w") as f:
    f.write(f"sample: {PAIR}\nshards: {SHARDS}\n")
    for key, path in (("tumour", f"{pair}/tumour.bam"), ("normal", f"{pair}/normal.bam"), ("reference", ref),
                      ("signatures", signatures)):
        f.write(f"{key}: {{class: File, path: {path}}}\n")
outdir = f"{work}/{RUNNER}"
args = [COMMAND, "--outdir", outdir]
if RUNNER == "toil":
    os.makedirs(f"{work}/toil-work")
    args += ["--batchSystem", "single_machine", "--jobStore", f"file:{work}/toil-jobstore",
             "--workDir", f"{work}/toil-work", "--maxCores", "2"]
start = time.time()
r = subprocess.run(args + [f"{CWL}/somatic-pair.cwl", f"{work}/job.yml"], env=env, capture_output=True, text=True,
                   cwd=work)
seconds = time.time() - start
check(r.returncode == 0, f"{COMMAND} runs the pair workflow ({seconds:.1f} s){'' if r.returncode == 0 else r.stderr[-3000:]}")
if r.returncode == 0:
    # The report names its inputs by the paths the runner staged them under:
    # checked for its facts below, not byte for byte.
    reports = [f"{PAIR}.report.html", f"{PAIR}.report.json"]
    files = result_files(direct)
    check(len(files) == 11 and result_files(outdir) == sorted(files + reports),
          f"the workflow's outputs are the direct run's {files} and the report")
    for name in reports:
        os.rename(f"{outdir}/{name}", f"{work}/{name}")
    problems = differences(direct, outdir, COMMAND_LINES)
    check(not problems, f"{RUNNER}'s outputs equal the direct run's, but for their command lines ({problems})")
    check(all(os.path.exists(f"{outdir}/{PAIR}.{k}.vcf.gz.tbi") for k in ("snv", "hets")), "the VCFs are indexed")
    import json
    facts = json.load(open(f"{work}/{PAIR}.report.json"))
    msi = dict(zip(*[l.rstrip("\n").split("\t") for l in open(f"{d}.msi.summary.tsv")][:2]))
    cnv = dict(zip(*[l.rstrip("\n").split("\t") for l in open(f"{d}.cnv.summary.tsv")][:2]))
    got = facts["biomarkers"]
    check(got["msi"]["status"] == msi["msi_status"] and got["msi"]["sites_tested"] == int(msi["sites_tested"]),
          f"the report's MSI is somatic-msi's ({got['msi']['status']} over {got['msi']['sites_tested']} sites)")
    want = {k: None if cnv[f"hrd_{k}"] == "NA" else int(cnv[f"hrd_{k}"]) for k in ("loh", "tai", "lst", "sum")}
    check({k: got["hrd"][k] for k in want} == want, f"the report's HRD is somatic-cnv's ({want})")
    # TMB: the PASS calls over the gathered callable territory, counted here.
    passed = sum(l.split("\t")[6] == "PASS" for l in gzip.open(f"{d}.snv.vcf.gz", "rt") if not l.startswith("#"))
    bp = sum(int(l.split("\t")[2]) - int(l.split("\t")[1]) for l in open(f"{d}.callable.bed"))
    tmb = got["tmb"]["all"]["per_mb"] if got.get("tmb") else None
    check(bp > 0 and tmb is not None and abs(tmb - passed / (bp / 1e6)) < 1e-6,
          f"the report's TMB is {passed} PASS calls / {bp / 1e6} Mb ({tmb})")
print(f"{RUNNER}: {seconds:.1f} s")
if not FAILURES:
    shutil.rmtree(work, ignore_errors=True)
finish()
