"""testdata/pair1: the catalogue of truth.snv.vcf.gz equals its INFO/CHANNEL
counts, and the fit against testdata/signatures/cosmic_v3.2_subset.tsv
recovers the true exposures (250 SNVs: SBS1 49, SBS5 126, SBS13 75) within
a stated tolerance: each within 15 mutations, no other signature above 10,
and each truth inside its 95% bootstrap interval."""
import gzip
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import SKIP, TESTDATA, check, read_table, run  # noqa: E402

pair = os.path.join(TESTDATA, "pair1")
sigs = os.path.join(TESTDATA, "signatures", "cosmic_v3.2_subset.tsv")
vcf = os.path.join(pair, "truth.snv.vcf.gz")
if not all(os.path.exists(p) for p in (vcf, sigs, os.path.join(pair, "ref.fa"), os.path.join(pair, "truth.exposures.tsv"))):
    print("skipped: testdata/pair1 is not there")
    sys.exit(SKIP)

truth_channels = {}
for line in gzip.open(vcf, "rt"):
    if line.startswith("#"):
        continue
    f = line.split("\t")
    if f[6] != "PASS":
        continue
    info = dict(kv.split("=", 1) for kv in f[7].split(";") if "=" in kv)
    truth_channels[info["CHANNEL"]] = truth_channels.get(info["CHANNEL"], 0) + 1
out = run("catalogue", "-f", os.path.join(pair, "ref.fa"), vcf).stdout
_, rows = read_table(out)
got = {k: int(v[0]) for k, v in rows.items() if int(v[0])}
check(got == truth_channels, f"catalogue differs from INFO/CHANNEL: {set(got.items()) ^ set(truth_channels.items())}")

truth = {}
for line in open(os.path.join(pair, "truth.exposures.tsv")).readlines()[1:]:
    name, count, _ = line.split("\t")
    truth[name] = float(count)
fit = run("fit", "-s", sigs, "-f", os.path.join(pair, "ref.fa"), "--bootstrap", "200", "--seed", "1", vcf).stdout
header, rows = read_table(fit)
row = dict(zip(header[1:], next(iter(rows.values()))))
for sig in header[1:header.index("Mutations")]:
    est = float(row[sig])
    want = truth.get(sig, 0.0)
    if want:
        check(abs(est - want) <= 15, f"{sig}: {est:.1f} vs truth {want}")
        check(float(row[sig + "_low"]) <= want <= float(row[sig + "_high"]),
              f"{sig}: truth {want} outside [{row[sig + '_low']}, {row[sig + '_high']}]")
    else:
        check(est <= 10, f"{sig} is absent from the truth but got {est:.1f}")
# 250 mutations over 96 channels: most of Unexplained is sampling noise, so
# it must sit near its expectation under the fitted reconstruction.
unexplained, expected = float(row["Unexplained"]), float(row["ExpectedUnexplained"])
check(0.15 < expected < 0.3, f"ExpectedUnexplained {expected} for 250 mutations")
check(abs(unexplained - expected) < 0.05, f"Unexplained {unexplained} is far from its noise level {expected}")
print("ok:", {s: row[s] for s in truth})
