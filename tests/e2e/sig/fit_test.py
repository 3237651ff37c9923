"""somatic-sig fit: VCF and catalogue give the same exposures; fractions,
bootstrap reproducibility across threads, the SVG, a zero-mutation sample."""
import os
import sys
import tempfile
import xml.dom.minidom

sys.path.insert(0, os.path.dirname(__file__))
from common import SIG, check, read_table, run  # noqa: E402

ref = os.path.join(SIG, "ref.fa")
vcf = os.path.join(SIG, "tumour.vcf")
sigs = os.path.join(SIG, "signatures.tsv")
with tempfile.TemporaryDirectory() as tmp:
    cat = os.path.join(tmp, "cat.tsv")
    run("catalogue", "-f", ref, "-o", cat, vcf)
    from_cat = run("fit", "-s", sigs, cat).stdout
    from_vcf = run("fit", "-s", sigs, "-f", ref, vcf).stdout
    check(from_cat == from_vcf, "fit from the VCF differs from fit from its catalogue")
    header, rows = read_table(from_cat)
    check(header == ["Sample", "SIG_A", "SIG_B", "SIG_C", "Mutations", "Cosine", "Unexplained", "ExpectedUnexplained"], f"header {header}")
    row = dict(zip(header[1:], rows["TUMOUR_1"]))
    # The catalogue's own total (its counts are checked in catalogue_test):
    # the fixture's 400 SNVs less those merged into doublets.
    n = sum(int(v[0]) for v in read_table(open(cat).read())[1].values())
    check(300 < n < 400 and float(row["Mutations"]) == n, f"{n} mutations")
    total = sum(float(row[s]) for s in ("SIG_A", "SIG_B", "SIG_C"))
    check(abs(total - n) < 0.01, f"exposures sum to {total}, not to the {n} mutations")
    check(0 < float(row["Cosine"]) <= 1 and 0 <= float(row["Unexplained"]) <= 1, "summary columns in range")
    # Random SNVs are closest to the flat SIG_C.
    check(float(row["SIG_C"]) > 200, f"SIG_C should dominate: {row}")
    fr = dict(zip(header[1:], read_table(run("fit", "-s", sigs, "--fractions", cat).stdout)[1]["TUMOUR_1"]))
    check(abs(sum(float(fr[s]) for s in ("SIG_A", "SIG_B", "SIG_C")) - 1) < 1e-4, "fractions sum to 1")

    # Bootstrap: the same bytes at 1 and 4 threads; another seed differs.
    cohort = os.path.join(tmp, "cohort.tsv")
    # Eight samples mixing the three signatures (expected counts, rounded)
    # on top of the random SNVs, and one without mutations.
    h, r = read_table(open(cat).read())
    sh, srows = read_table(open(sigs).read())
    with open(cohort, "w") as f:
        f.write("MutationType\t" + "\t".join(f"s{i}" for i in range(8)) + "\tempty\n")
        for ch, v in r.items():
            p = [float(x) for x in srows[ch]]
            vals = [int(v[0]) + round((100 + 150 * i) * (0.5 * p[0] + 0.3 * p[1] + 0.2 * p[2])) for i in range(8)]
            f.write(ch + "\t" + "\t".join(map(str, vals)) + "\t0\n")
    args = ["fit", "-s", sigs, "--bootstrap", "50", "--seed", "3", cohort]
    b1 = run(*args, "-t", "1")
    b4 = run(*args, "-t", "4")
    check(b1.stdout == b4.stdout, "bootstrap output differs between 1 and 4 threads")
    check(run("fit", "-s", sigs, "--bootstrap", "50", "--seed", "4", cohort).stdout != b1.stdout, "seed has no effect")
    bh, brows = read_table(b1.stdout)
    check("SIG_A_low" in bh and "SIG_C_high" in bh, "bootstrap columns")
    empty = dict(zip(bh[1:], brows["empty"]))
    check(empty["SIG_A"] == "0" and empty["Mutations"] == "0" and empty["Cosine"] == "NA", f"zero-mutation row {empty}")
    check("sample empty has no mutations" in b1.stderr, "a zero-mutation sample must be warned about: " + b1.stderr)
    for s, v in brows.items():
        if s == "empty":
            continue
        d = dict(zip(bh[1:], v))
        for sig in ("SIG_A", "SIG_B", "SIG_C"):
            check(float(d[sig + "_low"]) <= float(d[sig + "_high"]), f"{s} {sig} interval")
    long = os.path.join(tmp, "boot.tsv")
    plot = os.path.join(tmp, "fit.svg")
    run("fit", "-s", sigs, "--bootstrap", "20", "--bootstrap-out", long, "--plot", plot, cohort)
    lh, _ = read_table(open(long).read())
    check(lh == ["Sample", "Signature", "Exposure", "Low", "High", "Presence"], f"bootstrap table header {lh}")
    check(len(open(long).read().strip().split("\n")) == 1 + 9 * 3, "one row per sample and signature")
    doc = xml.dom.minidom.parse(plot)  # well-formed
    check(len(doc.getElementsByTagName("rect")) > 9 * 96, "the SVG draws 96 bars per sample")
    # nnls, --only, --exclude
    h2, _ = read_table(run("fit", "-s", sigs, "--only", "SIG_A,SIG_C", cat).stdout)
    check(h2[1:3] == ["SIG_A", "SIG_C"] and "SIG_B" not in h2, "--only")
    h3, _ = read_table(run("fit", "-s", sigs, "--exclude", "SIG_A", "--method", "nnls", cat).stdout)
    check("SIG_A" not in h3, "--exclude")
print("ok")
