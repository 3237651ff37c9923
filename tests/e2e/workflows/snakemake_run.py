"""The Snakemake workflow, run for real on testdata's pair1 and pair2 with 3
shards, gives what the tools give when run directly on each whole pair: the
same SNV and het-site records, the same copy-number segments and summary
(with its HRD columns), the same MSI summary, the same catalogues and
exposures; and a report per pair, whose MSI and HRD are those summaries',
and one for the cohort. Skipped (exit 77) when snakemake is missing."""
import csv
import gzip
import os
import shutil
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import FAILURES, TESTDATA, binary, built_version, check, finish, run, scratch

if not shutil.which("snakemake"):
    print("snakemake is not installed: skipped")
    sys.exit(77)

SOURCE = os.environ["SOMATIC_SOURCE_DIR"]
SHARDS = 3
PAIRS = ("pair1", "pair2")
SIGNATURES = f"{TESTDATA}/signatures/cosmic_v3.2_subset.tsv"
tools = ("somatic-scatter", "somatic-snv", "somatic-cnv", "somatic-msi", "somatic-sig", "somatic-report")
env = dict(os.environ)
env["PATH"] = os.pathsep.join([os.path.dirname(binary(t)) for t in tools] + [env.get("PATH", "")])

work = scratch()
results = f"{work}/results"
with open(f"{work}/samples.tsv", "w") as f:
    f.write("pair\ttumour\tnormal\treference\n")
    for p in PAIRS:
        f.write(f"{p}\t{TESTDATA}/{p}/tumour.bam\t{TESTDATA}/{p}/normal.bam\t{TESTDATA}/{p}/ref.fa\n")
with open(f"{work}/config.yaml", "w") as f:
    f.write(f"samples: {work}/samples.tsv\nsignatures: {SIGNATURES}\nshards: {SHARDS}\noutdir: {results}\n"
            # pair2's microsatellites have 10 to 20 reads: test them at 10.
            "threads: {snv: 1, cnv: 1, sig: 1}\nargs: {msi: '--min-depth 10'}\n")

snakemake = ["snakemake", "-s", f"{SOURCE}/workflows/snakemake/Snakefile", "--configfile", f"{work}/config.yaml",
             "--directory", work, "--cores", "2"]
start = time.time()
r = subprocess.run(snakemake, env=env, capture_output=True, text=True)
elapsed = time.time() - start
check(r.returncode == 0, f"snakemake runs the workflow ({elapsed:.1f} s){'' if r.returncode == 0 else r.stderr[-3000:]}")
if r.returncode != 0:
    finish()
again = subprocess.run(snakemake + ["--dry-run"], env=env, capture_output=True, text=True)
check("Nothing to be done" in again.stdout + again.stderr, "a second run has nothing to do")


def body(path):
    """The lines of a (gzipped) text file that are not headers."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        return [l for l in f if not l.startswith("#")]


def table(path):
    with open(path) as f:
        return list(csv.reader(f, delimiter="\t"))


direct = scratch()
for p in PAIRS:
    pair, out = f"{TESTDATA}/{p}", f"{results}/{p}"
    shards = sorted(x for x in os.listdir(f"{out}/shards"))
    check(shards == [f"shard_{i:04d}.bed" for i in range(1, SHARDS + 1)],
          f"{p}: {SHARDS} shard BED files, per-shard VCFs removed once gathered ({shards})")
    check(os.path.exists(f"{out}/{p}.snv.vcf.gz.tbi") and os.path.exists(f"{out}/{p}.hets.vcf.gz.tbi"),
          f"{p}: gathered VCFs are indexed")

    with gzip.open(f"{out}/{p}.snv.vcf.gz", "rt") as f:
        header = [l for l in f if l.startswith("##")]
    version = built_version()
    check(f"##source=somatic-snv {version}\n" in header and
          any(l.startswith("##somatic-snvCommand=somatic-snv ") and "--regions-file" in l for l in header),
          f"{p}: the gathered VCF names somatic-snv's version and a shard's command line")
    check(any(l.startswith("##commandline=somatic-cnv run ") for l in open(f"{out}/{p}.cnv.bed")),
          f"{p}: the segments' header has somatic-cnv's command line")
    # The tools directly on the whole pair, with the workflow's settings.
    ref, d = f"{pair}/ref.fa", f"{direct}/{p}"
    run([binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam", "--reference", ref,
         "--germline-hets", f"{d}.hets.vcf.gz", "-o", f"{d}.snv.vcf.gz"])
    for kind in ("snv", "hets"):
        expected = body(f"{d}.{kind}.vcf.gz")
        check(len(expected) > 30 and body(f"{out}/{p}.{kind}.vcf.gz") == expected,
              f"{p}: gathered {kind} VCF has the direct run's {len(expected)} records")
    run([binary("somatic-cnv"), "run", "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
         "--reference", ref, "--germline-hets", f"{d}.hets.vcf.gz", "--somatic-vcf", f"{d}.snv.vcf.gz",
         "--sample", p, "--summary", f"{d}.summary.tsv",
         "--seg", f"{d}.seg", "-o", f"{d}.cnv.bed"])
    segments = body(f"{d}.cnv.bed")
    check(len(segments) >= 2 and body(f"{out}/{p}.cnv.bed") == segments, f"{p}: the direct run's {len(segments)} segments")
    check(table(f"{out}/{p}.cnv.summary.tsv") == table(f"{d}.summary.tsv"), f"{p}: the direct run's purity and ploidy")
    check(body(f"{out}/{p}.cnv.seg") == body(f"{d}.seg"), f"{p}: the direct run's .seg file")
    run([binary("somatic-msi"), "scan", "--reference", ref, "-o", f"{d}.msi.sites.bed"])
    run([binary("somatic-msi"), "call", "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
         "--reference", ref, "--sites", f"{d}.msi.sites.bed", "--min-depth", "10", "-o", f"{d}.msi.tsv",
         "--summary", f"{d}.msi.summary.tsv"])
    msi = table(f"{d}.msi.summary.tsv")
    check(table(f"{out}/{p}.msi.summary.tsv") == msi and table(f"{out}/{p}.msi.tsv") == table(f"{d}.msi.tsv")
          and int(msi[1][0]) >= 3, f"{p}: the direct run's MSI summary ({msi[1]}) and per-site table")
    catalogue = run([binary("somatic-sig"), "catalogue", "--reference", ref, "--sample-names", p, f"{d}.snv.vcf.gz"]).stdout
    with open(f"{d}.sbs96.tsv", "w") as f:
        f.write(catalogue)
    check(table(f"{out}/{p}.sbs96.tsv") == table(f"{d}.sbs96.tsv"), f"{p}: the direct run's SBS96 catalogue")
    exposures = run([binary("somatic-sig"), "fit", "--signatures", SIGNATURES, "--reference", ref,
                     "--sample-names", p, f"{d}.snv.vcf.gz"]).stdout
    with open(f"{d}.exposures.tsv", "w") as f:
        f.write(exposures)
    check(table(f"{out}/{p}.exposures.tsv") == table(f"{d}.exposures.tsv"),
          f"{p}: the direct fit's exposures ({table(f'{d}.exposures.tsv')[1][:4]} ...)")

# The cohort: one catalogue column per pair, and one exposures row per pair,
# each the same as that pair's own.
cohort = table(f"{results}/cohort/cohort.sbs96.tsv")
check(cohort[0] == ["MutationType", *PAIRS] and len(cohort) == 97, "cohort catalogue: 96 channels x one column per pair")
for i, p in enumerate(PAIRS):
    own = table(f"{direct}/{p}.sbs96.tsv")
    check([[row[0], row[1 + i]] for row in cohort] == [[row[0], row[1]] for row in own],
          f"cohort catalogue column {p} is {p}'s catalogue")
rows = table(f"{results}/cohort/cohort.exposures.tsv")
check(rows == [table(f"{direct}/pair1.exposures.tsv")[0]] + [table(f"{direct}/{p}.exposures.tsv")[1] for p in PAIRS],
      "cohort exposures: one row per pair, the same as the pair's own fit")

# The reports: one per pair, with the pair's purity and its PASS calls over
# the gathered callable territory; the cohort's table has a row per pair.
import json  # noqa: E402
cohort_rows = table(f"{results}/cohort/cohort.report.tsv")
check([r[0] for r in cohort_rows] == ["sample", "TUMOUR", "TUMOUR"], f"cohort report: a row per pair ({cohort_rows})")
for i, p in enumerate(PAIRS):
    facts = json.load(open(f"{results}/{p}/{p}.report.json"))
    summary = table(f"{results}/{p}/{p}.cnv.summary.tsv")
    check(f"{facts['quality']['purity']:.2f}" == summary[1][0] == cohort_rows[1 + i][1],
          f"{p}: the report's purity is the summary's ({summary[1][0]})")
    calls = [l for l in gzip.open(f"{results}/{p}/{p}.snv.vcf.gz", "rt") if not l.startswith("#")]
    passed = sum(l.split("\t")[6] == "PASS" for l in calls)
    bp = sum(int(l.split("\t")[2]) - int(l.split("\t")[1]) for l in open(f"{results}/{p}/{p}.callable.bed"))
    tmb = facts["biomarkers"]["tmb"]["all"]["per_mb"]
    check(abs(tmb - passed / (bp / 1e6)) < 1e-6, f"{p}: TMB {tmb:.1f} = {passed} PASS calls / {bp / 1e6} Mb")
    check(os.path.getsize(f"{results}/{p}/{p}.report.html") > 10000, f"{p}: the HTML report")
    # MSI and HRD: the summaries' values (read by header name here), in the
    # report and the cohort's row.
    msi = dict(zip(*table(f"{results}/{p}/{p}.msi.summary.tsv")[:2]))
    got = facts["biomarkers"]["msi"]
    check(got["status"] == msi["msi_status"] and got["sites_tested"] == int(msi["sites_tested"])
          and got["sites_unstable"] == int(msi["sites_unstable"])
          and abs(got["percent_unstable"] - float(msi["percent_unstable"])) < 1e-9,
          f"{p}: the report's MSI is somatic-msi's ({got['status']}, {got['sites_unstable']} of {got['sites_tested']})")
    cnv = dict(zip(*summary[:2]))
    hrd = facts["biomarkers"]["hrd"]
    want = {k: None if cnv[f"hrd_{k}"] == "NA" else int(cnv[f"hrd_{k}"]) for k in ("loh", "tai", "lst", "sum")}
    check({k: hrd[k] for k in want} == want and hrd["fraction_genome_altered"] == float(cnv["fraction_genome_altered"])
          and all(k in hrd["not_measured"] for k, v in want.items() if v is None),
          f"{p}: the report's HRD is somatic-cnv's ({want}; NA ones say why)")
    row = dict(zip(cohort_rows[0], cohort_rows[1 + i]))
    check((row["msi_status"], row["hrd_sum"], row["hrd_loh"]) == (msi["msi_status"], cnv["hrd_sum"], cnv["hrd_loh"]),
          f"{p}: the cohort's MSI and HRD columns ({row['msi_status']}, {row['hrd_sum']}, {row['hrd_loh']})")

# Versions: every tool the workflow ran, at the version the build carries.
version = built_version()
lines = open(f"{results}/versions.yml").read().splitlines()
bcftools = run(["bcftools", "--version"]).stdout.splitlines()[0].split()[1]
check(lines == [f"{t}: {version}" for t in tools] + [f"bcftools: {bcftools}"], f"versions.yml lists the tools ({lines})")
if not FAILURES:  # a failed run's files stay for a look
    for d in (work, direct):
        shutil.rmtree(d, ignore_errors=True)
finish()
