"""A normal carrying low-fraction variants, given as both tumour and normal.

Real normals carry such variants: clonal haematopoiesis, mosaicism, a few per
cent of tumour cells. Here the normal is pair1's normal with a share of
pair1's tumour reads merged in (read group relabelled), so pair1's somatic
SNVs sit in it at a few per cent. The same BAM as tumour and as normal has
every variant at the same fraction in both: none is somatic, and there must
be no PASS call, with the priors estimated and with a hypermutator's somatic
prior (1e-4) fixed. (The shared prior must be the normal's: at its floor,
1e-8, two alt reads at the tumour's fraction in a 30x normal favour
"shared" by a likelihood ratio of only ~16, which a somatic prior 1e4 times
the shared one outweighs.) Two depths: ~35x (the 30x normal and 8%
of the 60x tumour: clonal SNVs at ~5%, 1-2 reads) and ~75x (the normal twice,
its second copy renamed, and 25% of the tumour: clonal SNVs at ~7%, 5 reads).
"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from e2e_lib import TESTDATA, binary, check, finish, read_vcf, run, scratch

pair = os.path.join(TESTDATA, "pair1")
out = scratch()


def relabelled(bam, fraction, seed, prefix, path):
    """`bam`'s reads (a `fraction` of them, or all), renamed with `prefix`,
    in the normal's read group, as a headerless-RG BAM at `path`."""
    keep = ["-s", f"{seed}{fraction}"] if fraction else []
    sam = run(["samtools", "view", "-h"] + keep + [bam]).stdout
    lines = []
    for line in sam.splitlines():
        if line.startswith("@"):
            if not line.startswith("@RG"):
                lines.append(line)
            continue
        f = line.split("\t")
        f[0] = prefix + f[0]
        lines.append("\t".join(x.replace("RG:Z:tumour", "RG:Z:normal") for x in f))
    run(["samtools", "view", "-b", "-o", path, "-"], input="\n".join(lines) + "\n")


def mixed(name, parts):
    path = f"{out}/{name}.bam"
    run(["samtools", "merge", "-f", "-c", "-o", path, f"{pair}/normal.bam"] + parts)
    run(["samtools", "index", path])
    return path


relabelled(f"{pair}/tumour.bam", ".08", 7, "", f"{out}/t08.bam")
relabelled(f"{pair}/tumour.bam", ".25", 7, "", f"{out}/t25.bam")
relabelled(f"{pair}/normal.bam", None, 0, "copy", f"{out}/n_copy.bam")
normals = {"~35x": mixed("mix35", [f"{out}/t08.bam"]),
           "~75x": mixed("mix75", [f"{out}/n_copy.bam", f"{out}/t25.bam"])}

for depth, bam in normals.items():
    for label, priors in (("estimated priors", []),
                          ("a hypermutator's somatic prior (1e-4)", ["--somatic-prior", "1e-4"])):
        path = f"{out}/calls.vcf"
        run([binary("somatic-snv"), "--tumour", bam, "--normal", bam, "--reference", f"{pair}/ref.fa",
             "--threads", "2", "--min-report-qss", "0", "-o", path] + priors)
        calls, header = read_vcf(path)
        passed = [c for c in calls if c["filter"] == "PASS"]
        shared = [c for c in calls if int(c["samples"][1]["AD"].split(",")[1]) >= 2 and
                  float(c["samples"][1]["AF"]) < 0.2]
        check(len(shared) >= 20, f"{depth}, {label}: the mixed normal carries low-fraction variants "
                                 f"({len(shared)} sites with 2+ alt reads below 20%)")
        check(not passed, f"{depth}, {label}: no PASS call ({len(passed)}: "
                          f"{[(c['chrom'], c['pos'], c['info'].get('QSS')) for c in passed[:5]]})")
        if not priors:
            shared_prior = float(next(h.split("=")[1].split(",")[0] for h in header
                                      if h.startswith("##shared_prior=")))
            check(shared_prior > 1e-6, f"{depth}: the shared prior is estimated above its floor ({shared_prior})")
finish()
