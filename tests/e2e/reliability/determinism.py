#!/usr/bin/python3
"""The same input gives the same bytes at 1, 2 and 8 threads and on a
repeated run, for every tool and subcommand that writes results:

  somatic-snv            calls of pair1; also with 1 kb chunks (hundreds of
                         chunk boundaries, each invisible in the output), and
                         per-region runs concatenated equal the whole run
                         (which reads pair1 once and weighs the prior's
                         sample again; the per-region runs read it twice)
  somatic-pon            a panel of pair1's samples, in small chunks
  somatic-cnv run        segments of pair1 (bins, BAF, segmentation, fit)
  somatic-cnv bins       the read counts of pair1's tumour
  somatic-cnv segment    the segmentation of a log2 table made from them
  somatic-sig catalogue  the SBS96 catalogue of somatic-snv's calls
  somatic-sig fit        exposures of those calls to the COSMIC subset,
                         with 200 bootstrap replicates, seed 7;
                         another seed must give other intervals (else the
                         seed would not be reaching the bootstrap); and a
                         24-sample cohort with --cohort-prior
  somatic-sig extract    the same cohort's signatures, K 1-3, 4 restarts
  somatic-msi scan       pair1's microsatellites
  somatic-msi call       their tests in pair1's tumour and normal

More threads than the machine has cores (8) still exercise the ordered
pipeline: chunks finish out of order whatever the core count."""
import os
import shutil
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, run, scratch
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "sig"))
from common import mixture_cohort  # noqa: E402

pair = os.path.join(TESTDATA, "pair1")
ref = f"{pair}/ref.fa"
out = scratch()
THREADS = ("1", "2", "8")


def same_at_all_threads(name, argv, output=None):
    """Runs argv at each thread count and once more at 1; returns the output
    of the first run. `output` names a file argv writes, else stdout counts."""
    results = []
    for t in THREADS + ("1",):
        r = run(argv + ["--threads", t])
        results.append(open(output, "rb").read() if output else r.stdout.encode())
    check(len(results[0]) > 0, f"{name}: the reference run writes output")
    for t, got in zip(THREADS[1:], results[1:]):
        check(got == results[0], f"{name}: --threads {t} gives the same bytes as 1")
    check(results[-1] == results[0], f"{name}: a repeated run gives the same bytes")
    return results[0].decode("latin-1")


# somatic-snv
snv = [binary("somatic-snv"), "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
       "--reference", ref, "--no-version"]
calls = same_at_all_threads("somatic-snv", snv)
check(calls.count("\n") > 100, "somatic-snv: the reference run writes records")
# With estimated priors a genome as small as pair1 is read once, in the
# estimate's own chunks, whatever --chunk-size says; given priors make the
# run use --chunk-size.
fixed = snv + ["--somatic-prior", "1e-6", "--orientation-artefact-rate", "1e-3", "--strand-artefact-rate", "1e-3",
               "--shared-prior", "1e-8"]
check(run(fixed + ["--threads", "8", "--chunk-size", "1000"]).stdout == run(fixed + ["--threads", "1"]).stdout,
      "somatic-snv: 1 kb chunks at 8 threads give the same bytes as the default chunks at 1")
body = lambda text: [l for l in text.splitlines() if not l.startswith("#")]
pieces = []
for region in ("chr1:1-50000", "chr1:50001-120000", "chr2"):
    pieces += body(run(snv + ["-r", region]).stdout)
check(pieces == body(calls), "somatic-snv: per-region runs concatenated equal the whole-genome run")
# A bgzipped file with its index: the same compressed bytes too.
gz = f"{out}/calls.vcf.gz"
same_at_all_threads("somatic-snv -o calls.vcf.gz", snv + ["-o", gz], output=gz)

# somatic-pon: pair1's two samples as "normals", in 20 kb chunks (a dozen chunks in
# flight at 8 threads).
pon = [binary("somatic-pon"), "-f", f"{pair}/ref.fa", "--no-version", "--chunk-size", "20000",
       f"{pair}/normal.bam", f"{pair}/tumour.bam"]
panel = same_at_all_threads("somatic-pon", pon)
check(panel.count("\n") > 100, "somatic-pon: the reference run writes records")

# somatic-cnv
cnv = binary("somatic-cnv")
same_at_all_threads("somatic-cnv run", [cnv, "run", "--tumour", f"{pair}/tumour.bam", "--normal", f"{pair}/normal.bam",
                                        "-f", ref, "--snp-sites", f"{pair}/germline.vcf.gz", "--no-version"])
bins = same_at_all_threads("somatic-cnv bins", [cnv, "bins", "-f", ref, "--no-version", f"{pair}/tumour.bam"])
with open(f"{out}/tumour.bins.tsv", "w") as f:
    f.write(bins)
normal_bins = run([cnv, "bins", "-f", ref, "--no-version", f"{pair}/normal.bam"]).stdout
with open(f"{out}/normal.bins.tsv", "w") as f:
    f.write(normal_bins)
run([cnv, "ratio", "--no-version", "-o", f"{out}/ratio.tsv", f"{out}/tumour.bins.tsv", f"{out}/normal.bins.tsv"])
same_at_all_threads("somatic-cnv segment", [cnv, "segment", "--no-version", f"{out}/ratio.tsv"])

# somatic-sig, on somatic-snv's calls
with open(f"{out}/calls.vcf", "w") as f:
    f.write(calls)
sig = binary("somatic-sig")
signatures = os.path.join(TESTDATA, "signatures", "cosmic_v3.2_subset.tsv")
same_at_all_threads("somatic-sig catalogue", [sig, "catalogue", "-f", ref, f"{out}/calls.vcf"])
fit = [sig, "fit", "-s", signatures, "-f", ref, f"{out}/calls.vcf", "--bootstrap", "200"]
seven = same_at_all_threads("somatic-sig fit --bootstrap 200 --seed 7", fit + ["--seed", "7"])
check(run(fit + ["--seed", "8"]).stdout != seven, "somatic-sig fit: another seed gives other bootstrap intervals")

# A cohort, for the steps that work across samples: the cohort prior's rounds
# and extract's restarts (run in parallel, gathered in order). 24 samples of
# 400 mutations drawn from all of the subset's signatures.
cohort = f"{out}/cohort.tsv"
mixture_cohort(cohort, signatures, ["SBS1", "SBS2", "SBS3", "SBS5", "SBS13", "SBS40"], 24, 400, seed=3)
same_at_all_threads("somatic-sig fit --cohort-prior", [sig, "fit", "-s", signatures, "--cohort-prior", "--no-version", cohort])
same_at_all_threads("somatic-sig extract", [sig, "extract", "--max-k", "3", "--restarts", "4", "--seed", "2",
                                            "-s", signatures, "--no-version", cohort])
# somatic-msi, on pair1's microsatellites
msi = binary("somatic-msi")
sites = same_at_all_threads("somatic-msi scan", [msi, "scan", "-f", ref])
with open(f"{out}/msi_sites.bed", "w") as f:
    f.write(sites)
same_at_all_threads("somatic-msi call", [msi, "call", "--tumour", f"{pair}/tumour.bam", "--normal",
                                         f"{pair}/normal.bam", "-f", ref, "--sites", f"{out}/msi_sites.bed",
                                         "--min-depth", "10"])
shutil.rmtree(out, ignore_errors=True)
finish()
