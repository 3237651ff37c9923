"""somatic-sig catalogue --type id83|dbs78|all on testdata/sig/indels.vcf, a
hand-laid contig (indels.fa) with one record per case; the expected
channels are worked out by hand below, not taken from the program. Then
fit on ID83 with hand-made signatures, the --plot layout, and the error for
signatures of another type."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import CHANNELS, SIG, check, read_table, run  # noqa: E402

ref = os.path.join(SIG, "indels.fa")
vcf = os.path.join(SIG, "indels.vcf")

# indels.fa, chrI (1-based):
#   9 A, 10-14 TTTTT, 15 G      9 AT>A deletes one T; 4 follow           -> 1:Del:T:4
#  23 G, 24-29 CACACA, 30 T     23 G>GCA inserts CA; CA x3 follow        -> 2:Ins:R:3
#                               24 C>CA is LowQual: not counted
#  38 T, 39-41 ACG, 42-43 AC    38 TACG>T deletes ACG; ACT follows: no
#                               repeat, AC = 2 bp microhomology          -> 3:Del:M:2
#  54 C, 55 A                   54 C>CG inserts G (a C); no G follows    -> 1:Ins:C:0
#  80 C, 81-88 A x8             80 CA>C deletes one A (a T); 7 follow,
#                               5+                                       -> 1:Del:T:5
#  96 A, 97-100 CCCC, 101 G     99 CC>C deletes one C, written at the
#                               run's end; left-aligned to 96 AC>A
#                               (bcftools norm agrees); 3 follow         -> 1:Del:C:3
# 109 CG>T                      bases removed and added: complex, skipped
ID83 = {"1:Del:T:4": 1, "2:Ins:R:3": 1, "3:Del:M:2": 1, "1:Ins:C:0": 1, "1:Del:T:5": 1, "1:Del:C:3": 1}
#  63 CC>TT (an MNV record)                                              -> CC>TT
#  72 G>A, 73 G>A: adjacent SNVs, one doublet GG>AA, on the other strand -> CC>TT
# 120 CGT>TAC: a 3-base MNV, not a doublet: skipped
DBS78 = {"CC>TT": 2}
# 131 C>A in A C A: the only SNV standing alone                          -> A[C>A]A
SBS96 = {"A[C>A]A": 1}
# --mnv split: also 63 C>T (A C C) A[C>T]C, 64 C>T (C C A) C[C>T]A,
# 72 G>A (T G G: other strand C[C>T]A), 73 G>A (G G A: T[C>T]C),
# 120 C>T (A C G) A[C>T]G, 121 G>A (C G T: A[C>T]G), 122 T>C (G T A) G[T>C]A.
SBS96_SPLIT = {"A[C>A]A": 1, "A[C>T]C": 1, "C[C>T]A": 2, "T[C>T]C": 1, "A[C>T]G": 2, "G[T>C]A": 1}


def counts(text):
    header, rows = read_table(text)
    check(header == ["MutationType", "TUMOUR_ID"], f"header {header}")
    return list(rows), {k: int(v[0]) for k, v in rows.items() if int(v[0])}


names, got = counts(run("catalogue", "--type", "id83", "-f", ref, vcf).stdout)
check(len(names) == 83 and names[0] == "1:Del:C:0" and names[-1] == "5:Del:M:5", "ID83 rows in COSMIC order")
check(got == ID83, f"ID83 {got} != {ID83}")
names, got = counts(run("catalogue", "--type", "dbs78", "-f", ref, vcf).stdout)
check(len(names) == 78 and names[0] == "AC>CA" and names[-1] == "TT>GG", "DBS78 rows in COSMIC order")
check(got == DBS78, f"DBS78 {got} != {DBS78}")
names, got = counts(run("catalogue", "-f", ref, vcf).stdout)
check(names == CHANNELS and got == SBS96, f"SBS96 {got} != {SBS96}")
names, got = counts(run("catalogue", "--mnv", "split", "-f", ref, vcf).stdout)
check(got == SBS96_SPLIT, f"SBS96 with --mnv split {got} != {SBS96_SPLIT}")
# The SNVs at 72 and 73 are missing from SBS96, unlike an older catalogue's:
# the log says so without -v, once even with --type all.
r = run("catalogue", "-f", ref, vcf)
check("2 SNV records at adjacent positions taken as 1 doublet (as SigProfiler does), not as SBS96 SNVs" in r.stderr, r.stderr)
with tempfile.TemporaryDirectory() as tmp:
    r = run("catalogue", "--type", "all", "-v", "-f", ref, "-o", os.path.join(tmp, "c"), vcf)
    check(r.stderr.count("taken as 1 doublet") == 1 and r.stderr.count("doublets counted from") == 1, r.stderr)
r = run("catalogue", "--type", "id83", "-f", ref, vcf)
check("adjacent" not in r.stderr, r.stderr)

# A header declaring INFO/MNV (a caller that phases doublets itself, as
# somatic-snv): the adjacent SNVs at 72 and 73 stay two SNVs (72 G>A in
# T G G: C[C>T]A; 73 G>A in G G A: T[C>T]C); --adjacent merge overrides.
with tempfile.TemporaryDirectory() as tmp:
    phased = os.path.join(tmp, "phased.vcf")
    text = open(vcf).read()
    open(phased, "w").write(text.replace("##tumor_sample", '##INFO=<ID=MNV,Number=0,Type=Flag,Description="MNV">\n##tumor_sample'))
    _, got = counts(run("catalogue", "--type", "dbs78", "-f", ref, phased).stdout)
    check(got == {"CC>TT": 1}, f"phased DBS78 {got}")
    _, got = counts(run("catalogue", "-f", ref, phased).stdout)
    check(got == {"A[C>A]A": 1, "C[C>T]A": 1, "T[C>T]C": 1}, f"phased SBS96 {got}")
    _, got = counts(run("catalogue", "--type", "dbs78", "--adjacent", "merge", "-f", ref, phased).stdout)
    check(got == DBS78, f"--adjacent merge {got}")

# The normalisation agrees with bcftools norm: it moves exactly the record at 99.
if shutil.which("bcftools"):
    norm = subprocess.run(["bcftools", "norm", "-f", ref, vcf], check=True, capture_output=True, text=True).stdout
    moved = {l.split("\t")[1] for l in norm.splitlines() if not l.startswith("#")} - \
        {l.split("\t")[1] for l in open(vcf) if not l.startswith("#")}
    check(moved == {"96"}, f"bcftools norm moves {moved}")

with tempfile.TemporaryDirectory() as tmp:
    # --type all: the three files, the same bytes as one type at a time.
    prefix = os.path.join(tmp, "cat")
    run("catalogue", "--type", "all", "-f", ref, "-o", prefix, vcf)
    for t, label in (("sbs96", "SBS96"), ("id83", "ID83"), ("dbs78", "DBS78")):
        one = run("catalogue", "--type", t, "-f", ref, vcf).stdout
        check(open(f"{prefix}.{label}.tsv").read() == one, f"--type all's {label} differs from --type {t}")
    r = run("catalogue", "--type", "all", "-f", ref, vcf, check=False)
    check(r.returncode == 2 and "-o must be a file prefix" in r.stderr, r.stderr)
    r = run("catalogue", "--type", "id83", prefix + ".SBS96.tsv", check=False)
    check(r.returncode == 1 and "is an SBS96 catalogue, but the catalogue being built is ID83" in r.stderr, r.stderr)

    # Hand-made ID83 signatures: IDX all on 1 bp deletions (channels 0-11),
    # IDY all on the rest. The VCF's 6 indels: 3 are 1 bp deletions, so
    # fit (VCF counted into ID83 because the signatures are ID83) gives 3 and 3.
    sigs = os.path.join(tmp, "id_sigs.tsv")
    with open(sigs, "w") as f:
        f.write("Type\tIDX\tIDY\n")
        for i, n in enumerate(counts(run("catalogue", "--type", "id83", "-f", ref, vcf).stdout)[0]):
            f.write(f"{n}\t{1 / 12 if i < 12 else 0}\t{0 if i < 12 else 1 / 71}\n")
    plot = os.path.join(tmp, "id.svg")
    h, rows = read_table(run("fit", "-s", sigs, "--plot", plot, "-f", ref, vcf).stdout)
    row = dict(zip(h[1:], rows["TUMOUR_ID"]))
    check(float(row["Mutations"]) == 6 and abs(float(row["IDX"]) - 3) < 0.01 and abs(float(row["IDY"]) - 3) < 0.01, f"fit {row}")
    svg = open(plot).read()
    for band in ("1bp Deletion", "1bp Insertion", "&gt;1bp Deletion at Repeats", "Microhomology", "6 indels"):
        check(band in svg, f"the ID83 plot lacks '{band}'")
    check(svg.count("<rect") >= 83 + 16, "83 bars and 16 block bands")
    # DBS78: two hand-made signatures, CC>TT alone and flat over the rest;
    # the 2 doublets are both CC>TT. The plot has COSMIC's ten REF blocks.
    dsigs = os.path.join(tmp, "dbs_sigs.tsv")
    dnames = counts(run("catalogue", "--type", "dbs78", "-f", ref, vcf).stdout)[0]
    with open(dsigs, "w") as f:
        f.write("Type\tDBSX\tDBSY\n")
        for n in dnames:
            f.write(f"{n}\t{1 if n == 'CC>TT' else 0}\t{0 if n == 'CC>TT' else 1 / 77}\n")
    dplot = os.path.join(tmp, "dbs.svg")
    h, rows = read_table(run("fit", "-s", dsigs, "--plot", dplot, "-f", ref, vcf).stdout)
    row = dict(zip(h[1:], rows["TUMOUR_ID"]))
    check(float(row["Mutations"]) == 2 and abs(float(row["DBSX"]) - 2) < 0.01, f"DBS fit {row}")
    svg = open(dplot).read()
    blocks = [g + "&gt;NN" for g in ("AC", "AT", "CC", "CG", "CT", "GC", "TA", "TC", "TG", "TT")]
    check(all(b in svg for b in blocks) and "2 doublets" in svg, "the DBS78 plot's ten blocks")
    # SBS96 signatures against --type id83: one line naming both files.
    r = run("fit", "-s", os.path.join(SIG, "signatures.tsv"), "--type", "id83", "-f", ref, vcf, check=False)
    check(r.returncode == 1 and "signatures.tsv: has SBS96 channels, but the catalogue of " + vcf + " is ID83" in r.stderr
          and r.stderr.count("\n") == 1, r.stderr)

    # COSMIC's own ID and DBS tables, when ../shared has them: the rows match.
    shared = os.environ.get("SOMATIC_SHARED_DATA") or os.path.join(SIG, "..", "..", "..", "shared", "data")
    for table in ("COSMIC_v3.4_ID_GRCh37.txt", "COSMIC_v3.4_DBS_GRCh37.txt"):
        path = os.path.join(shared, "signatures", table)
        if not os.path.exists(path):
            print(f"skipped the {table} part: ../shared is absent")
            continue
        h, _ = read_table(run("fit", "-s", path, "-f", ref, vcf).stdout)
        check(h[0] == "Sample" and h[1] in ("ID1", "DBS1"), f"fit with {table}: {h[:3]}")
print("ok")
