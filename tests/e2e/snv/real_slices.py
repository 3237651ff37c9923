"""somatic-snv on real tumour/normal slices: reads only in windows of a real
chromosome (VarDictJava's test pairs, an N-padded reference with the real
sequence at the true coordinates). Optional: the data sit beside the project
(../shared/data/somatic_bam, or $SOMATIC_SHARED_DATA/somatic_bam); the test
skips when they are absent.

Before HighDepth judged a site by the normal's depth where it has reads,
every call on such a slice was HighDepth. Now not every call is, and no call
whose normal depth is ordinary (at most twice ##normal_typical_depth) is.
"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import binary, check, finish, read_vcf, run, scratch

source = os.environ.get("SOMATIC_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
shared = os.environ.get("SOMATIC_SHARED_DATA", os.path.join(source, "..", "shared", "data"))
data = os.path.join(shared, "somatic_bam", "vardict_pairs")
pairs = [
    ("threeIndels_chr20", "threeIndels_zero_deletion_tumor.bam", "threeIndels_zero_deletion_normal.bam",
     "GRCh37_20_Npadded_slices.fa.gz"),
    ("hcc2218_chrX", "HCC2218_C_realigins.bam", "HCC2218_BL_realigins.bam", "hg19_chrX_Npadded_slices.fa.gz"),
]
present = [p for p in pairs if all(os.path.exists(os.path.join(data, p[0], f)) for f in p[1:])]
if not present:
    print("SKIP: the real slices are not beside the project")
    sys.exit(77)  # meson's skip code

out = scratch()
total = 0
for name, tumour, normal, reference in present:
    d = os.path.join(data, name)
    path = f"{out}/{name}.vcf"
    run([binary("somatic-snv"), "--tumour", f"{d}/{tumour}", "--normal", f"{d}/{normal}",
         "--reference", f"{d}/{reference}", "--tumour-name", "T", "--normal-name", "N", "--threads", "2",
         "--min-report-qss", "0", "-o", path])
    calls, header = read_vcf(path)
    typical = float(next(h.split("=")[1] for h in header if h.startswith("##normal_typical_depth=")))
    check(typical >= 10, f"{name}: the normal's typical depth is that of its windows ({typical})")
    if not calls:
        continue
    total += len(calls)
    check(not all("HighDepth" in c["filter"] for c in calls),
          f"{name}: not every call is HighDepth ({len(calls)} calls)")
    ordinary = [c for c in calls if int(c["samples"][0]["DP"]) <= 2 * typical]
    wrongly = [(c["pos"], c["samples"][0]["DP"]) for c in ordinary if "HighDepth" in c["filter"]]
    check(not wrongly, f"{name}: no call at ordinary normal depth is HighDepth ({len(ordinary)} such; {wrongly[:5]})")
check(total > 0, f"the slices give calls to judge ({total})")
finish()
