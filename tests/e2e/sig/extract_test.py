"""somatic-sig extract on a synthetic cohort: 60 samples x 2,000 mutations,
multinomial draws from mixtures of four COSMIC signatures (SBS1, SBS2, SBS5,
SBS13 of testdata/signatures) with gamma-distributed shares. Extraction must
choose K = 4 and find each source signature again with cosine >= 0.95 (the
cosines are computed here from the tables, not taken from the report); the
result is the same at 1 and 2 threads; the exposures add up to each
sample's mutations.

With SOMATIC_TEST_SMALL=1 (the sanitizer stage) the cohort is 16 samples x
300 mutations, K 1-3, 3 restarts: every code path runs, and the checks that
need the full cohort (K = 4 chosen, cosines) are left to the normal stage."""
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import CHANNELS, SMALL, TESTDATA, check, mixture_cohort, read_table, run  # noqa: E402

SOURCES = ["SBS1", "SBS2", "SBS5", "SBS13"]
sigs_path = os.path.join(TESTDATA, "signatures", "cosmic_v3.2_subset.tsv")


def cosine(a, b):
    return sum(x * y for x, y in zip(a, b)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


samples, mutations, max_k, restarts = (16, 300, 3, 3) if SMALL else (60, 2000, 6, 10)
with tempfile.TemporaryDirectory() as tmp:
    cat = os.path.join(tmp, "cohort.tsv")
    ref = mixture_cohort(cat, sigs_path, SOURCES, samples, mutations, seed=5)
    out, report, expo = (os.path.join(tmp, n) for n in ("sigs.tsv", "report.tsv", "exposures.tsv"))
    run("extract", "--min-k", "1", "--max-k", str(max_k), "--restarts", str(restarts), "--seed", "2", "-t", "2",
        "-s", sigs_path, "--report", report, "--exposures", expo, "-o", out, cat)

    ktable, sigtable = open(report).read().split("\n\n")
    kh, krows = read_table(ktable)
    chosen = [k for k, v in krows.items() if v[kh.index("Chosen") - 1] == "yes"]
    check(len(chosen) == 1 and 1 <= int(chosen[0]) <= max_k, f"extract should choose one K in 1-{max_k}:\n{ktable}")
    k = int(chosen[0])

    eh, erows = read_table(open(out).read())
    check(eh[0] == "Type" and list(erows) == CHANNELS, "signature table: Type column, 96 channels in COSMIC order")
    check(eh[1:] == ["SBS96" + chr(ord("A") + i) for i in range(k)], f"signature names {eh[1:]}")
    extracted = {n: [float(erows[ch][j]) for ch in CHANNELS] for j, n in enumerate(eh[1:])}
    for n, v in extracted.items():
        check(abs(sum(v) - 1) < 1e-6, f"{n} sums to {sum(v)}")
    if not SMALL:
        check(chosen == ["4"], f"extract should choose K = 4, chose {chosen}:\n{ktable}")
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
    check(len(xrows) == samples and xh[1:k + 1] == eh[1:], f"exposures table {xh}")
    for sample, v in xrows.items():
        total = sum(float(x) for x in v[:k])
        check(abs(total - mutations) < 0.5, f"{sample}: exposures sum to {total}, not {mutations}")

    # The same bytes at 1 and 2 threads (one K, few restarts, to stay quick).
    small = ["extract", "--min-k", "3", "--max-k", "4", "--restarts", "4", cat]
    check(run(*small, "-t", "1").stdout == run(*small, "-t", "2").stdout, "extract differs between 1 and 2 threads")
    # A K range the cohort cannot support is a usage error.
    r = run("extract", "--max-k", str(samples), cat, check=False)
    check(r.returncode == 2 and f"too large for {samples} samples" in r.stderr, r.stderr)
print("ok")
