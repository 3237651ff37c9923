"""somatic-sig extract on a synthetic cohort: 60 samples x 2,000 mutations,
multinomial draws from mixtures of four COSMIC signatures (SBS1, SBS2, SBS5,
SBS13 of testdata/signatures) with gamma-distributed shares. Extraction must
choose K = 4 and find each source signature again with cosine >= 0.95 (the
cosines are computed here from the tables, not taken from the report); the
result is the same at 1 and 2 threads; the exposures add up to each
sample's mutations."""
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import CHANNELS, TESTDATA, check, mixture_cohort, read_table, run  # noqa: E402

SOURCES = ["SBS1", "SBS2", "SBS5", "SBS13"]
sigs_path = os.path.join(TESTDATA, "signatures", "cosmic_v3.2_subset.tsv")


def cosine(a, b):
    return sum(x * y for x, y in zip(a, b)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


samples, mutations = 60, 2000
with tempfile.TemporaryDirectory() as tmp:
    cat = os.path.join(tmp, "cohort.tsv")
    ref = mixture_cohort(cat, sigs_path, SOURCES, samples, mutations, seed=5)
    out, report, expo = (os.path.join(tmp, n) for n in ("sigs.tsv", "report.tsv", "exposures.tsv"))
    run("extract", "--min-k", "1", "--max-k", "6", "--restarts", "10", "--seed", "2", "-t", "2",
        "-s", sigs_path, "--report", report, "--exposures", expo, "-o", out, cat)

    ktable, sigtable = open(report).read().split("\n\n")
    kh, krows = read_table(ktable)
    chosen = [k for k, v in krows.items() if v[kh.index("Chosen") - 1] == "yes"]
    check(chosen == ["4"], f"extract should choose K = 4, chose {chosen}:\n{ktable}")

    eh, erows = read_table(open(out).read())
    check(eh[0] == "Type" and list(erows) == CHANNELS, "signature table: Type column, 96 channels in COSMIC order")
    check(eh[1:] == ["SBS96A", "SBS96B", "SBS96C", "SBS96D"], f"signature names {eh[1:]}")
    extracted = {n: [float(erows[ch][j]) for ch in CHANNELS] for j, n in enumerate(eh[1:])}
    for n, v in extracted.items():
        check(abs(sum(v) - 1) < 1e-6, f"{n} sums to {sum(v)}")
    # Each source has its own extracted signature (a one-to-one match).
    best = {s: max(extracted, key=lambda n: cosine(extracted[n], ref[s])) for s in SOURCES}
    check(len(set(best.values())) == 4, f"two sources matched the same extracted signature: {best}")
    for s, n in best.items():
        c = cosine(extracted[n], ref[s])
        check(c >= 0.95, f"{s}: best extracted signature {n} has cosine {c:.3f} < 0.95")
    sh, srows = read_table(sigtable)
    for s, n in best.items():
        check(srows[n][sh.index("Nearest") - 1] == s, f"report names {srows[n]} as nearest to {n}, not {s}")

    xh, xrows = read_table(open(expo).read())
    check(len(xrows) == samples and xh[1:5] == eh[1:], f"exposures table {xh}")
    for sample, v in xrows.items():
        total = sum(float(x) for x in v[:4])
        check(abs(total - mutations) < 0.5, f"{sample}: exposures sum to {total}, not {mutations}")

    # The same bytes at 1 and 2 threads (one K, few restarts, to stay quick).
    small = ["extract", "--min-k", "3", "--max-k", "4", "--restarts", "4", cat]
    check(run(*small, "-t", "1").stdout == run(*small, "-t", "2").stdout, "extract differs between 1 and 2 threads")
    # A K range the cohort cannot support is a usage error.
    r = run("extract", "--max-k", "60", cat, check=False)
    check(r.returncode == 2 and "too large for 60 samples" in r.stderr, r.stderr)
print("ok")
